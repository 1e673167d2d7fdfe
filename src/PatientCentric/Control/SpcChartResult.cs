using System.Collections.Immutable;

namespace PatientCentric.Control;

/// <summary>A control chart: every point with its own centre line and limits, classified by the "Making Data Count" rules, and
/// the two icons.</summary>
/// <param name="Kind">The kind of chart.</param>
/// <param name="Points">The points in series order: one per input period (one fewer for <see cref="SpcChartKind.MR"/>, whose
/// first period has no moving range). Gaps (periods with no data) are kept in place with a <see langword="null"/> value.</param>
/// <param name="BaselineCount">How many points with data the centre line and limits rest on.</param>
/// <param name="VariationIcon">The variation icon: the point type of the last point with data.</param>
/// <param name="AssuranceIcon">The assurance icon: the target against the process limits of the last point with data;
/// <see langword="null"/> without a target, with a neutral improvement direction, or on a run chart.</param>
public sealed record SpcChartResult(SpcChartKind Kind, ImmutableArray<SpcPoint> Points, int BaselineCount,
                                    VariationIcon VariationIcon, AssuranceIcon? AssuranceIcon);
