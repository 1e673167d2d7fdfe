using System.Collections.Immutable;
using System.Runtime.InteropServices;
using PatientCentric.Scoring;

namespace PatientCentric.Control;

/// <summary>Control charts beyond XmR (run, i, i-median, i-median-mr, mr, p, p′, u, u′, c, g, t, s and x̄) with per-point limits,
/// the NHS England "Making Data Count" special-cause rules, point types and icons, exactly as <see cref="XmrChart"/> applies
/// them. docs/spc.md gives each chart's formula and when to use it.</summary>
/// <remarks>
/// <para>Every chart with limits gets three pairs per point: one-sigma (k = 1), near (k = 2) and process (k = 3) limits, clamped
/// to the possible range where the chart has one. The rules read each point's own centre line and limits: a value exactly on a
/// limit is inside; a trend takes the colour of its direction even across the centre line; two of three points beyond the
/// near limits count only when all three are on the same side; the g chart's sides are taken against its median centre line;
/// run charts have no limits, so only the trend and shift rules can fire, and no assurance icon.</para>
/// <para><b>Gaps.</b> A period with no data is passed as a numerator of <see cref="NoData"/> (NaN). It is kept in place in the
/// result with a <see langword="null"/> value and no limits, and is skipped for the centre line, the limits and the rules: a
/// moving range (of the i, t and mr charts and of the Laney z-scores) needs two adjacent periods with data, and the trend,
/// shift and two-of-three runs continue across a gap. The icons read the last point with data.</para>
/// <para>Sources: NHS England and NHS Improvement, "Making Data Count" (2019) and "Making Data Count: Getting Started" (2019);
/// Montgomery, D. C., Introduction to Statistical Quality Control, 7th ed. (Wiley, 2013), §6.2–6.4 and §7.2–7.3 (s, x̄, p, u, c
/// charts; c4 in Appendix VI); Provost, L. P. &amp; Murray, S. K., The Health Care Data Guide (Jossey-Bass, 2011), ch. 7–8
/// (i, mr, g and t charts); Laney, D. B. (2002), "Improved control charts for attributes", Quality Engineering 14(4):531–537
/// (p′ and u′); Benneyan, J. C. (2001), "Number-between g-type statistical quality control charts for monitoring adverse
/// events", Health Care Management Science 4:305–318 (g); Nelson, L. S. (1994), "A control chart for parts-per-million
/// nonconforming items", Journal of Quality Technology 26(3):239–240 (the t chart's 1/3.6 power).</para>
/// Thread-safe; allocates the result and a few arrays of the series' length.</remarks>
public static class SpcChart
{
    /// <summary>The numerator that marks a period with no data (a gap): <see cref="double.NaN"/>.</summary>
    public const double NoData = double.NaN;

    /// <summary>d2 for subgroups of 2: σ = m̄R ÷ 1.128.</summary>
    private const double D2 = 1.128;

    /// <summary>D4 for subgroups of 2: the moving-range chart's upper process limit is 3.267·m̄R.</summary>
    private const double D4 = 3.267;

    /// <summary>The t chart's transformation exponent: y = x^(1/3.6) (Nelson 1994).</summary>
    private const double TExponent = 3.6;

    /// <summary>Computes a chart whose points need at most a numerator and a denominator (every kind except
    /// <see cref="SpcChartKind.XBar"/>).</summary>
    /// <param name="kind">The kind of chart.</param>
    /// <param name="numerators">One value per period in time order, or <see cref="NoData"/> for a gap: the value itself (run, i,
    /// mr, c, g, t), the count of events (p, p′, u, u′), or the subgroup's standard deviation (s).</param>
    /// <param name="denominators">Empty, or one per period: required for p, p′, u, u′ (the subgroup size or exposure) and s (the
    /// subgroup size, a whole number ≥ 2); optional for run, i, i-median, i-median-mr and mr, where the value is numerator ÷
    /// denominator; refused for c, g and t.</param>
    /// <param name="options">The options; <see cref="SpcChartOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException">Lengths differ, a field is given that the kind refuses, or the baseline has fewer
    /// points with data than the kind needs.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An input is out of its range (the message names it, such as
    /// <c>denominators[3]</c>), an option is out of range, or the values are too large for double-precision limits.</exception>
    public static SpcChartResult Compute(SpcChartKind kind, ReadOnlySpan<double> numerators, ReadOnlySpan<double> denominators,
                                         SpcChartOptions? options = null) =>
        Compute(kind, numerators, denominators, [], options);

    /// <summary>Computes any chart; <paramref name="standardDeviations"/> is for <see cref="SpcChartKind.XBar"/> only.</summary>
    /// <param name="kind">The kind of chart.</param>
    /// <param name="numerators">One value per period in time order, or <see cref="NoData"/> for a gap: the value itself (run, i,
    /// mr, c, g, t), the count of events (p, p′, u, u′), the subgroup's standard deviation (s) or mean (x̄).</param>
    /// <param name="denominators">Empty, or one per period: required for p, p′, u, u′ (the subgroup size or exposure), s and x̄
    /// (the subgroup size, a whole number ≥ 2); optional for run, i, i-median, i-median-mr and mr, where the value is numerator ÷
    /// denominator; refused for c, g and t.</param>
    /// <param name="standardDeviations">For x̄ one per period: each subgroup's standard deviation (≥ 0); empty otherwise.</param>
    /// <param name="options">The options; <see cref="SpcChartOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException">Lengths differ, a field is given that the kind refuses, or the baseline has fewer
    /// points with data than the kind needs.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An input is out of its range (the message names it, such as
    /// <c>denominators[3]</c>), an option is out of range, or the values are too large for double-precision limits.</exception>
    public static SpcChartResult Compute(SpcChartKind kind, ReadOnlySpan<double> numerators, ReadOnlySpan<double> denominators,
                                         ReadOnlySpan<double> standardDeviations, SpcChartOptions? options = null)
    {
        options ??= SpcChartOptions.Default;
        ValidateOptions(kind, options);
        ValidateShape(kind, numerators.Length, denominators.Length, standardDeviations.Length);

        int n = numerators.Length;
        var y = new double[n];
        for (int i = 0; i < n; i++)
            y[i] = Value(kind, i, numerators[i], denominators.IsEmpty ? 1 : denominators[i], standardDeviations.IsEmpty ? 0 : standardDeviations[i]);
        int baselineEnd = Math.Min(options.FixAfterNPoints ?? n, n);

        double[] series = y;
        if (kind == SpcChartKind.MR)
        {
            series = new double[Math.Max(0, n - 1)];
            for (int i = 1; i < n; i++)
                series[i - 1] = Math.Abs(y[i] - y[i - 1]);   // NaN (a gap) when either period has no data
            baselineEnd--;
        }
        int m = series.Length;
        var sigma = new double[m];
        var parameters = Parameters(kind, series, denominators, standardDeviations, baselineEnd, options.ScreenOutliers, sigma, out int baselineCount);

        double multiplier = options.Multiplier;
        var points = new SpcPoint[m];
        int dataCount = 0;
        for (int i = 0; i < m; i++)
            dataCount += double.IsNaN(series[i]) ? 0 : 1;
        var values = new double[dataCount];
        var limits = new PerPointLimits(dataCount);
        double centre = parameters.Centre * multiplier;
        int d = 0;
        for (int i = 0; i < m; i++)
        {
            if (double.IsNaN(series[i]))
                continue;
            values[d] = Finite(series[i] * multiplier);
            limits.Centre[d] = Finite(centre);
            if (kind == SpcChartKind.Run)
            {
                limits.LowerProcess[d] = limits.LowerNear[d] = double.NegativeInfinity;
                limits.UpperProcess[d] = limits.UpperNear[d] = double.PositiveInfinity;
            }
            else
            {
                limits.LowerProcess[d] = Finite(parameters.Limit(sigma[i], -3) * multiplier);
                limits.UpperProcess[d] = Finite(parameters.Limit(sigma[i], 3) * multiplier);
                limits.LowerNear[d] = Finite(parameters.Limit(sigma[i], -2) * multiplier);
                limits.UpperNear[d] = Finite(parameters.Limit(sigma[i], 2) * multiplier);
            }
            d++;
        }

        var classified = new XmrPoint[dataCount];
        SpecialCauseClassifier.Classify(values, limits, SpecialCauseClassifier.Sign(options.ImprovementDirection), classified);

        d = 0;
        for (int i = 0; i < m; i++)
        {
            if (double.IsNaN(series[i]))
            {
                points[i] = new SpcPoint(null, centre, null, null, null, null, null, null, false, false, SpecialCauseRule.None, PointType.CommonCause);
                continue;
            }
            var c = classified[d];
            points[i] = kind == SpcChartKind.Run
                ? new SpcPoint(c.Value, centre, null, null, null, null, null, null, false, false, c.SpecialCause, c.PointType)
                : new SpcPoint(c.Value, centre, limits.LowerProcess[d], limits.UpperProcess[d], limits.LowerNear[d], limits.UpperNear[d],
                               Finite(parameters.Limit(sigma[i], -1) * multiplier), Finite(parameters.Limit(sigma[i], 1) * multiplier),
                               c.OutsideLimits, c.CloseToLimits, c.SpecialCause, c.PointType);
            d++;
        }

        var variation = dataCount == 0 ? VariationIcon.CommonCause : XmrChart.Variation(classified[^1].PointType);
        var assurance = kind == SpcChartKind.Run || dataCount == 0
            ? null
            : SpecialCauseClassifier.Assurance(limits.LowerProcess[^1], limits.UpperProcess[^1], options.ImprovementDirection, options.Target);
        return new SpcChartResult(kind, ImmutableCollectionsMarshal.AsImmutableArray(points), baselineCount, variation, assurance);
    }

    /// <summary>Returns the c4(n) bias-correction constant of the sample standard deviation, exactly:
    /// √(2 ÷ (n − 1))·Γ(n ÷ 2) ÷ Γ((n − 1) ÷ 2).</summary>
    /// <param name="n">The subgroup size, at least 2.</param>
    /// <returns>c4(n), in (0, 1); for example c4(2) = √(2/π) ≈ 0.7979 and c4(25) ≈ 0.9896.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is below 2.</exception>
    /// <remarks>Source: Montgomery, Introduction to Statistical Quality Control, 7th ed., §6.3 and Appendix VI.</remarks>
    public static double C4(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 2);
        return GammaFunctions.C4(n);
    }

    private static void ValidateOptions(SpcChartKind kind, SpcChartOptions options)
    {
        if (!Enum.IsDefined(kind))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "The chart kind is not defined.");
        if (options.ImprovementDirection is not (ImprovementDirection.Increase or ImprovementDirection.Decrease or ImprovementDirection.Neutral))
            throw new ArgumentOutOfRangeException(nameof(options), "The improvement direction must be Increase, Decrease or Neutral.");
        if (options.Target is { } t && !double.IsFinite(t))
            throw new ArgumentOutOfRangeException(nameof(options), "The target must be a finite number.");
        if (!double.IsFinite(options.Multiplier) || options.Multiplier <= 0)
            throw new ArgumentOutOfRangeException(nameof(options), "The multiplier must be a finite number above 0.");
        if (options.FixAfterNPoints is < 2)
            throw new ArgumentOutOfRangeException(nameof(options), $"FixAfterNPoints must be at least 2 (or null for all points); got {options.FixAfterNPoints}.");
        if (options.ScreenOutliers && kind is not (SpcChartKind.I or SpcChartKind.IMedian or SpcChartKind.T))
            throw new ArgumentException("ScreenOutliers applies only to i, i-median and t charts.", nameof(options));
    }

    private static void ValidateShape(SpcChartKind kind, int n, int denominators, int sds)
    {
        bool required = kind is SpcChartKind.P or SpcChartKind.PPrime or SpcChartKind.U or SpcChartKind.UPrime or SpcChartKind.S or SpcChartKind.XBar;
        bool optional = kind is SpcChartKind.Run or SpcChartKind.I or SpcChartKind.IMedian or SpcChartKind.IMedianMR or SpcChartKind.MR;
        if (required && denominators != n)
            throw new ArgumentException($"A {kind} chart needs one denominator per numerator; got {denominators} for {n}.", nameof(denominators));
        if (optional && denominators != 0 && denominators != n)
            throw new ArgumentException($"Give no denominators or one per numerator; got {denominators} for {n}.", nameof(denominators));
        if (!required && !optional && denominators != 0)
            throw new ArgumentException($"A {kind} chart takes no denominators.", nameof(denominators));
        if (kind == SpcChartKind.XBar ? sds != n : sds != 0)
            throw new ArgumentException(kind == SpcChartKind.XBar
                ? $"An x̄ chart needs one standard deviation per subgroup; got {sds} for {n}."
                : "Standard deviations are for x̄ charts only.", nameof(sds));
    }

    // The plotted value of period i before the multiplier, or NaN for a gap; every input rule is checked here.
    private static double Value(SpcChartKind kind, int i, double numerator, double denominator, double sd)
    {
        if (double.IsNaN(numerator))
            return double.NaN;
        if (!double.IsFinite(numerator))
            throw OutOfRange("numerators", $"numerators[{i}] must be a finite number or NoData.");
        switch (kind)
        {
            case SpcChartKind.Run or SpcChartKind.I or SpcChartKind.IMedian or SpcChartKind.IMedianMR or SpcChartKind.MR:
                Positive(i, denominator);
                return Finite(numerator / denominator);
            case SpcChartKind.P or SpcChartKind.PPrime:
                NonNegative(i, numerator);
                Positive(i, denominator);
                return numerator <= denominator ? numerator / denominator
                    : throw OutOfRange("numerators", $"numerators[{i}] must not exceed denominators[{i}] on a proportion chart.");
            case SpcChartKind.U or SpcChartKind.UPrime:
                NonNegative(i, numerator);
                Positive(i, denominator);
                return Finite(numerator / denominator);
            case SpcChartKind.S or SpcChartKind.XBar:
                if (kind == SpcChartKind.S)
                    NonNegative(i, numerator);
                if (!(denominator >= 2) || denominator != Math.Floor(denominator) || !double.IsFinite(denominator))
                    throw OutOfRange("denominators", $"denominators[{i}] must be a whole subgroup size of at least 2.");
                if (kind == SpcChartKind.XBar && (!double.IsFinite(sd) || sd < 0))
                    throw OutOfRange("standardDeviations", $"standardDeviations[{i}] must be a finite number ≥ 0.");
                return numerator;
            default:   // C, G, T: counts or times, never negative
                NonNegative(i, numerator);
                return numerator;
        }
    }

    private static void NonNegative(int i, double numerator)
    {
        if (numerator < 0)
            throw OutOfRange("numerators", $"numerators[{i}] must not be negative on this chart.");
    }

    private static void Positive(int i, double denominator)
    {
        if (!(denominator > 0) || !double.IsFinite(denominator))
            throw OutOfRange("denominators", $"denominators[{i}] must be a finite number above 0 for a period with data.");
    }

    private static double Finite(double x) => double.IsFinite(x) ? x
        : throw OutOfRange("numerators", "The values are too large or too far apart for double-precision limits.");

    // Computes the centre line and each point's σ from the baseline (the first baselineEnd positions of the series).
    private static ChartParameters Parameters(SpcChartKind kind, double[] series, ReadOnlySpan<double> denominators, ReadOnlySpan<double> sds,
                                              int baselineEnd, bool screen, double[] sigma, out int baselineCount)
    {
        var baseline = series.AsSpan(0, Math.Max(0, baselineEnd));
        baselineCount = 0;
        int pairs = 0;
        for (int i = 0; i < baseline.Length; i++)
        {
            if (double.IsNaN(baseline[i]))
                continue;
            baselineCount++;
            if (i > 0 && !double.IsNaN(baseline[i - 1]))
                pairs++;
        }
        bool needsPair = kind is SpcChartKind.I or SpcChartKind.IMedian or SpcChartKind.IMedianMR or SpcChartKind.T or SpcChartKind.PPrime or SpcChartKind.UPrime;
        if (baselineCount == 0 || (needsPair && pairs == 0))
            throw new ArgumentException(needsPair
                ? $"A {kind} chart needs at least 2 consecutive periods with data in its baseline."
                : kind == SpcChartKind.MR
                    ? "A moving-range chart needs at least 2 consecutive periods with data in its baseline."
                    : $"A {kind} chart needs at least 1 period with data in its baseline.", nameof(series));

        switch (kind)
        {
            case SpcChartKind.Run:
                return new ChartParameters(MedianOf(baseline), 0, double.NegativeInfinity, double.PositiveInfinity, false);
            case SpcChartKind.I or SpcChartKind.IMedian or SpcChartKind.IMedianMR:
            {
                double s = Checked(MovingRangeSigma(baseline, kind == SpcChartKind.IMedianMR, screen));
                sigma.AsSpan().Fill(s);
                double mid = kind == SpcChartKind.I ? MeanOf(baseline) : MedianOf(baseline);
                return new ChartParameters(Checked(mid), mid, double.NegativeInfinity, double.PositiveInfinity, false);
            }
            case SpcChartKind.T:
            {
                var transformed = new double[baseline.Length];
                for (int i = 0; i < baseline.Length; i++)
                    transformed[i] = Math.Pow(baseline[i], 1 / TExponent);   // NaN stays NaN
                double s = Checked(MovingRangeSigma(transformed, false, screen));
                sigma.AsSpan().Fill(s);
                double mid = MeanOf(transformed);
                return new ChartParameters(Math.Pow(mid, TExponent), mid, double.NegativeInfinity, double.PositiveInfinity, true);
            }
            case SpcChartKind.MR:
            {
                double amr = Checked(MeanOf(baseline));
                sigma.AsSpan().Fill(D4 / 3 * amr);
                return new ChartParameters(amr, 0, 0, double.PositiveInfinity, false);
            }
            case SpcChartKind.C:
            {
                double mean = Checked(MeanOf(baseline));
                sigma.AsSpan().Fill(Math.Sqrt(mean));
                return new ChartParameters(mean, mean, 0, double.PositiveInfinity, false);
            }
            case SpcChartKind.G:
            {
                double mean = Checked(MeanOf(baseline));
                sigma.AsSpan().Fill(Checked(Math.Sqrt(mean * (mean + 1))));
                return new ChartParameters(MedianOf(baseline), mean, 0, double.PositiveInfinity, false);
            }
            case SpcChartKind.P or SpcChartKind.PPrime or SpcChartKind.U or SpcChartKind.UPrime:
            {
                bool proportion = kind is SpcChartKind.P or SpcChartKind.PPrime;
                double events = 0, size = 0;
                for (int i = 0; i < baseline.Length; i++)
                {
                    if (double.IsNaN(baseline[i]))
                        continue;
                    events += baseline[i] * denominators[i];
                    size += denominators[i];
                }
                double bar = Checked(events / size);
                if (proportion)
                    bar = Math.Min(1, bar);   // guards the last bit of rounding in Σ(yᵢnᵢ) ÷ Σnᵢ
                double variance = proportion ? bar * (1 - bar) : bar;
                for (int i = 0; i < series.Length; i++)
                    sigma[i] = double.IsNaN(series[i]) ? double.NaN : Math.Sqrt(variance / denominators[i]);
                if (kind is SpcChartKind.PPrime or SpcChartKind.UPrime)
                {
                    double sz = Checked(LaneySigmaZ(baseline, sigma, bar));
                    for (int i = 0; i < sigma.Length; i++)
                        sigma[i] *= sz;
                }
                return new ChartParameters(bar, bar, 0, proportion ? 1 : double.PositiveInfinity, false);
            }
            case SpcChartKind.S or SpcChartKind.XBar:
            {
                double sBar = Checked(PooledStandardDeviation(kind == SpcChartKind.S ? baseline : sds[..baseline.Length], baseline, denominators));
                double mid = sBar;
                if (kind == SpcChartKind.XBar)
                {
                    double weighted = 0, size = 0;
                    for (int i = 0; i < baseline.Length; i++)
                    {
                        if (double.IsNaN(baseline[i]))
                            continue;
                        weighted += denominators[i] * baseline[i];
                        size += denominators[i];
                    }
                    mid = Checked(weighted / size);
                }
                for (int i = 0; i < series.Length; i++)
                {
                    if (double.IsNaN(series[i]))
                        continue;
                    double c4 = GammaFunctions.C4(denominators[i]);
                    sigma[i] = kind == SpcChartKind.S
                        ? sBar * Math.Sqrt(1 - (c4 * c4)) / c4
                        : sBar / (c4 * Math.Sqrt(denominators[i]));
                }
                return new ChartParameters(mid, mid, kind == SpcChartKind.S ? 0 : double.NegativeInfinity, double.PositiveInfinity, false);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    private static double Checked(double x) => Finite(x);

    // Names the public parameter at fault (the analyzer's parameter-name check cannot see through this helper on purpose).
    private static ArgumentOutOfRangeException OutOfRange(string paramName, string message) => new(paramName, message);

    private static double MeanOf(ReadOnlySpan<double> values)
    {
        double sum = 0;
        int count = 0;
        foreach (double v in values)
        {
            if (double.IsNaN(v))
                continue;
            sum += v;
            count++;
        }
        return sum / count;
    }

    private static double MedianOf(ReadOnlySpan<double> values)
    {
        var sorted = new List<double>(values.Length);
        foreach (double v in values)
        {
            if (!double.IsNaN(v))
                sorted.Add(v);
        }
        sorted.Sort();
        return Quantiles.Median(CollectionsMarshal.AsSpan(sorted));
    }

    // σ = m̄R ÷ 1.128 (or the median moving range ÷ 1.128), over adjacent baseline pairs that both have data; optional screening
    // leaves ranges of at least 3.267·m̄R out, as the XmR chart does.
    private static double MovingRangeSigma(ReadOnlySpan<double> values, bool median, bool screen)
    {
        var ranges = new List<double>(values.Length);
        for (int i = 1; i < values.Length; i++)
        {
            double r = Math.Abs(values[i] - values[i - 1]);
            if (!double.IsNaN(r))
                ranges.Add(r);
        }
        if (median)
        {
            ranges.Sort();
            return Quantiles.Median(CollectionsMarshal.AsSpan(ranges)) / D2;
        }
        double mean = MeanOf(CollectionsMarshal.AsSpan(ranges));
        if (screen && mean > 0)
        {
            double cut = XmrLimits.ScreeningFactor * mean, kept = 0;
            int count = 0;
            foreach (double r in ranges)
            {
                if (r < cut)
                {
                    kept += r;
                    count++;
                }
            }
            mean = kept / count;   // at least one range is at or below the mean, so never 0/0
        }
        return mean / D2;
    }

    // Laney (2002): zᵢ = (yᵢ − centre) ÷ σᵢ; σz = mean |zᵢ − zᵢ₋₁| ÷ 1.128 over adjacent baseline pairs with data. A point with
    // σᵢ = 0 (a centre of 0, or of 1 for a proportion) equals the centre, so its z is 0.
    private static double LaneySigmaZ(ReadOnlySpan<double> baseline, double[] sigma, double centre)
    {
        double sum = 0, previous = double.NaN;
        int count = 0;
        for (int i = 0; i < baseline.Length; i++)
        {
            double z = double.IsNaN(baseline[i]) ? double.NaN : sigma[i] > 0 ? (baseline[i] - centre) / sigma[i] : 0;
            if (!double.IsNaN(z) && !double.IsNaN(previous))
            {
                sum += Math.Abs(z - previous);
                count++;
            }
            previous = z;
        }
        return sum / count / D2;
    }

    // √(Σ(nᵢ − 1)sᵢ² ÷ Σ(nᵢ − 1)) over baseline periods with data.
    private static double PooledStandardDeviation(ReadOnlySpan<double> sds, ReadOnlySpan<double> baseline, ReadOnlySpan<double> sizes)
    {
        double num = 0, den = 0;
        for (int i = 0; i < baseline.Length; i++)
        {
            if (double.IsNaN(baseline[i]))
                continue;
            num += (sizes[i] - 1) * sds[i] * sds[i];
            den += sizes[i] - 1;
        }
        return Math.Sqrt(num / den);
    }

    /// <summary>A chart's centre line and the rule that turns a point's σ into its limits.</summary>
    /// <param name="Centre">The centre line (before the multiplier).</param>
    /// <param name="Middle">The middle of the limits: the centre line, except the g chart (its mean), the mr chart (0) and the t
    /// chart (the mean of the transformed values).</param>
    /// <param name="Floor">The lowest possible limit.</param>
    /// <param name="Ceiling">The highest possible limit.</param>
    /// <param name="BackTransform">Whether limits are computed on x^(1/3.6) and raised to 3.6 (t chart).</param>
    private readonly record struct ChartParameters(double Centre, double Middle, double Floor, double Ceiling, bool BackTransform)
    {
        // The limit at k signed sigmas (k = ±1, ±2, ±3), clamped; for the t chart a negative value becomes 0 before ^3.6.
        public double Limit(double sigma, int k)
        {
            double limit = Middle + (k * sigma);
            if (BackTransform)
                return Math.Pow(Math.Max(0, limit), TExponent);
            return Math.Clamp(limit, Floor, Ceiling);
        }
    }

    /// <summary>Per-point centre line and limits of the points with data, for the shared classifier.</summary>
    private readonly struct PerPointLimits(int count) : IPointLimits
    {
        public double[] Centre { get; } = new double[count];

        public double[] LowerProcess { get; } = new double[count];

        public double[] UpperProcess { get; } = new double[count];

        public double[] LowerNear { get; } = new double[count];

        public double[] UpperNear { get; } = new double[count];

        double IPointLimits.Centre(int i) => Centre[i];

        double IPointLimits.LowerProcess(int i) => LowerProcess[i];

        double IPointLimits.UpperProcess(int i) => UpperProcess[i];

        double IPointLimits.LowerNear(int i) => LowerNear[i];

        double IPointLimits.UpperNear(int i) => UpperNear[i];
    }
}
