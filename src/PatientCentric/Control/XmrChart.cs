using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace PatientCentric.Control;

/// <summary>XmR (individuals) charts exactly as docs/spc.md defines them, following NHS England "Making Data Count" as
/// implemented in NHSRplotthedots 0.2.2 (MIT): limits from a baseline (docs/spc.md), the four special-cause rules with label
/// priority (docs/spc.md), and the variation and assurance icons (docs/spc.md).</summary>
/// <remarks>The rules are evaluated in <b>one pass</b> over the points once the limits are known: the trend, shift and
/// two-of-three rules keep streaming state (run direction and length, side and length, the previous two points) and flag
/// points retroactively through an 8-entry ring, so a point's label is final six points later. <see cref="ComputeLimits"/>
/// and <see cref="Classify"/> allocate nothing; <see cref="Compute"/> allocates only its result. Thread-safe.</remarks>
public static class XmrChart
{
    // The one-pass rule evaluation lives in SpecialCauseClassifier, shared with SpcChart's per-point limits.
    // XmR passes one segment's constant limits to it, so its results are unchanged.

    /// <summary>Computes the centre line and limits from baseline values (docs/spc.md).</summary>
    /// <param name="baseline">The baseline values in series order, at least 2, all finite.</param>
    /// <param name="screenOutliers">Whether to leave moving ranges of at least <c>3.267·m̄R</c> out of m̄R (no screening when m̄R is 0).</param>
    /// <returns>The limits.</returns>
    /// <exception cref="ArgumentException">Fewer than 2 baseline values.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is NaN or infinite (the message names <c>values[i]</c>), or the values are
    /// so far apart that the moving ranges overflow.</exception>
    public static XmrLimits ComputeLimits(ReadOnlySpan<double> baseline, bool screenOutliers = true)
    {
        if (baseline.Length < 2)
            throw new ArgumentException($"XmR limits need at least 2 baseline values; got {baseline.Length}.", nameof(baseline));
        double sum = 0, rangeSum = 0;
        for (int i = 0; i < baseline.Length; i++)
        {
            double y = baseline[i];
            if (!double.IsFinite(y))
                throw new ArgumentOutOfRangeException(nameof(baseline), $"values[{i}] must be a finite number.");
            sum += y;
            if (i > 0)
                rangeSum += Math.Abs(y - baseline[i - 1]);
        }
        int ranges = baseline.Length - 1;
        double mean = sum / baseline.Length, movingRangeMean = rangeSum / ranges;
        if (!double.IsFinite(mean) || !double.IsFinite(movingRangeMean * XmrLimits.ScreeningFactor))
            throw new ArgumentOutOfRangeException(nameof(baseline), "The values are too large or too far apart for double-precision limits.");
        int screenedOut = 0;
        if (screenOutliers && movingRangeMean > 0)
        {
            double cut = XmrLimits.ScreeningFactor * movingRangeMean, kept = 0;
            for (int i = 1; i < baseline.Length; i++)
            {
                double mr = Math.Abs(baseline[i] - baseline[i - 1]);
                if (mr < cut)
                    kept += mr;
                else
                    screenedOut++;
            }
            movingRangeMean = kept / (ranges - screenedOut);   // at least one range is at or below the mean, so never 0/0
        }
        return new XmrLimits(mean, movingRangeMean, baseline.Length, screenedOut);
    }

    /// <summary>Classifies every point against known limits in one pass: outside/close flags, the highest-priority special-cause
    /// rule, and the point type (docs/spc.md).</summary>
    /// <param name="values">The points of one segment in series order, all finite.</param>
    /// <param name="limits">The segment's limits.</param>
    /// <param name="direction">Which way the measure improves.</param>
    /// <param name="destination">Receives one point per value; at least as long as <paramref name="values"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="values"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is NaN or infinite (the message names <c>values[i]</c>), or
    /// <paramref name="direction"/> is not defined.</exception>
    /// <remarks>Trend: 7 points each strictly above (below) the previous, all flagged, labelled in the run's direction even across
    /// the mean; a point that ends a rising run and starts a falling one (or the reverse) keeps the direction of the first run.
    /// Shift: 7 points on one side of the mean, a point on the mean breaking the run. Two of three: in 3 consecutive points all on
    /// one side of the mean, at least 2 close to a limit; the close ones are flagged.</remarks>
    public static void Classify(ReadOnlySpan<double> values, in XmrLimits limits, ImprovementDirection direction, Span<XmrPoint> destination)
    {
        if (destination.Length < values.Length)
            throw new ArgumentException($"The destination holds {destination.Length} points but there are {values.Length} values.", nameof(destination));
        ValidateDirection(direction);
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
                throw new ArgumentOutOfRangeException(nameof(values), $"values[{i}] must be a finite number.");
        }
        var constant = new ConstantLimits(limits.Mean, limits.LowerProcessLimit, limits.UpperProcessLimit, limits.LowerNearLimit, limits.UpperNearLimit);
        SpecialCauseClassifier.Classify(values, constant, SpecialCauseClassifier.Sign(direction), destination);
    }

    /// <summary>Computes a whole XmR chart: limits per rebase segment, every point classified, and the icons (docs/spc.md).</summary>
    /// <param name="values">The series in time order, at least 2 points, all finite.</param>
    /// <param name="options">The options; <see cref="XmrOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException">Fewer than 2 values, or rebase points that leave a segment with fewer than 2 points or
    /// are not strictly increasing.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value or the target is NaN or infinite, <see cref="XmrOptions.FixAfterNPoints"/>
    /// is below 2, or the improvement direction is not defined.</exception>
    public static XmrChartResult Compute(ReadOnlySpan<double> values, XmrOptions? options = null)
    {
        options ??= XmrOptions.Default;
        ValidateDirection(options.ImprovementDirection);
        if (options.Target is { } t && !double.IsFinite(t))
            throw new ArgumentOutOfRangeException(nameof(options), "The target must be a finite number.");
        if (options.FixAfterNPoints is < 2)
            throw new ArgumentOutOfRangeException(nameof(options), $"FixAfterNPoints must be at least 2 (or null for all points); got {options.FixAfterNPoints}.");
        if (values.Length < 2)
            throw new ArgumentException($"An XmR chart needs at least 2 points; got {values.Length}.", nameof(values));

        var rebase = options.RebaseAt.IsDefault ? [] : options.RebaseAt;
        var segments = ImmutableArray.CreateBuilder<XmrSegment>(rebase.Length + 1);
        var points = new XmrPoint[values.Length];
        int start = 0;
        for (int s = 0; s <= rebase.Length; s++)
        {
            int end = s < rebase.Length ? rebase[s] : values.Length;
            if (end - start < 2)
                throw new ArgumentException(s < rebase.Length
                    ? $"RebaseAt[{s}] = {end} leaves a segment of {end - start} point(s); every segment needs at least 2 and the indices must increase."
                    : $"The last segment (from point {start}) has {end - start} point(s); every segment needs at least 2.", nameof(options));
            var segment = values[start..end];
            int baseline = Math.Min(options.FixAfterNPoints ?? segment.Length, segment.Length);
            var limits = ComputeLimits(segment[..baseline], options.ScreenOutliers);
            Classify(segment, limits, options.ImprovementDirection, points.AsSpan(start, segment.Length));
            segments.Add(new XmrSegment(start, segment.Length, limits));
            start = end;
        }
        var last = segments[^1].Limits;
        return new XmrChartResult(ImmutableCollectionsMarshal.AsImmutableArray(points), segments.MoveToImmutable(),
                                  Variation(points[^1].PointType), Assurance(last, options.ImprovementDirection, options.Target));
    }

    /// <summary>Returns the variation icon for the point type of the last point (docs/spc.md).</summary>
    /// <param name="lastPointType">The point type of the chart's last point.</param>
    /// <returns>The icon; both neutral point types give <see cref="VariationIcon.SpecialCauseNeutral"/>.</returns>
    public static VariationIcon Variation(PointType lastPointType) => lastPointType switch
    {
        PointType.SpecialCauseImprovement => VariationIcon.SpecialCauseImprovement,
        PointType.SpecialCauseConcern => VariationIcon.SpecialCauseConcern,
        PointType.SpecialCauseNeutralHigh or PointType.SpecialCauseNeutralLow => VariationIcon.SpecialCauseNeutral,
        _ => VariationIcon.CommonCause,
    };

    /// <summary>Returns the assurance icon for a target against process limits (docs/spc.md). Increase: a target above the
    /// upper limit is a consistent fail, below the lower limit a consistent pass; decrease the reverse; otherwise, or on a limit,
    /// inconsistent.</summary>
    /// <param name="limits">The process limits (of the last segment).</param>
    /// <param name="direction">Which way the measure improves.</param>
    /// <param name="target">The target, in the unit of the values.</param>
    /// <returns>The icon, or <see langword="null"/> without a target or with a neutral direction.</returns>
    public static AssuranceIcon? Assurance(in XmrLimits limits, ImprovementDirection direction, double? target) =>
        SpecialCauseClassifier.Assurance(limits.LowerProcessLimit, limits.UpperProcessLimit, direction, target);

    private static void ValidateDirection(ImprovementDirection direction)
    {
        if (direction is not (ImprovementDirection.Increase or ImprovementDirection.Decrease or ImprovementDirection.Neutral))
            throw new ArgumentOutOfRangeException(nameof(direction), direction, "The improvement direction must be Increase, Decrease or Neutral.");
    }
}
