using PatientCentric.Scoring;

namespace PatientCentric.Tests.Scoring;

public sealed class SmallCellRuleTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(10, true)]
    [InlineData(11, false)]
    [InlineData(5_708, false)]
    public void IsSuppressed_IsTrueFromOneToTenInclusive(long count, bool suppressed) =>
        Assert.Equal(suppressed, SmallCellRule.IsSuppressed(count));

    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "<11")]
    [InlineData(10, "<11")]
    [InlineData(11, "11")]
    [InlineData(5_708, "5,708")]
    public void Display_ShowsOneToTenAsLessThanEleven_AndOtherCountsWithInvariantSeparators(long count, string expected) =>
        Assert.Equal(expected, SmallCellRule.Display(count));

    [Fact]
    public void Display_NegativeCount_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SmallCellRule.Display(-1));
        Assert.Equal("count", e.ParamName);
    }
}
