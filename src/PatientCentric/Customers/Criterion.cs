namespace PatientCentric.Customers;

/// <summary>A criterion stakeholders are assessed on, with its weight and host-declared scale bounds (docs/primary-customer.md).</summary>
/// <param name="Key">The stable key, such as <c>"profit-potential"</c>.</param>
/// <param name="Weight">The raw weight, 0 or more; weights are normalised to sum 1 before use.</param>
/// <param name="Direction">Whether more is better or worse.</param>
/// <param name="ScaleLow">The lower bound of the assessment scale.</param>
/// <param name="ScaleHigh">The upper bound of the assessment scale; above <paramref name="ScaleLow"/>.</param>
public sealed record Criterion(string Key, double Weight, CriterionDirection Direction, double ScaleLow, double ScaleHigh);
