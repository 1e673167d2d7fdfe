using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PatientCentric.Control;

namespace PatientCentric.Tests.Control;

public sealed class FunnelPlotTests
{
    // Hand-worked rate funnel (no published example gives every intermediate; the arithmetic is shown):
    // O = 10, 20, 30, 60 events over D = 100, 100, 200, 200 patient days. θ = 120 ÷ 600 = 0.2; E = θD = 20, 20, 40, 40.
    // z₀ = (log(O/D) − log θ)·√E = log 0.5·√20, 0, log 0.75·√40, log 1.5·√40 = −3.0998484, 0, −1.8194612, 2.5643865.
    // Type-7 10 % / 90 % percentiles of the sorted z₀ (h = 0.3 and 2.7): −3.0998484 + 0.3·1.2803872 = −2.7157323 and
    // 0 + 0.7·2.5643865 = 1.7950706. Winsorised: −2.7157323, 0, −1.8194612, 1.7950706; φ = Σz² ÷ 4 = 3.4769797.
    // w = 1/s² = E: Σw = 120, Σw² = 4000; τ² = (4φ − 3) ÷ (120 − 4000/120) = 10.9079190 ÷ 86.666667 = 0.12586060.
    private static readonly double[] RateEvents = [10, 20, 30, 60];
    private static readonly double[] RateDays = [100, 100, 200, 200];

    [Fact]
    public void Rate_HandWorked_PhiAndTau2()
    {
        var f = FunnelPlot.Compute(FunnelDataType.Rate, RateEvents, RateDays);
        Assert.Equal(0.2, f.Target, 1e-15);
        Assert.Equal(3.476979741533368, f.Phi, 1e-12);
        Assert.Equal(0.12586060345538624, f.Tau2, 1e-12);
        Assert.Equal(FunnelOverdispersion.None, f.AppliedOverdispersion);
        Assert.Equal(-3.0998484282887167, f.Units[0].Z, 1e-12);   // unadjusted: z = z₀
    }

    [Fact]
    public void Rate_Additive_LimitsAreThetaTimesExpOfZSpread()
    {
        // Unit 1: spread = √(1/20 + τ²) = 0.4193590; limits 0.2·exp(∓1.959964·spread), 0.2·exp(∓3.090232·spread).
        var f = FunnelPlot.Compute(FunnelDataType.Rate, RateEvents, RateDays, new FunnelOptions { Overdispersion = FunnelOverdispersion.Additive });
        Assert.Equal(FunnelOverdispersion.Additive, f.AppliedOverdispersion);
        var u = f.Units[0];
        Assert.Equal(0.08791689725780488, u.Limits.Lower95, 1e-12);
        Assert.Equal(0.45497510999171403, u.Limits.Upper95, 1e-12);
        Assert.Equal(0.05472966058495489, u.Limits.Lower998, 1e-12);
        Assert.Equal(0.7308651208956328, u.Limits.Upper998, 1e-12);
        Assert.Equal(-1.6528794550254364, u.Z, 1e-12);   // log 0.5 ÷ spread
        Assert.Equal((false, false), (u.Outside95, u.Outside998));
        Assert.Equal(1.0439160313803029, f.Units[3].Z, 1e-12);
    }

    [Fact]
    public void Rate_Multiplicative_ScalesTheStandardErrorByRootPhi()
    {
        // Unit 3: spread = √(φ/40) = 0.2948299; 95 % limits 0.2·exp(∓1.959964·spread) = 0.1122201, 0.3564424.
        var f = FunnelPlot.Compute(FunnelDataType.Rate, RateEvents, RateDays, new FunnelOptions { Overdispersion = FunnelOverdispersion.Multiplicative });
        Assert.Equal(0.11222008219238627, f.Units[2].Limits.Lower95, 1e-12);
        Assert.Equal(0.3564424407694282, f.Units[2].Limits.Upper95, 1e-12);
        Assert.Equal(1.375252372682226, f.Units[3].Z, 1e-12);
        Assert.False(f.Units[3].Outside95);   // 0.3 lies inside [0.1122, 0.3564]
        var unadjusted = FunnelPlot.Compute(FunnelDataType.Rate, RateEvents, RateDays);
        Assert.True(unadjusted.Units[3].Outside95);   // but outside the exact Poisson limits (upper 95 % ≈ 0.28)
    }

    [Fact]
    public void Rate_Truncate_DropsTheUnitsBeyondThePercentiles()
    {
        // Truncation keeps z₀ within [−2.7157, 1.7951]: units 2 and 3 (0 and −1.8194612). φ = 1.8194612² ÷ 2 = 1.6552195;
        // Σw = 60, Σw² = 2000: τ² = (2φ − 1) ÷ (60 − 2000/60) = 2.3104390 ÷ 26.666667 = 0.0866415.
        var f = FunnelPlot.Compute(FunnelDataType.Rate, RateEvents, RateDays, new FunnelOptions { Trimming = FunnelTrimming.Truncate });
        Assert.Equal(1.6552194962030355, f.Phi, 1e-12);
        Assert.Equal(0.08664146221522767, f.Tau2, 1e-12);
    }

    [Fact]
    public void Ratio_Unadjusted_ExactPoissonLimitsFromTheChiSquareTable()
    {
        // Ratio, θ = 1, expected E = 10: 95 % limits χ²(0.025; 20) ÷ 20 and χ²(0.975; 22) ÷ 20; the NIST table gives
        // 9.591 and 36.781, so 0.47955 and 1.83905 (±0.000025 from the table's rounding).
        var f = FunnelPlot.Compute(FunnelDataType.Ratio, [10, 12], [10, 10]);
        Assert.Equal(1, f.Target);
        Assert.Equal(9.591 / 20, f.Units[0].Limits.Lower95, 0.000025);
        Assert.Equal(36.781 / 20, f.Units[0].Limits.Upper95, 0.000025);
        Assert.Equal(f.LimitsAt(10), f.Units[0].Limits);
    }

    [Fact]
    public void Proportion_HandWorked_ArcsineLimits()
    {
        // O = 5, 30, 12, 50 of n = 50, 100, 60, 400: θ = 97 ÷ 610 = 0.1590164; target angle asin √θ = 0.4109640.
        // Unit 1: s = 1/(2√50) = 0.0707107; 95 % limits sin²(0.4109640 ∓ 1.959964·s) = 0.0719618, 0.2721011.
        // Unit 2 (0.3 of 100): upper 99.8 % sin²(0.4109640 + 3.090232·0.05) = 0.2863855 < 0.3, so outside both.
        var f = FunnelPlot.Compute(FunnelDataType.Proportion, [5, 30, 12, 50], [50, 100, 60, 400], new FunnelOptions { Multiplier = 100 });
        Assert.Equal(15.901639344262294, f.Target, 1e-12);
        Assert.Equal(7.19618314975899, f.Units[0].Limits.Lower95, 1e-10);
        Assert.Equal(27.210114678557695, f.Units[0].Limits.Upper95, 1e-10);
        Assert.Equal(28.63854907100665, f.Units[1].Limits.Upper998, 1e-10);
        Assert.Equal((30.0, true, true), (f.Units[1].Value, f.Units[1].Outside95, f.Units[1].Outside998));
        Assert.Equal(3.0383816115074462, f.Phi, 1e-12);
        Assert.Equal(0.007122003994997664, f.Tau2, 1e-12);
        Assert.Equal(-1.2504916625085376, f.Units[0].Z, 1e-12);
    }

    [Fact]
    public void Proportion_AngleBeyondTheRange_GivesZeroOrOne()
    {
        // θ = 0.02, n = 4: angle 0.1418971, s = 0.25: the lower angles are negative → 0; θ = 0.98 → the upper ones exceed π/2 → 1.
        var low = FunnelPlot.Compute(FunnelDataType.Proportion, [0, 1], [4, 46]);
        Assert.Equal(0, low.Units[0].Limits.Lower95);
        Assert.Equal(0, low.Units[0].Limits.Lower998);
        var high = FunnelPlot.Compute(FunnelDataType.Proportion, [4, 45], [4, 46]);
        Assert.Equal(1, high.Units[0].Limits.Upper998);
    }

    [Fact]
    public void Rate_ZeroEvents_UsesAHalfEventForZ_AndIsJudgedByItsValue()
    {
        // Unit 1 has no events: value 0; z₀ = log(0.5/100 ÷ 0.2)·√20 = log(0.025)·4.4721360 = −16.4973; limits stay exact Poisson
        // (lower 95 % = 0.2·χ²(0.025; 40)/40 > 0), so the value 0 is outside.
        var f = FunnelPlot.Compute(FunnelDataType.Rate, [0, 40, 20], [100, 100, 100]);
        var u = f.Units[0];
        Assert.Equal(0, u.Value);
        Assert.Equal(Math.Log(0.5 / 100 / 0.2) * Math.Sqrt(20), u.Z, 1e-12);
        Assert.True(u.Limits.Lower95 > 0);
        Assert.True(u.Outside95);
        Assert.True(double.IsFinite(f.Phi) && double.IsFinite(f.Tau2));
    }

    [Fact]
    public void UnitExactlyOnALimit_IsInside()
    {
        // θ = 1 (ratio), additive adjustment off: build a unit whose value equals its own 95 % upper limit.
        var probe = FunnelPlot.Compute(FunnelDataType.Ratio, [5, 5], [5, 5]);
        double upper = probe.LimitsAt(5).Upper95;
        var f = FunnelPlot.Compute(FunnelDataType.Ratio, [upper * 5, 5], [5, 5], new FunnelOptions { Target = 1 });
        Assert.Equal(upper, f.Units[0].Value, 1e-15);
        Assert.Equal(f.Units[0].Value <= f.Units[0].Limits.Upper95, !f.Units[0].Outside95);
    }

    [Fact]
    public void PhiAtMostOne_NoAdjustmentEvenWhenAskedFor()
    {
        var f = FunnelPlot.Compute(FunnelDataType.Rate, [20, 21, 19, 20], [100, 100, 100, 100], new FunnelOptions { Overdispersion = FunnelOverdispersion.Additive });
        Assert.True(f.Phi <= 1);
        Assert.Equal(FunnelOverdispersion.None, f.AppliedOverdispersion);
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => FunnelPlot.Compute(FunnelDataType.Rate, [1, 2], [1]));
        Assert.Throws<ArgumentException>(() => FunnelPlot.Compute(FunnelDataType.Rate, [1], [1]));
        Assert.Throws<ArgumentException>(() => FunnelPlot.Compute(FunnelDataType.Rate, [0, 0], [1, 1]));
        var over = Assert.Throws<ArgumentOutOfRangeException>(() => FunnelPlot.Compute(FunnelDataType.Proportion, [3, 2], [2, 2]));
        Assert.Contains("numerators[0]", over.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => FunnelPlot.Compute(FunnelDataType.Rate, [1, -1], [1, 1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => FunnelPlot.Compute(FunnelDataType.Rate, [1, 1], [1, 0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => FunnelPlot.Compute(FunnelDataType.Rate, [1, 1], [1, 1], new FunnelOptions { WinsorisePercent = 50 }));
    }

    private static Arbitrary<(FunnelDataType Type, double[] Events, double[] Sizes, FunnelOverdispersion Od)> Funnels() =>
        (from type in Gen.Elements(FunnelDataType.Proportion, FunnelDataType.Ratio, FunnelDataType.Rate)
         from od in Gen.Elements(FunnelOverdispersion.None, FunnelOverdispersion.Multiplicative, FunnelOverdispersion.Additive)
         from n in Gen.Choose(2, 25)
         from sizes in Gen.Choose(1, 5000).ArrayOf(n)
         from rates in Gen.Choose(0, 1000).ArrayOf(n)
         let events = sizes.Select((s, i) => Math.Floor(s * rates[i] / 1000.0)).ToArray()
         where events.Sum() > 0
         select (type, events, sizes.Select(s => (double)s).ToArray(), od)).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Limits_ContainTheTarget_AndNarrowWithVolume() =>
        Prop.ForAll(Funnels(), Gen.Choose(1, 4000).ToArbitrary(), (f, volume) =>
        {
            var r = FunnelPlot.Compute(f.Type, f.Events, f.Sizes, new FunnelOptions { Overdispersion = f.Od });
            var small = r.LimitsAt(volume);
            var large = r.LimitsAt(volume * 2.5);
            bool contains = small.Lower998 <= small.Lower95 && small.Lower95 <= r.Target && r.Target <= small.Upper95 && small.Upper95 <= small.Upper998;
            bool narrows = large.Lower95 >= small.Lower95 && large.Upper95 <= small.Upper95 && large.Lower998 >= small.Lower998 && large.Upper998 <= small.Upper998;
            bool inRange = small.Lower998 >= 0 && (f.Type != FunnelDataType.Proportion || small.Upper998 <= 1);
            return contains && narrows && inRange;
        });
}
