using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PatientCentric.Value;

namespace PatientCentric.Tests.Value;

public sealed class ImportancePerformanceAnalysisTests
{
    private static readonly ImportancePerformance[] Clinic =
    [
        new("Short wait", 4.3, 3.1),
        new("Clear bill", 3.2, 3.0),
        new("Friendly desk", 3.6, 4.4),
        new("Easy parking", 2.5, 4.0),
        new("Call back same day", 4.5, 2.7),
    ];

    [Fact]
    public void Analyse_GrandMeans_PlacesEachAttribute()
    {
        var r = ImportancePerformanceAnalysis.Analyse(Clinic);
        Assert.Equal(3.62, r.ImportanceCrosshair, 12);
        Assert.Equal(3.44, r.PerformanceCrosshair, 12);
        Assert.Equal([IpaQuadrant.ConcentrateHere, IpaQuadrant.LowPriority, IpaQuadrant.PossibleOverkill, IpaQuadrant.PossibleOverkill, IpaQuadrant.ConcentrateHere],
                     r.Attributes.Select(a => a.Quadrant));
        Assert.Equal(3.1 - 4.3, r.Attributes[0].Gap, 12);
        // best = 4.4 (the highest performance); priorities 4.3·1.3 = 5.59 and 4.5·1.7 = 7.65; shares of their total 13.24.
        Assert.Equal(4.4, r.BestPerformance);
        Assert.Equal(5.59 / 13.24, r.Attributes[0].EffortShare, 12);
        Assert.Equal(7.65 / 13.24, r.Attributes[4].EffortShare, 12);
        Assert.Equal(0, r.Attributes[1].EffortShare);
        Assert.Equal(["Call back same day", "Short wait"], r.AllocationOrder);
    }

    [Fact]
    public void Analyse_ValueEqualToTheCrosshair_CountsAsHigh()
    {
        var r = ImportancePerformanceAnalysis.Analyse([new("a", 3, 3), new("b", 2, 4)], CrosshairRule.ScaleMidpoint, scaleMidpoint: 3);
        Assert.Equal(IpaQuadrant.KeepUpTheGoodWork, r.Attributes[0].Quadrant);
        Assert.Equal(IpaQuadrant.PossibleOverkill, r.Attributes[1].Quadrant);
    }

    [Fact]
    public void Analyse_Median_UsesTheMiddleOfTheAttributeMeans()
    {
        var r = ImportancePerformanceAnalysis.Analyse(Clinic, CrosshairRule.Median);
        Assert.Equal((3.6, 3.1), (r.ImportanceCrosshair, r.PerformanceCrosshair));
        Assert.Equal(IpaQuadrant.KeepUpTheGoodWork, r.Attributes[0].Quadrant);   // 3.1 is the median: equal counts as high
    }

    [Fact]
    public void Analyse_ScaleMidpointWithoutAValue_Throws() =>
        Assert.Throws<ArgumentException>(() => ImportancePerformanceAnalysis.Analyse(Clinic, CrosshairRule.ScaleMidpoint));

    private static Arbitrary<ImportancePerformance[]> Attributes() =>
        (from n in Gen.Choose(1, 12)
         from values in Gen.Choose(10, 50).Two().ArrayOf(n)
         select values.Select((v, i) => new ImportancePerformance($"a{i}", v.Item1 / 10.0, v.Item2 / 10.0)).ToArray()).ToArbitrary();

    [Property(MaxTest = 1_000)]
    public Property Quadrants_FollowTheCrosshairRule() =>
        Prop.ForAll(Attributes(), Gen.Elements(CrosshairRule.GrandMeans, CrosshairRule.Median, CrosshairRule.ScaleMidpoint).ToArbitrary(), (attributes, rule) =>
        {
            var r = ImportancePerformanceAnalysis.Analyse(attributes, rule, scaleMidpoint: 3);
            bool quadrants = r.Attributes.All(a => a.Quadrant == (a.Importance >= r.ImportanceCrosshair, a.Performance >= r.PerformanceCrosshair) switch
            {
                (true, false) => IpaQuadrant.ConcentrateHere,
                (true, true) => IpaQuadrant.KeepUpTheGoodWork,
                (false, false) => IpaQuadrant.LowPriority,
                _ => IpaQuadrant.PossibleOverkill,
            });
            var shares = r.Attributes.Where(a => a.Quadrant == IpaQuadrant.ConcentrateHere).Select(a => a.EffortShare).ToArray();
            return quadrants && (shares.Length == 0 || Math.Abs(shares.Sum() - 1) <= 1e-12) && r.Attributes.All(a => a.EffortShare is >= 0 and <= 1);
        });
}
