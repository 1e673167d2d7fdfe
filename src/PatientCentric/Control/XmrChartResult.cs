using System.Collections.Immutable;

namespace PatientCentric.Control;

/// <summary>An XmR chart: every point classified, the limits of each segment, and the two "Making Data Count" icons
/// (docs/spc.md).</summary>
/// <param name="Points">The points in series order.</param>
/// <param name="Segments">The rebase segments in series order; one when the chart is not rebased.</param>
/// <param name="VariationIcon">The variation icon, from the point type of the last point.</param>
/// <param name="AssuranceIcon">The assurance icon against the last segment's limits; <see langword="null"/> without a target
/// or with a neutral improvement direction.</param>
public sealed record XmrChartResult(ImmutableArray<XmrPoint> Points, ImmutableArray<XmrSegment> Segments,
                                    VariationIcon VariationIcon, AssuranceIcon? AssuranceIcon)
{
    /// <summary>Gets the limits of the last segment, the ones the icons are read against.</summary>
    public XmrLimits Limits => Segments[^1].Limits;
}
