namespace PatientCentric.Customers;

/// <summary>A candidate primary customer of a service line.</summary>
/// <param name="Key">The stable key, such as <c>"patients"</c> or <c>"acme-health-plan"</c>.</param>
/// <param name="Kind">The kind of stakeholder.</param>
/// <param name="Name">The display name.</param>
public sealed record Stakeholder(string Key, StakeholderKind Kind, string Name);
