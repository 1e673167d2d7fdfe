using System.Collections.Immutable;

namespace PatientCentric.Control;

/// <summary>A funnel plot: the target, the overdispersion estimates, and every unit with its limits, in input order.</summary>
public sealed record FunnelResult
{
    private readonly double _theta;

    internal FunnelResult(FunnelDataType dataType, double theta, double multiplier, double phi, double tau2,
                          FunnelOverdispersion applied, ImmutableArray<FunnelUnit> units)
    {
        DataType = dataType;
        _theta = theta;
        Multiplier = multiplier;
        Phi = phi;
        Tau2 = tau2;
        AppliedOverdispersion = applied;
        Units = units;
    }

    /// <summary>Gets what the funnel compares.</summary>
    public FunnelDataType DataType { get; }

    /// <summary>Gets the target the funnel is centred on, in the unit of the plotted values (after the multiplier).</summary>
    public double Target => _theta * Multiplier;

    /// <summary>Gets the multiplier applied to values, target and limits.</summary>
    public double Multiplier { get; }

    /// <summary>Gets φ, the dispersion ratio: the mean squared (winsorised or truncated) z-score; above 1 means overdispersion.</summary>
    public double Phi { get; }

    /// <summary>Gets τ², the between-unit variance on the chart's scale (DerSimonian–Laird); 0 when Nφ &lt; N − 1.</summary>
    public double Tau2 { get; }

    /// <summary>Gets the adjustment actually applied: the one asked for when φ &gt; 1, otherwise <see cref="FunnelOverdispersion.None"/>.</summary>
    public FunnelOverdispersion AppliedOverdispersion { get; }

    /// <summary>Gets the units in input order.</summary>
    public ImmutableArray<FunnelUnit> Units { get; }

    /// <summary>Computes the limits at any volume, to draw the funnel's curves.</summary>
    /// <param name="denominator">The volume: cases (proportion), expected events (ratio) or exposure (rate); above 0.</param>
    /// <returns>The limits, in the unit of the plotted values.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="denominator"/> is not a finite number above 0.</exception>
    public FunnelLimits LimitsAt(double denominator)
    {
        if (!(denominator > 0) || !double.IsFinite(denominator))
            throw new ArgumentOutOfRangeException(nameof(denominator), "The denominator must be a finite number above 0.");
        return FunnelPlot.Limits(DataType, _theta, denominator, AppliedOverdispersion, Phi, Tau2, Multiplier);
    }
}
