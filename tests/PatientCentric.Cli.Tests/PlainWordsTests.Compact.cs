using PatientCentric.Cli.Report;
using PatientCentric.Control;

namespace PatientCentric.Cli.Tests;

public sealed partial class PlainWordsTests
{
    [Theory]
    [InlineData(VariationIcon.CommonCause, "common cause")]
    [InlineData(VariationIcon.SpecialCauseImprovement, "special cause improvement")]
    [InlineData(VariationIcon.SpecialCauseConcern, "special cause concern")]
    [InlineData(VariationIcon.SpecialCauseNeutral, "special cause (neither better nor worse)")]
    public void Compact_Variation_IsTheTrendsTablesWords(VariationIcon icon, string expected) =>
        Assert.Equal(expected, PlainWords.Compact(icon, null));

    [Fact]
    public void Compact_NoChart_GivesTheReason() =>
        Assert.Equal("no chart: fewer than 2 periods with data", PlainWords.Compact(null, "fewer than 2 periods with data"));

    [Theory]
    [InlineData(AssuranceIcon.ConsistentPass, "consistently meets target")]
    [InlineData(AssuranceIcon.ConsistentFail, "consistently misses target")]
    [InlineData(AssuranceIcon.Inconsistent, "hit or miss")]
    public void Compact_Assurance_IsTheTrendsTablesWords(AssuranceIcon icon, string expected) =>
        Assert.Equal(expected, PlainWords.Compact(icon));

    [Fact]
    public void Compact_NoAssurance_IsNoTarget() => Assert.Equal("no target", PlainWords.Compact((AssuranceIcon?)null));
}
