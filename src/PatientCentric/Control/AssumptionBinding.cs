namespace PatientCentric.Control;

/// <summary>Binds one assumption of a primary-customer decision (a stakeholder's value on a criterion) to the KPI series
/// that measures it over time, in the same unit as the assessment (docs/assumption-monitors.md).</summary>
/// <param name="StakeholderKey">The stakeholder assessed.</param>
/// <param name="CriterionKey">The criterion.</param>
/// <param name="SeriesKey">The KPI series' key.</param>
public sealed record AssumptionBinding(string StakeholderKey, string CriterionKey, string SeriesKey);
