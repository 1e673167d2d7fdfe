namespace PatientCentric.Scoring;

/// <summary>Normalises a raw value against host-declared <c>[worst, best]</c> bounds: <c>s = (x − worst)/(best − worst)</c>,
/// clipped to [0, 1]; best may be below worst (lower is better, as for waits and costs) (docs/touchpoints/follow-up.md, docs/tradeoffs.md).</summary>
public static class BoundedScale
{
    /// <summary>Normalises <paramref name="value"/>.</summary>
    /// <param name="value">The raw value; finite.</param>
    /// <param name="worst">The value that scores 0.</param>
    /// <param name="best">The value that scores 1; different from <paramref name="worst"/>.</param>
    /// <returns>The normalised value, 0 to 1.</returns>
    /// <exception cref="ArgumentException"><paramref name="best"/> equals <paramref name="worst"/>, or a value is not finite.</exception>
    public static double Normalise(double value, double worst, double best)
    {
        if (!double.IsFinite(value) || !double.IsFinite(worst) || !double.IsFinite(best))
            throw new ArgumentException("Values and bounds must be finite numbers.", nameof(value));
        if (best == worst)
            throw new ArgumentException("The best and worst bounds must differ.", nameof(best));
        return Math.Clamp((value - worst) / (best - worst), 0.0, 1.0);
    }
}
