namespace PatientCentric.Control;

/// <summary>How an <see cref="SpcChart"/> is computed and read. Immutable.</summary>
public sealed record SpcChartOptions
{
    /// <summary>Gets the default options: increase is better, no target, multiplier 1, no screening, all points in the baseline.</summary>
    public static SpcChartOptions Default { get; } = new();

    /// <summary>Gets which way the measure improves.</summary>
    /// <value>The default is <see cref="ImprovementDirection.Increase"/>.</value>
    public ImprovementDirection ImprovementDirection { get; init; } = ImprovementDirection.Increase;

    /// <summary>Gets the target for the assurance icon, in the unit of the plotted values (after <see cref="Multiplier"/>);
    /// <see langword="null"/> for no assurance icon. Run charts never have one.</summary>
    /// <value>A finite number, or <see langword="null"/> (the default).</value>
    public double? Target { get; init; }

    /// <summary>Gets the factor that scales every value, centre line and limit after they are computed (and clamped), such as
    /// 100 for percentages or 10,000 for a rate per 10,000 patient days.</summary>
    /// <value>A finite number above 0. The default is 1.</value>
    public double Multiplier { get; init; } = 1;

    /// <summary>Gets whether moving ranges of at least 3.267·m̄R are left out of m̄R before σ is computed, as the XmR chart's
    /// screening does (no screening when m̄R is 0). Applies to <see cref="SpcChartKind.I"/>, <see cref="SpcChartKind.IMedian"/>
    /// and <see cref="SpcChartKind.T"/>; other kinds refuse it.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool ScreenOutliers { get; init; }

    /// <summary>Gets how many leading periods form the baseline from which the centre line and limits are computed and then
    /// extended to every later point; <see langword="null"/> for all of them. A number larger than the series uses all points.</summary>
    /// <value>At least 2, or <see langword="null"/> (the default).</value>
    public int? FixAfterNPoints { get; init; }
}
