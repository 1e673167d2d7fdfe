using PatientCentric.Control;

namespace PatientCentric.Scoring;

/// <summary>A host's override of one measure's (or one family's) kind, improvement direction and chart over time
/// (<c>PatientCentric:Trends:Measures:&lt;key&gt;</c>, docs/configuration.md). Every setting left <see langword="null"/>
/// keeps the library's declaration (<see cref="MeasureCatalog"/>).</summary>
/// <remarks>Mutable only so the configuration binder can set it.</remarks>
public sealed class TrendMeasureOptions
{
    /// <summary>Gets or sets what kind of number the measure is, which decides its default chart.</summary>
    /// <value>The default is <see langword="null"/>: the catalog's kind.</value>
    public MeasureKind? Kind { get; set; }

    /// <summary>Gets or sets which way the measure improves, which colours special causes and decides the assurance icon.</summary>
    /// <value>The default is <see langword="null"/>: the catalog's direction.</value>
    public ImprovementDirection? Direction { get; set; }

    /// <summary>Gets or sets the chart to draw instead of the kind's default: <see cref="SpcChartKind.P"/> or
    /// <see cref="SpcChartKind.PPrime"/> for a proportion, <see cref="SpcChartKind.U"/> or <see cref="SpcChartKind.UPrime"/>
    /// for a rate per 1,000, and for per-period statistics and scores <see cref="SpcChartKind.I"/>,
    /// <see cref="SpcChartKind.IMedian"/>, <see cref="SpcChartKind.IMedianMR"/>, <see cref="SpcChartKind.Run"/>, or
    /// <see cref="SpcChartKind.G"/> and <see cref="SpcChartKind.T"/> for counts of (or times between) rare events.</summary>
    /// <value>The default is <see langword="null"/>: p′ for a proportion, u′ for a rate, i (XmR) otherwise.</value>
    public SpcChartKind? Chart { get; set; }
}
