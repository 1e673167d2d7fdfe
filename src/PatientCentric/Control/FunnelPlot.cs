using System.Collections.Immutable;
using System.Runtime.InteropServices;
using PatientCentric.Scoring;

namespace PatientCentric.Control;

/// <summary>Funnel plots for comparing units (clinicians, service lines, sites) on a proportion, an indirectly standardised
/// ratio or a rate, with 95 % and 99.8 % limits that narrow with volume and an optional overdispersion adjustment.</summary>
/// <remarks>
/// <para>Follows Spiegelhalter, D. J. (2005), "Funnel plots for comparing institutional performance", Statistics in Medicine
/// 24:1185–1202, and "Handling over-dispersion of performance indicators", Quality and Safety in Health Care 14:347–351, with the
/// conventions of the FunnelPlotR package (version 0.6). A proportion p is compared as Y = asin √p against asin √θ with
/// s = 1 ÷ (2√n); a ratio or rate as Y = log(O ÷ D) against log θ with s = 1 ÷ √E, E = θ·D. Each unit's z₀ = (Y − target) ÷ s
/// is winsorised (or truncated) at the chosen percentiles (Hyndman–Fan type 7); φ is the mean of the squared z-scores and
/// τ² = (Nφ − (N − 1)) ÷ (Σw − Σw² ÷ Σw), w = 1 ÷ s² (DerSimonian &amp; Laird 1986), or 0 when Nφ &lt; N − 1. Unadjusted ratio and
/// rate limits are exact Poisson limits θ·χ²(α/2; 2E) ÷ 2E and θ·χ²(1 − α/2; 2(E + 1)) ÷ 2E; adjusted ones θ·exp(± z·spread);
/// proportion limits sin²(asin √θ ± z·spread), an angle below 0 giving 0 and above π/2 giving 1.</para>
/// <para><b>No events.</b> log(O ÷ D) is −∞ when O = 0, so for a ratio or rate a unit with no events is given
/// Y = log(0.5 ÷ D) (a half-event continuity correction) for its z-score and for φ and τ²; its value stays 0 and it is judged
/// against the limits by that value.</para>
/// Thread-safe; allocates the result and two arrays of the number of units.</remarks>
public static class FunnelPlot
{
    /// <summary>The two-sided 95 % normal quantile used for the inner limits.</summary>
    public const double Z95 = 1.959964;

    /// <summary>The two-sided 99.8 % normal quantile used for the outer limits.</summary>
    public const double Z998 = 3.090232;

    /// <summary>Computes a funnel plot.</summary>
    /// <param name="dataType">What the units are compared on.</param>
    /// <param name="numerators">Each unit's events (observed events for a ratio), finite and ≥ 0; for a proportion at most its
    /// denominator.</param>
    /// <param name="denominators">Each unit's cases (proportion), expected events (ratio) or exposure (rate), finite and above 0.</param>
    /// <param name="options">The options; <see cref="FunnelOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The funnel, its units in input order.</returns>
    /// <exception cref="ArgumentException">Lengths differ, there are fewer than 2 units, a ratio or rate has no events at all
    /// (so no log-scale target), or truncation leaves fewer than 2 units.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count or an option is out of range (the message names it, such as
    /// <c>numerators[3]</c>), or the numbers are too large for double precision.</exception>
    public static FunnelResult Compute(FunnelDataType dataType, ReadOnlySpan<double> numerators, ReadOnlySpan<double> denominators, FunnelOptions? options = null)
    {
        options ??= FunnelOptions.Default;
        if (!Enum.IsDefined(dataType))
            throw new ArgumentOutOfRangeException(nameof(dataType), dataType, "The data type is not defined.");
        ValidateOptions(options);
        if (numerators.Length != denominators.Length)
            throw new ArgumentException($"Give one denominator per numerator; got {denominators.Length} for {numerators.Length}.", nameof(denominators));
        int n = numerators.Length;
        if (n < 2)
            throw new ArgumentException($"A funnel plot needs at least 2 units; got {n}.", nameof(numerators));

        double events = 0, volume = 0;
        for (int i = 0; i < n; i++)
        {
            double o = numerators[i], d = denominators[i];
            if (!double.IsFinite(o) || o < 0)
                throw new ArgumentOutOfRangeException(nameof(numerators), $"numerators[{i}] must be a finite number ≥ 0.");
            if (!double.IsFinite(d) || !(d > 0))
                throw new ArgumentOutOfRangeException(nameof(denominators), $"denominators[{i}] must be a finite number above 0.");
            if (dataType == FunnelDataType.Proportion && o > d)
                throw new ArgumentOutOfRangeException(nameof(numerators), $"numerators[{i}] must not exceed denominators[{i}] for a proportion.");
            events += o;
            volume += d;
        }

        double multiplier = options.Multiplier;
        double theta = options.Target is { } t ? t / multiplier
            : dataType == FunnelDataType.Ratio ? 1 : events / volume;
        if (!double.IsFinite(theta))
            throw new ArgumentOutOfRangeException(nameof(numerators), "The counts are too large for double precision.");
        if (dataType == FunnelDataType.Proportion && theta is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(options), "A proportion's target must lie between 0 and 1 (times the multiplier).");
        if (dataType != FunnelDataType.Proportion && !(theta > 0))
            throw options.Target is null
                ? new ArgumentException("A rate funnel needs at least one event: the pooled rate is 0, which has no log.", nameof(numerators))
                : new ArgumentOutOfRangeException(nameof(options), "A ratio's or rate's target must be above 0.");

        // z₀ per unit on the chart's scale.
        double centre = Centre(dataType, theta);
        var z0 = new double[n];
        var s = new double[n];
        for (int i = 0; i < n; i++)
        {
            s[i] = StandardError(dataType, theta, denominators[i]);
            z0[i] = Finite((Transform(dataType, numerators[i], denominators[i]) - centre) / s[i]);
        }

        var (phi, tau2) = Overdispersion(z0, s, options.WinsorisePercent / 100, options.Trimming);
        var applied = phi > 1 ? options.Overdispersion : FunnelOverdispersion.None;

        var units = new FunnelUnit[n];
        for (int i = 0; i < n; i++)
        {
            double value = Finite(numerators[i] / denominators[i] * multiplier);
            var limits = Limits(dataType, theta, denominators[i], applied, phi, tau2, multiplier);
            double z = Finite(z0[i] * s[i] / Spread(s[i], applied, phi, tau2));
            units[i] = new FunnelUnit(value, z, limits,
                                      value < limits.Lower95 || value > limits.Upper95,
                                      value < limits.Lower998 || value > limits.Upper998);
        }
        return new FunnelResult(dataType, theta, multiplier, phi, tau2, applied, ImmutableCollectionsMarshal.AsImmutableArray(units));
    }

    /// <summary>The limits at one denominator, scaled by the multiplier.</summary>
    internal static FunnelLimits Limits(FunnelDataType dataType, double theta, double denominator, FunnelOverdispersion applied,
                                        double phi, double tau2, double multiplier)
    {
        double s = StandardError(dataType, theta, denominator);
        double spread = Spread(s, applied, phi, tau2);
        if (dataType == FunnelDataType.Proportion)
        {
            double angle = Centre(dataType, theta);
            return Scaled(new FunnelLimits(SineSquared(angle - (Z95 * spread)), SineSquared(angle + (Z95 * spread)),
                                           SineSquared(angle - (Z998 * spread)), SineSquared(angle + (Z998 * spread))), multiplier);
        }
        if (applied == FunnelOverdispersion.None)
        {
            double e = theta * denominator;
            return Scaled(new FunnelLimits(PoissonLower(theta, e, 0.05), PoissonUpper(theta, e, 0.05),
                                           PoissonLower(theta, e, 0.002), PoissonUpper(theta, e, 0.002)), multiplier);
        }
        return Scaled(new FunnelLimits(theta * Math.Exp(-Z95 * spread), theta * Math.Exp(Z95 * spread),
                                       theta * Math.Exp(-Z998 * spread), theta * Math.Exp(Z998 * spread)), multiplier);
    }

    private static void ValidateOptions(FunnelOptions options)
    {
        if (options.Target is { } t && !double.IsFinite(t))
            throw new ArgumentOutOfRangeException(nameof(options), "The target must be a finite number.");
        if (!double.IsFinite(options.Multiplier) || options.Multiplier <= 0)
            throw new ArgumentOutOfRangeException(nameof(options), "The multiplier must be a finite number above 0.");
        if (!(options.WinsorisePercent is >= 0 and < 50))
            throw new ArgumentOutOfRangeException(nameof(options), "WinsorisePercent must be from 0 (inclusive) to 50 (exclusive).");
        if (!Enum.IsDefined(options.Overdispersion) || !Enum.IsDefined(options.Trimming))
            throw new ArgumentOutOfRangeException(nameof(options), "The overdispersion method or trimming is not defined.");
    }

    private static double Centre(FunnelDataType dataType, double theta) =>
        dataType == FunnelDataType.Proportion ? Math.Asin(Math.Sqrt(theta)) : Math.Log(theta);

    private static double StandardError(FunnelDataType dataType, double theta, double denominator) =>
        dataType == FunnelDataType.Proportion ? 1 / (2 * Math.Sqrt(denominator)) : 1 / Math.Sqrt(theta * denominator);

    // Y on the chart's scale; O = 0 on the log scale takes the half-event continuity correction.
    private static double Transform(FunnelDataType dataType, double numerator, double denominator) =>
        dataType == FunnelDataType.Proportion
            ? Math.Asin(Math.Sqrt(numerator / denominator))
            : Math.Log(Math.Max(numerator, 0.5) / denominator);

    private static double Spread(double s, FunnelOverdispersion applied, double phi, double tau2) => applied switch
    {
        FunnelOverdispersion.Multiplicative => s * Math.Sqrt(phi),
        FunnelOverdispersion.Additive => Math.Sqrt((s * s) + tau2),
        _ => s,
    };

    // φ: the mean squared winsorised z-score (or of the units kept by truncation); τ² by DerSimonian–Laird over the same units.
    private static (double Phi, double Tau2) Overdispersion(double[] z0, double[] s, double cut, FunnelTrimming trimming)
    {
        var sorted = (double[])z0.Clone();
        Array.Sort(sorted);
        double lo = Quantiles.HyndmanFanType7(sorted, cut), hi = Quantiles.HyndmanFanType7(sorted, 1 - cut);
        double sumZ2 = 0, sumW = 0, sumW2 = 0;
        int count = 0;
        for (int i = 0; i < z0.Length; i++)
        {
            double z = z0[i];
            if (trimming == FunnelTrimming.Truncate && (z < lo || z > hi))
                continue;
            z = Math.Clamp(z, lo, hi);
            double w = 1 / (s[i] * s[i]);
            sumZ2 += z * z;
            sumW += w;
            sumW2 += w * w;
            count++;
        }
        if (count < 2)
            throw new ArgumentException($"Truncating at the {cut * 100:0.##} % and {100 - (cut * 100):0.##} % percentiles leaves {count} unit(s); the overdispersion estimate needs at least 2.", nameof(z0));
        double phi = Finite(sumZ2 / count);
        double tau2 = count * phi < count - 1 ? 0 : Finite(((count * phi) - (count - 1)) / (sumW - (sumW2 / sumW)));
        return (phi, tau2);
    }

    private static double SineSquared(double angle)
    {
        if (angle <= 0)
            return 0;
        if (angle >= Math.PI / 2)
            return 1;
        double sin = Math.Sin(angle);
        return sin * sin;
    }

    // θ·χ²(α/2; 2E) ÷ 2E = θ·P⁻¹(E, α/2) ÷ E.
    private static double PoissonLower(double theta, double e, double alpha) => theta * GammaFunctions.InverseP(e, alpha / 2) / e;

    // θ·χ²(1 − α/2; 2(E + 1)) ÷ 2E = θ·P⁻¹(E + 1, 1 − α/2) ÷ E.
    private static double PoissonUpper(double theta, double e, double alpha) => theta * GammaFunctions.InverseP(e + 1, 1 - (alpha / 2)) / e;

    private static FunnelLimits Scaled(FunnelLimits l, double multiplier) =>
        new(Finite(l.Lower95 * multiplier), Finite(l.Upper95 * multiplier), Finite(l.Lower998 * multiplier), Finite(l.Upper998 * multiplier));

    private static double Finite(double x) => double.IsFinite(x) ? x
        : throw new ArgumentOutOfRangeException(nameof(x), "The numbers are too large or too small for double-precision funnel limits.");
}
