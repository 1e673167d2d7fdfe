namespace PatientCentric.Control;

/// <summary>One monitored assumption's XmR chart: the series, the break-even it is watched against, and its icons.</summary>
/// <param name="Binding">The assumption and its series.</param>
/// <param name="Chart">The XmR chart, improvement pointing away from the break-even.</param>
/// <param name="BreakEven">The break-even threshold, or <see langword="null"/> when the assumption has none.</param>
/// <param name="Variation">The variation icon of the latest point.</param>
/// <param name="Assurance">The assurance icon against the break-even, or <see langword="null"/> without one.</param>
public sealed record AssumptionChart(AssumptionBinding Binding, XmrChartResult Chart, double? BreakEven, VariationIcon Variation, AssuranceIcon? Assurance);
