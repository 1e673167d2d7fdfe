namespace PatientCentric.Control;

/// <summary>One period of a KPI series.</summary>
/// <param name="Period">The period's label, such as <c>"2025-03"</c>, in series order.</param>
/// <param name="Value">The KPI's value in the series' unit.</param>
public readonly record struct KpiPoint(string Period, double Value);
