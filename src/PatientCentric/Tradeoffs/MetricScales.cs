namespace PatientCentric.Tradeoffs;

/// <summary>The bounds of the three encounter metrics (docs/tradeoffs.md).</summary>
/// <param name="CustomerService">Bounds of customer service.</param>
/// <param name="QualityOfCare">Bounds of quality of care.</param>
/// <param name="CostEffectiveness">Bounds of cost effectiveness (typically best below worst, as cost per episode).</param>
public sealed record MetricScales(MetricBounds CustomerService, MetricBounds QualityOfCare, MetricBounds CostEffectiveness);
