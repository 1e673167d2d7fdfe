namespace PatientCentric.Control;

/// <summary>How a <see cref="FunnelPlot"/> is computed. Immutable.</summary>
public sealed record FunnelOptions
{
    /// <summary>Gets the default options: the pooled target, no overdispersion adjustment, 10 % winsorising, multiplier 1.</summary>
    public static FunnelOptions Default { get; } = new();

    /// <summary>Gets the target the funnel is centred on, in the unit of the plotted values (after <see cref="Multiplier"/>);
    /// <see langword="null"/> for the pooled value Σnumerators ÷ Σdenominators (proportion, rate) or 1 (ratio).</summary>
    /// <value>For a proportion 0 to 1 (times the multiplier); for a ratio or rate above 0; or <see langword="null"/> (the default).</value>
    public double? Target { get; init; }

    /// <summary>Gets how the limits allow for overdispersion. φ and τ² are estimated and reported whatever is chosen, and no
    /// adjustment is made while φ ≤ 1.</summary>
    /// <value>The default is <see cref="FunnelOverdispersion.None"/>.</value>
    public FunnelOverdispersion Overdispersion { get; init; } = FunnelOverdispersion.None;

    /// <summary>Gets the percentage of z-scores at each end that is winsorised (or truncated) before φ is estimated.</summary>
    /// <value>0 (inclusive) to 50 (exclusive). The default is 10.</value>
    public double WinsorisePercent { get; init; } = 10;

    /// <summary>Gets whether extreme z-scores are winsorised or their units truncated (left out) for the estimate.</summary>
    /// <value>The default is <see cref="FunnelTrimming.Winsorise"/>.</value>
    public FunnelTrimming Trimming { get; init; } = FunnelTrimming.Winsorise;

    /// <summary>Gets the factor that scales every value, the target and every limit, such as 100 for percentages.</summary>
    /// <value>A finite number above 0. The default is 1.</value>
    public double Multiplier { get; init; } = 1;
}
