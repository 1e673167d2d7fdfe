using System.Text.Json.Serialization;

namespace PatientCentric.Scoring;

/// <summary>How the evaluator charts every measure over time (<c>PatientCentric:Trends</c>, docs/spc.md#every-measure-over-time):
/// the period grain, whether series are computed at all, and per-measure overrides of kind, direction and chart.</summary>
/// <remarks>Mutable only so the configuration binder can set it.</remarks>
public sealed class TrendOptions
{
    /// <summary>Gets or sets the length of each series' periods.</summary>
    /// <value>The default is <see cref="PeriodGrain.Month"/>.</value>
    public PeriodGrain Grain { get; set; } = PeriodGrain.Month;

    /// <summary>Gets or sets whether the evaluator computes series and funnels.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets the overrides by measure key (such as <c>"no-show-rate"</c> or <c>"nps:recommend"</c>) or family key
    /// (such as <c>"nps"</c>); a measure's own entry wins over its family's.</summary>
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public IDictionary<string, TrendMeasureOptions> Measures { get; } = new Dictionary<string, TrendMeasureOptions>(StringComparer.Ordinal);
}
