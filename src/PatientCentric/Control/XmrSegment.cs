namespace PatientCentric.Control;

/// <summary>One rebase segment of an XmR chart: a run of consecutive points with its own baseline, limits and rules
/// (docs/spc.md). Moving ranges and rule runs never cross a segment boundary.</summary>
/// <param name="Start">The index of the segment's first point in the series.</param>
/// <param name="Count">The number of points in the segment (at least 2).</param>
/// <param name="Limits">The segment's centre line and limits.</param>
public readonly record struct XmrSegment(int Start, int Count, XmrLimits Limits);
