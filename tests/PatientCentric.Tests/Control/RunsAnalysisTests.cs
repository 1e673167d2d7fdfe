using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PatientCentric.Control;

namespace PatientCentric.Tests.Control;

public sealed class RunsAnalysisTests
{
    // Critical values for n = 10..100 useful observations, "Upper limit for longest run" and "Lower limit for number of
    // crossings", the Anhøj rules of Anhøj & Olesen (2014), PLoS ONE 9(11): e113825. Copied from the table "Critical values for
    // runs and crossing" printed in the README of Anhøj's pbcharts package (documentation text only). Exact integers.
    private static readonly int[] PublishedLongestRunMax =
    [
        6, 6, 7, 7, 7, 7, 7, 7, 7, 7,   // 10..19
        7, 7, 7, 8, 8, 8, 8, 8, 8, 8,   // 20..29
        8, 8, 8, 8, 8, 8, 8, 8, 8, 8,   // 30..39
        8, 8, 8, 8, 8, 8, 9, 9, 9, 9,   // 40..49
        9, 9, 9, 9, 9, 9, 9, 9, 9, 9,   // 50..59
        9, 9, 9, 9, 9, 9, 9, 9, 9, 9,   // 60..69
        9, 9, 9, 9, 9, 9, 9, 9, 9, 9,   // 70..79
        9, 9, 9, 9, 9, 9, 9, 9, 9, 9,   // 80..89
        9, 10, 10, 10, 10, 10, 10, 10, 10, 10,   // 90..99
        10,   // 100
    ];

    private static readonly int[] PublishedCrossingsMin =
    [
        2, 2, 3, 3, 4, 4, 4, 5, 5, 6,   // 10..19
        6, 6, 7, 7, 8, 8, 8, 9, 9, 10,   // 20..29
        10, 11, 11, 11, 12, 12, 13, 13, 14, 14,   // 30..39
        14, 15, 15, 16, 16, 17, 17, 17, 18, 18,   // 40..49
        19, 19, 20, 20, 21, 21, 21, 22, 22, 23,   // 50..59
        23, 24, 24, 25, 25, 25, 26, 26, 27, 27,   // 60..69
        28, 28, 29, 29, 29, 30, 30, 31, 31, 32,   // 70..79
        32, 33, 33, 34, 34, 34, 35, 35, 36, 36,   // 80..89
        37, 37, 38, 38, 39, 39, 39, 40, 40, 41,   // 90..99
        41,   // 100
    ];

    [Fact]
    public void Limits_ReproduceThePublishedTable_ForTenToHundred()
    {
        Assert.Equal(91, PublishedLongestRunMax.Length);
        Assert.Equal(91, PublishedCrossingsMin.Length);
        for (int n = 10; n <= 100; n++)
        {
            Assert.True(PublishedLongestRunMax[n - 10] == RunsAnalysis.LongestRunLimit(n), $"longest run limit, n = {n}");
            Assert.True(PublishedCrossingsMin[n - 10] == RunsAnalysis.CrossingsLimit(n), $"crossings limit, n = {n}");
        }
    }

    [Fact]
    public void LongestRunLimit_IntegerFormula_EqualsRoundedLog2()
    {
        for (int n = 1; n <= 200_000; n++)
            Assert.Equal((int)Math.Round(Math.Log2(n) + 3, MidpointRounding.AwayFromZero), RunsAnalysis.LongestRunLimit(n));
        Assert.Equal(34, RunsAnalysis.LongestRunLimit(int.MaxValue));   // log2(2^31 − 1) ≈ 31.0
    }

    [Fact]
    public void CrossingsLimit_DoublePrecisionPath_AgreesWithExactSums()
    {
        for (int m = 121; m <= 4_000; m += 13)
            Assert.True(RunsAnalysis.CrossingsLimitBigInteger(m) == RunsAnalysis.CrossingsLimitDouble(m), $"m = {m}");
        Assert.Equal(RunsAnalysis.CrossingsLimitBigInteger(120), RunsAnalysis.CrossingsLimit(121));   // UInt128 path's last n
    }

    [Fact]
    public void CrossingsLimit_LargeN_IsNearTheNormalQuantile()
    {
        // For n = 1,000,001: mean 500,000, sd 500; the 5 % quantile is ≈ 500,000 − 1.645·500 = 499,177.5.
        int k = RunsAnalysis.CrossingsLimit(1_000_001);
        Assert.InRange(k, 499_175, 499_180);
    }

    [Fact]
    public void WorkedExample_ThirteenPoints_FiveCrossings_LongestRunThree()
    {
        // Wentzel-Larsen & Anhøj, Science Trends, "Improving tools for quality improvement: crossings, runs and crossrun": 13 points
        // crossing the midline from time 3 to 4, 6 to 7, 7 to 8, 9 to 10 and 10 to 11 → 5 crossings, longest run 3 (no signal:
        // the limits for 13 are 3 crossings and a run of 7).
        double[] y = [1, 1, 1, -1, -1, -1, 1, -1, -1, 1, -1, -1, -1];
        var r = RunsAnalysis.Analyze(y, 0.0);
        Assert.Equal((13, 13, 3, 7, 5, 3, false), (r.Observations, r.UsefulObservations, r.LongestRun, r.LongestRunMax, r.Crossings, r.CrossingsMin, r.Signal));
    }

    [Fact]
    public void PointsOnTheCentreLine_AreDroppedAndDoNotBreakARun()
    {
        // Centre 0: the three zeros vanish, so 1, 1, 0, 1 is one run of 3 (not two runs), and 10 points are useful.
        double[] y = [1, 1, 0, 1, -1, 0, -1, 1, -1, 1, -1, 1, 0];
        var r = RunsAnalysis.Analyze(y, 0.0);
        Assert.Equal((13, 10, 3, 6), (r.Observations, r.UsefulObservations, r.LongestRun, r.Crossings));
        Assert.Equal((6, 2, false), (r.LongestRunMax, r.CrossingsMin, r.Signal));
    }

    [Fact]
    public void Signal_LongRunOrFewCrossings()
    {
        // 12 useful: run limit 7, crossing limit 3. Eight above then four below: run 8 > 7 → signal (1 crossing < 3 as well).
        double[] y = [5, 5, 5, 5, 5, 5, 5, 5, -5, -5, -5, -5];
        Assert.True(RunsAnalysis.Analyze(y, 0.0).Signal);
        // Four runs of 3: longest 3, 3 crossings = limit → no signal; three runs of 4 → 2 crossings < 3 → signal.
        Assert.False(RunsAnalysis.Analyze([1, 1, 1, -1, -1, -1, 1, 1, 1, -1, -1, -1], 0.0).Signal);
        Assert.True(RunsAnalysis.Analyze([1, 1, 1, 1, -1, -1, -1, -1, 1, 1, 1, 1], 0.0).Signal);
    }

    [Fact]
    public void CentreLines_MedianOfEvenCount_IsTheMeanOfTheMiddleTwo_AndMeanIsTheMean()
    {
        double[] y = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100];
        Assert.Equal(5.5, RunsAnalysis.Analyze(y).Centre);
        Assert.Equal(14.5, RunsAnalysis.Analyze(y, RunsCentreLine.Mean).Centre);
        Assert.Equal(3.0, RunsAnalysis.Analyze([5, 1, 3]).Centre);
    }

    [Fact]
    public void FewerThanTenUsefulPoints_IsInsufficientData()
    {
        var r = RunsAnalysis.Analyze([1, 2, 3, 4, 5, 6, 7, 8, 9, 5]);   // median 5: two points on it → 8 useful
        Assert.Equal((10, 8, true), (r.Observations, r.UsefulObservations, r.InsufficientData));
        Assert.Equal((null, null, null), (r.LongestRunMax, r.CrossingsMin, r.Signal));
        Assert.Equal((4, 1), (r.LongestRun, r.Crossings));
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => RunsAnalysis.Analyze([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => RunsAnalysis.Analyze([1, double.PositiveInfinity]));
        Assert.Throws<ArgumentOutOfRangeException>(() => RunsAnalysis.Analyze([1, 2], double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => RunsAnalysis.CrossingsLimit(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RunsAnalysis.LongestRunLimit(0));
    }

    [Property(MaxTest = 1_000)]
    public Property RunsAndCrossings_MatchAPlainCount() =>
        Prop.ForAll(Gen.Choose(-3, 3).Select(v => (double)v).ArrayOf().Where(a => a.Length > 0).ToArbitrary(), y =>
        {
            var r = RunsAnalysis.Analyze(y);
            int[] sides = [.. y.Where(v => v != r.Centre).Select(v => Math.Sign(v - r.Centre))];
            int runs = sides.Where((s, i) => i == 0 || s != sides[i - 1]).Count();
            int longest = 0, current = 0;
            for (int i = 0; i < sides.Length; i++)
                longest = Math.Max(longest, current = i > 0 && sides[i] == sides[i - 1] ? current + 1 : 1);
            return r.UsefulObservations == sides.Length && r.Crossings == Math.Max(0, runs - 1) && r.LongestRun == longest
                && (r.Signal is null) == (sides.Length < 10);
        });
}
