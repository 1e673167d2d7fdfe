namespace PatientCentric.Customers;

/// <summary>One stakeholder's value on one criterion, with its evidence source and date; a decision's assumptions are
/// these assessments (docs/primary-customer.md, docs/assumption-monitors.md).</summary>
/// <param name="StakeholderKey">The stakeholder assessed.</param>
/// <param name="CriterionKey">The criterion.</param>
/// <param name="Value">The value on the criterion's scale.</param>
/// <param name="Source">Where the value comes from, such as <c>"2025 revenue report"</c>.</param>
/// <param name="AssessedOn">The date the value was assessed.</param>
public sealed record StakeholderAssessment(string StakeholderKey, string CriterionKey, double Value, string Source, DateOnly AssessedOn);
