using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
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

    // Hand-worked series (no published example prints run, i-median or i-median-mr limits): 1, 3, 2, 6, 4, 5, 9.
    // Sorted 1 2 3 4 5 6 9: median 4. Moving ranges 2 1 4 2 1 4: mean 14/6 = 2.333333, median (sorted 1 1 2 2 4 4) = 2.
    private static readonly double[] Seven = [1, 3, 2, 6, 4, 5, 9];

    [Fact]
    public void Run_HandWorked_MedianCentre_NoLimits()
    {
        var chart = SpcChart.Compute(SpcChartKind.Run, Seven, []);
        Assert.All(chart.Points, p => Assert.Equal(4, p.CentreLine));
        Assert.All(chart.Points, p => Assert.Equal((null, null, null, null, null, null, false),
            (p.LowerProcessLimit, p.UpperProcessLimit, p.LowerNearLimit, p.UpperNearLimit, p.LowerOneSigma, p.UpperOneSigma, p.OutsideLimits)));
        Assert.Null(SpcChart.Compute(SpcChartKind.Run, Seven, [], new SpcChartOptions { Target = 100 }).AssuranceIcon);
    }

    [Fact]
    public void IMedian_HandWorked_MedianCentre_MeanMovingRangeSigma()
    {
        // σ = 2.333333 ÷ 1.128 = 2.0685579; limits 4 ± kσ.
        var p = SpcChart.Compute(SpcChartKind.IMedian, Seven, []).Points[0];
        double sigma = 14.0 / 6 / 1.128;
        Assert.Equal(4, p.CentreLine);
        Assert.Equal(4 + (3 * sigma), p.UpperProcessLimit!.Value, 1e-12);
        Assert.Equal(4 - (2 * sigma), p.LowerNearLimit!.Value, 1e-12);
        Assert.Equal(4 + sigma, p.UpperOneSigma!.Value, 1e-12);
        Assert.Equal(10.205673758865249, p.UpperProcessLimit!.Value, 1e-9);
    }

    [Fact]
    public void IMedianMR_HandWorked_MedianMovingRangeSigma()
    {
        // σ = 2 ÷ 1.128 = 1.7730496; UPL = 4 + 5.3191489 = 9.3191489, LPL = −1.3191489; 9 < UPL so nothing is outside.
        var chart = SpcChart.Compute(SpcChartKind.IMedianMR, Seven, []);
        Assert.Equal(9.319148936170213, chart.Points[6].UpperProcessLimit!.Value, 1e-9);
        Assert.Equal(-1.3191489361702127, chart.Points[6].LowerProcessLimit!.Value, 1e-9);
        Assert.DoesNotContain(chart.Points, p => p.OutsideLimits);
    }

    [Fact]
    public void I_HandWorked_MeanCentre_NotClamped()
    {
        // Mean 30/7 = 4.2857143; LPL = 4.2857143 − 3·2.0685579 = −1.9199594 (negative, kept).
        var p = SpcChart.Compute(SpcChartKind.I, Seven, []).Points[0];
        Assert.Equal(30.0 / 7, p.CentreLine, 1e-12);
        Assert.Equal((30.0 / 7) - (3 * 14.0 / 6 / 1.128), p.LowerProcessLimit!.Value, 1e-12);
    }

    [Fact]
    public void Run_TrendAndShift_AreTheOnlyRules()
    {
        // 14 points: seven at 1 then seven at 5 (median 3): two shifts. A huge value can never be "outside" a run chart.
        double[] y = [1, 1, 1, 1, 1, 1, 1, 5, 5, 5, 5, 5, 5, 500];
        var chart = SpcChart.Compute(SpcChartKind.Run, y, [], new SpcChartOptions { ImprovementDirection = ImprovementDirection.Decrease });
        Assert.All(chart.Points.Take(7), p => Assert.Equal((SpecialCauseRule.Shift, PointType.SpecialCauseImprovement), (p.SpecialCause, p.PointType)));
        Assert.All(chart.Points.Skip(7), p => Assert.Equal((SpecialCauseRule.Shift, PointType.SpecialCauseConcern), (p.SpecialCause, p.PointType)));
        Assert.Equal(VariationIcon.SpecialCauseConcern, chart.VariationIcon);
    }

    [Fact]
    public void G_SidesAreTakenAgainstTheMedian()
    {
        // 5×7, 1×8, 100: median (1 + 5)/2 = 3, mean 143/16 = 8.9375. Against the median the 5s are a shift above (improvement:
        // more cases between events is better); against the mean they would be below. UPL = 8.9375 + 3·√(8.9375·9.9375) =
        // 37.21 < 100, so the last point is outside.
        double[] y = [5, 5, 5, 5, 5, 5, 5, 1, 1, 1, 1, 1, 1, 1, 1, 100];
        var chart = SpcChart.Compute(SpcChartKind.G, y, []);
        Assert.Equal(3, chart.Points[0].CentreLine);
        Assert.Equal(8.9375 + (3 * Math.Sqrt(8.9375 * 9.9375)), chart.Points[0].UpperProcessLimit!.Value, 1e-12);
        Assert.Equal(0, chart.Points[0].LowerOneSigma);
        Assert.Equal((SpecialCauseRule.Shift, PointType.SpecialCauseImprovement), (chart.Points[0].SpecialCause, chart.Points[0].PointType));
        Assert.Equal((SpecialCauseRule.Shift, PointType.SpecialCauseConcern), (chart.Points[7].SpecialCause, chart.Points[7].PointType));
        Assert.True(chart.Points[15].OutsideLimits);
    }

    [Fact]
    public void ValueExactlyOnALimit_IsInside()
    {
        // c chart fixed after 4 points (2, 6, 2, 6): c̄ = 4, σ = 2, UPL = 10 exactly. 10 is inside, 10.5 outside.
        var chart = SpcChart.Compute(SpcChartKind.C, [2, 6, 2, 6, 10, 10.5], [], new SpcChartOptions { FixAfterNPoints = 4 });
        Assert.Equal(4, chart.BaselineCount);
        Assert.Equal(10, chart.Points[4].UpperProcessLimit);
        Assert.Equal((false, true), (chart.Points[4].OutsideLimits, chart.Points[5].OutsideLimits));
    }

    [Fact]
    public void Assurance_ReadsTheLastPointsOwnLimits()
    {
        // p chart 5/10, 50/100: p̄ = 0.5. Last point: σ = √(0.25/100) = 0.05, UPL 0.65; first point UPL 0.974. Target 0.7 is
        // above the last point's UPL: consistent fail (it would be inconsistent against the first point's limits).
        var chart = SpcChart.Compute(SpcChartKind.P, [5, 50], [10, 100], new SpcChartOptions { Target = 0.7 });
        Assert.Equal(0.65, chart.Points[1].UpperProcessLimit!.Value, 1e-12);
        Assert.Equal(AssuranceIcon.ConsistentFail, chart.AssuranceIcon);
    }

    [Fact]
    public void Gaps_AreKeptInPlace_AndSkippedForLimitsAndRules()
    {
        double gap = SpcChart.NoData;
        var withGap = SpcChart.Compute(SpcChartKind.P, [3, 4, gap, 5, 2, 6], [50, 60, 0, 55, 40, 70]);
        var without = SpcChart.Compute(SpcChartKind.P, [3, 4, 5, 2, 6], [50, 60, 55, 40, 70]);
        Assert.Equal(6, withGap.Points.Length);
        var g = withGap.Points[2];
        Assert.Equal((false, (double?)null, (double?)null), (g.HasValue, g.Value, g.UpperProcessLimit));
        Assert.Equal(without.Points, withGap.Points.Where(p => p.HasValue));

        // i chart: moving ranges do not bridge a gap. 1, 3, gap, 2, 6: ranges |3 − 1| = 2 and |6 − 2| = 4, m̄R = 3 (not 7/3).
        var i = SpcChart.Compute(SpcChartKind.I, [1, 3, gap, 2, 6], []);
        Assert.Equal(3.0 + (3 * 3 / 1.128), i.Points[0].UpperProcessLimit!.Value, 1e-12);   // mean of 1, 3, 2, 6 = 3
        Assert.Null(SpcChart.Compute(SpcChartKind.MR, [1, 3, gap, 2, 6], []).Points[1].Value);
    }

    [Fact]
    public void Gap_AsLastPeriod_IconsReadTheLastPointWithData()
    {
        var chart = SpcChart.Compute(SpcChartKind.C, [2, 6, 2, 6, 30, SpcChart.NoData], [], new SpcChartOptions { FixAfterNPoints = 4 });
        Assert.Equal(VariationIcon.SpecialCauseImprovement, chart.VariationIcon);
    }

    [Fact]
    public void FixAfterNPoints_ComputesFromTheFirstPointsAndExtends()
    {
        // u chart fixed after 3: ū = (2 + 4 + 3) ÷ (10 + 20 + 30) = 0.15; the later point (40 events in 10) does not move it.
        var chart = SpcChart.Compute(SpcChartKind.U, [2, 4, 3, 40], [10, 20, 30, 10], new SpcChartOptions { FixAfterNPoints = 3 });
        Assert.All(chart.Points, p => Assert.Equal(0.15, p.CentreLine, 1e-15));
        Assert.Equal(0.15 + (3 * Math.Sqrt(0.15 / 10)), chart.Points[3].UpperProcessLimit!.Value, 1e-12);
        Assert.True(chart.Points[3].OutsideLimits);
    }

    [Fact]
    public void ScreenOutliers_LeavesTheLargeMovingRangeOut()
    {
        // 1, 2, 1, 2, 1, 20 (as the XmR tests): m̄R 4.6 unscreened, 1 screened; σ = m̄R ÷ 1.128.
        double[] y = [1, 2, 1, 2, 1, 20];
        var off = SpcChart.Compute(SpcChartKind.I, y, []);
        var on = SpcChart.Compute(SpcChartKind.I, y, [], new SpcChartOptions { ScreenOutliers = true });
        Assert.Equal(4.5 + (3 * 4.6 / 1.128), off.Points[0].UpperProcessLimit!.Value, 1e-12);
        Assert.Equal(4.5 + (3 * 1 / 1.128), on.Points[0].UpperProcessLimit!.Value, 1e-12);
    }

    [Fact]
    public void BadInput_ThrowsNamingTheElement()
    {
        Assert.Contains("numerators[1]", Assert.Throws<ArgumentOutOfRangeException>(() => SpcChart.Compute(SpcChartKind.P, [1, 5], [2, 4])).Message, StringComparison.Ordinal);
        Assert.Contains("denominators[0]", Assert.Throws<ArgumentOutOfRangeException>(() => SpcChart.Compute(SpcChartKind.U, [1, 5], [0, 4])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => SpcChart.Compute(SpcChartKind.C, [1, -5], []));
        Assert.Throws<ArgumentException>(() => SpcChart.Compute(SpcChartKind.P, [1, 2], [3]));
        Assert.Throws<ArgumentException>(() => SpcChart.Compute(SpcChartKind.C, [1, 2], [3, 4]));
        Assert.Throws<ArgumentException>(() => SpcChart.Compute(SpcChartKind.I, [1], []));
        Assert.Throws<ArgumentException>(() => SpcChart.Compute(SpcChartKind.P, [1, 2], [3, 4], new SpcChartOptions { ScreenOutliers = true }));
        Assert.Throws<ArgumentException>(() => SpcChart.Compute(SpcChartKind.XBar, [1, 2], [3, 4]));
        Assert.Throws<ArgumentOutOfRangeException>(() => SpcChart.Compute(SpcChartKind.S, [1, 2], [3, 1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => SpcChart.Compute(SpcChartKind.I, [1e308, -1e308, 1e308], []));
    }

    // ---- Properties -------------------------------------------------------------------------------------------------------

    private static readonly SpcChartKind[] SizedKinds = [SpcChartKind.P, SpcChartKind.PPrime, SpcChartKind.U, SpcChartKind.UPrime, SpcChartKind.S, SpcChartKind.XBar];

    private static Arbitrary<(SpcChartKind Kind, double[] Num, double[] Den, double[] Sds)> SizedCharts() =>
        (from kind in Gen.Elements(SizedKinds)
         from n in Gen.Choose(3, 30)
         from sizes in Gen.Choose(2, 2000).ArrayOf(n)
         from rates in Gen.Choose(1, 999).ArrayOf(n)
         let den = sizes.Select(s => (double)s).ToArray()
         let num = kind is SpcChartKind.P or SpcChartKind.PPrime or SpcChartKind.U or SpcChartKind.UPrime
             ? den.Select((d, i) => Math.Floor(d * rates[i] / 1000.0)).ToArray()
             : rates.Select(r => r / 10.0).ToArray()
         select (kind, num, den, rates.Select(r => 1 + (r / 100.0)).ToArray())).ToArbitrary();

    private static SpcChartResult Chart((SpcChartKind Kind, double[] Num, double[] Den, double[] Sds) c) =>
        SpcChart.Compute(c.Kind, c.Num, c.Den, c.Kind == SpcChartKind.XBar ? c.Sds : []);

    [Property(MaxTest = 500)]
    public Property Limits_WidenAsDenominatorsShrink() =>
        Prop.ForAll(SizedCharts(), c =>
        {
            var points = Chart(c).Points;
            for (int i = 0; i < points.Length; i++)
            {
                for (int j = 0; j < points.Length; j++)
                {
                    if (c.Den[i] < c.Den[j] && (points[i].UpperProcessLimit < points[j].UpperProcessLimit || points[i].LowerProcessLimit > points[j].LowerProcessLimit
                                                || points[i].UpperOneSigma < points[j].UpperOneSigma || points[i].LowerNearLimit > points[j].LowerNearLimit))
                        return false;
                }
            }
            return true;
        });

    [Property(MaxTest = 500)]
    public Property Limits_StayInsideThePossibleRange_AndAreOrdered() =>
        Prop.ForAll(SizedCharts(), c =>
        {
            var r = Chart(c);
            bool proportion = c.Kind is SpcChartKind.P or SpcChartKind.PPrime;
            bool nonNegative = c.Kind != SpcChartKind.XBar;
            return r.Points.All(p =>
                p.LowerProcessLimit <= p.LowerNearLimit && p.LowerNearLimit <= p.LowerOneSigma && p.LowerOneSigma <= p.CentreLine
                && p.CentreLine <= p.UpperOneSigma && p.UpperOneSigma <= p.UpperNearLimit && p.UpperNearLimit <= p.UpperProcessLimit
                && (!nonNegative || p.LowerProcessLimit >= 0) && (!proportion || p.UpperProcessLimit <= 1));
        });

    [Property(MaxTest = 300)]
    public Property Laney_WithSigmaZOfOne_EqualsThePlainChart() =>
        // Build yᵢ = centre + zᵢσᵢ with zᵢ alternating ±0.564 over pairs of equal sizes: mean |zᵢ − zᵢ₋₁| = 1.128, so σz = 1,
        // and Σnᵢyᵢ = centre·Σnᵢ (the ± terms cancel pairwise), so the centre is recovered exactly.
        Prop.ForAll((from pairs in Gen.Choose(2, 15)
                     from sizes in Gen.Choose(100, 5000).ArrayOf(15)
                     from percent in Gen.Choose(20, 80)
                     from proportion in Gen.Elements(true, false)
                     select (pairs, sizes, percent, proportion)).ToArbitrary(),
            c =>
            {
                var (pairs, sizes, percent, proportion) = c;
                double centre = percent / 100.0;
                var den = new double[2 * pairs];
                var num = new double[2 * pairs];
                for (int i = 0; i < den.Length; i++)
                {
                    den[i] = sizes[i / 2];
                    double sigma = Math.Sqrt((proportion ? centre * (1 - centre) : centre) / den[i]);
                    num[i] = (centre + ((i % 2 == 0 ? 0.564 : -0.564) * sigma)) * den[i];
                }
                var (plain, laney) = proportion ? (SpcChartKind.P, SpcChartKind.PPrime) : (SpcChartKind.U, SpcChartKind.UPrime);
                var a = SpcChart.Compute(plain, num, den).Points;
                var b = SpcChart.Compute(laney, num, den).Points;
                return a.Zip(b).All(x => Math.Abs(x.First.UpperProcessLimit!.Value - x.Second.UpperProcessLimit!.Value) < 1e-9
                                         && Math.Abs(x.First.LowerNearLimit!.Value - x.Second.LowerNearLimit!.Value) < 1e-9
                                         && x.First.PointType == x.Second.PointType);
            });

    [Property(MaxTest = 300)]
    public Property RunChart_NeverOutside_AndNeverTwoOfThree() =>
        Prop.ForAll(Gen.Choose(-50, 50).Select(v => (double)v).ArrayOf().Where(a => a.Length >= 1).ToArbitrary(), y =>
            SpcChart.Compute(SpcChartKind.Run, y, []).Points.All(p => !p.OutsideLimits && p.SpecialCause is SpecialCauseRule.None or SpecialCauseRule.Trend or SpecialCauseRule.Shift));
}
