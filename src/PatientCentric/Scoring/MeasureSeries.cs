using System.Collections.Immutable;
using PatientCentric.Control;

namespace PatientCentric.Scoring;

/// <summary>One measure over time for one scope: a point per period and the control chart that fits the measure's kind
/// (docs/spc.md#every-measure-over-time).</summary>
/// <param name="MeasureKey">The measure's key, as on its card.</param>
/// <param name="Scope">The practice, a service line or a clinician.</param>
/// <param name="Grain">The length of the periods.</param>
/// <param name="Kind">The measure's kind, after any host override.</param>
/// <param name="Direction">Which way the measure improves, after any host override.</param>
/// <param name="Points">One point per period in time order, covering the measurement period.</param>
/// <param name="Chart">The chart over the points (values in the card's unit: a proportion on 0..1, a rate per 1,000);
/// <see langword="null"/> when it cannot be drawn (see <paramref name="ChartReason"/>).</param>
/// <param name="ChartReason">Why <paramref name="Chart"/> is <see langword="null"/>, or <see langword="null"/>.</param>
/// <param name="Target">The profile's target for the measure, used for the assurance icon; <see langword="null"/> without one.</param>
public sealed record MeasureSeries(string MeasureKey, ScoreScope Scope, PeriodGrain Grain, MeasureKind Kind, ImprovementDirection Direction,
                                   ImmutableArray<SeriesPoint> Points, SpcChartResult? Chart, string? ChartReason, double? Target);
