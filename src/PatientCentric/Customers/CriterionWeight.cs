namespace PatientCentric.Customers;

/// <summary>The normalised weight a decision gave one criterion.</summary>
/// <param name="CriterionKey">The criterion.</param>
/// <param name="Weight">Its weight, 0 to 1; a decision's weights sum to 1.</param>
public sealed record CriterionWeight(string CriterionKey, double Weight);
