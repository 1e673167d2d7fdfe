using PatientCentric.Control;
using static PatientCentric.Tests.Control.SpcReference;

namespace PatientCentric.Tests.Control;

public sealed class SpcChartTests
{
    private static SpcChartOptions Times(double multiplier) => new() { Multiplier = multiplier };

    // PowerBI-SPC asserts toBeCloseTo(expected, digits): |expected − actual| < 0.5·10^−digits, per point and limit.
    private static void AssertLimits(SpcChartResult chart, double[] lower99, double[] lower95, double[] upper95, double[] upper99, int digits)
    {
        double tolerance = 0.5 * Math.Pow(10, -digits);
        for (int i = 0; i < chart.Points.Length; i++)
        {
            var p = chart.Points[i];
            Assert.Equal(lower99[i], p.LowerProcessLimit!.Value, tolerance);
            Assert.Equal(lower95[i], p.LowerNearLimit!.Value, tolerance);
            Assert.Equal(upper95[i], p.UpperNearLimit!.Value, tolerance);
            Assert.Equal(upper99[i], p.UpperProcessLimit!.Value, tolerance);
        }
    }

    [Fact]
    public void PowerBiSpc_PChart_PercentLimitsPerPoint()
    {
        var chart = SpcChart.Compute(SpcChartKind.P, PNumerators, PDenominators, Times(100));
        Assert.Equal(36, chart.Points.Length);
        AssertLimits(chart, PLower99, PLower95, PUpper95, PUpper99, 2);
    }

    [Fact]
    public void PowerBiSpc_PPrimeChart_PercentLimitsPerPoint()
    {
        var chart = SpcChart.Compute(SpcChartKind.PPrime, PPrimeNumerators, PPrimeDenominators, Times(100));
        AssertLimits(chart, PPrimeLower99, PPrimeLower95, PPrimeUpper95, PPrimeUpper99, 4);
    }

    [Fact]
    public void PowerBiSpc_UChart_Per10000()
    {
        var chart = SpcChart.Compute(SpcChartKind.U, UNumerators, UDenominators, Times(10_000));
        AssertLimits(chart, ULower99, ULower95, UUpper95, UUpper99, 4);
    }

    [Fact]
    public void PowerBiSpc_UPrimeChart()
    {
        var chart = SpcChart.Compute(SpcChartKind.UPrime, UPrimeNumerators, UPrimeDenominators);
        AssertLimits(chart, UPrimeLower99, UPrimeLower95, UPrimeUpper95, UPrimeUpper99, 4);
    }

    [Fact]
    public void PowerBiSpc_CChart_EachGroupSeparately()
    {
        // The published case splits the series into two groups (24 and 12 points), each with its own limits.
        var first = SpcChart.Compute(SpcChartKind.C, CNumerators.AsSpan(0, 24), []);
        var second = SpcChart.Compute(SpcChartKind.C, CNumerators.AsSpan(24), []);
        AssertLimits(first, CLower99, CLower95, CUpper95, CUpper99, 2);
        AssertLimits(second, CLower99[24..], CLower95[24..], CUpper95[24..], CUpper99[24..], 2);
        Assert.Equal(0, second.Points[0].LowerProcessLimit);   // c̄ − 3√c̄ < 0 is clamped to 0
    }

    [Fact]
    public void PowerBiSpc_IChart_OnRatios()
    {
        var chart = SpcChart.Compute(SpcChartKind.I, INumerators, IDenominators);
        AssertLimits(chart, ILower99, ILower95, IUpper95, IUpper99, 4);
    }

    [Fact]
    public void PowerBiSpc_MRChart_ValuesAndLimits()
    {
        var chart = SpcChart.Compute(SpcChartKind.MR, MRNumerators, MRDenominators);
        Assert.Equal(16, chart.Points.Length);   // n − 1: the first period has no moving range
        for (int i = 0; i < 16; i++)
            Assert.Equal(MRValues[i], chart.Points[i].Value!.Value, 0.00005);
        AssertLimits(chart, MRLower99, MRLower95, MRUpper95, MRUpper99, 4);
    }

    [Fact]
    public void PowerBiSpc_GChart()
    {
        var chart = SpcChart.Compute(SpcChartKind.G, GNumerators, []);
        AssertLimits(chart, GLower99, GLower95, GUpper95, GUpper99, 2);
    }

    [Fact]
    public void PowerBiSpc_TChart_WithScreenedMovingRanges()
    {
        // The published t case screens moving ranges (of x^(1/3.6)) of at least 3.267·m̄R out of m̄R: without screening the
        // 3-sigma limits are 0.0079 and 106.04 instead of the printed 0.0221 and 97.268.
        var chart = SpcChart.Compute(SpcChartKind.T, TNumerators, [], new SpcChartOptions { ScreenOutliers = true });
        AssertLimits(chart, TLower99, TLower95, TUpper95, TUpper99, 2);
    }

    [Fact]
    public void PowerBiSpc_SChart_PerSubgroupSize()
    {
        var chart = SpcChart.Compute(SpcChartKind.S, SSds, SDenominators);
        AssertLimits(chart, SLower99, SLower95, SUpper95, SUpper99, 2);
    }

    [Fact]
    public void PowerBiSpc_XBarChart_PerSubgroupSize()
    {
        var chart = SpcChart.Compute(SpcChartKind.XBar, XBarNumerators, XBarDenominators, XBarSds);
        AssertLimits(chart, XBarLower99, XBarLower95, XBarUpper95, XBarUpper99, 2);
    }
}
