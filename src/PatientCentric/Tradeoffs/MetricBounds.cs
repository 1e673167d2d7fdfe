namespace PatientCentric.Tradeoffs;

/// <summary>The host-declared range of one encounter metric's raw values (docs/tradeoffs.md): the value that normalises to 0
/// (worst) and to 1 (best). Best may be below worst, as for cost.</summary>
/// <remarks>Immutable. The default value (0, 0) is not valid.</remarks>
public readonly record struct MetricBounds
{
    /// <summary>Initializes bounds.</summary>
    /// <param name="worst">The raw value that scores 0; finite.</param>
    /// <param name="best">The raw value that scores 1; finite and different from <paramref name="worst"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite.</exception>
    /// <exception cref="ArgumentException"><paramref name="best"/> equals <paramref name="worst"/> (a configuration error).</exception>
    public MetricBounds(double worst, double best)
    {
        if (!double.IsFinite(worst))
            throw new ArgumentOutOfRangeException(nameof(worst), worst, "A bound must be finite.");
        if (!double.IsFinite(best))
            throw new ArgumentOutOfRangeException(nameof(best), best, "A bound must be finite.");
        if (best == worst)
            throw new ArgumentException("The best and worst bounds of a metric must differ.", nameof(best));
        Worst = worst;
        Best = best;
    }

    /// <summary>Gets the raw value that normalises to 0.</summary>
    public double Worst { get; }

    /// <summary>Gets the raw value that normalises to 1.</summary>
    public double Best { get; }

    /// <summary>Normalises a raw value: <c>s = (x − worst)/(best − worst)</c>, clipped to [0, 1].</summary>
    /// <param name="value">A finite raw value.</param>
    /// <returns>s, 0 to 1.</returns>
    public double Normalise(double value) => Math.Clamp((value - Worst) / (Best - Worst), 0.0, 1.0);
}
