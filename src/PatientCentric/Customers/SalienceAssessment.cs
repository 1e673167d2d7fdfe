namespace PatientCentric.Customers;

/// <summary>One stakeholder's power, legitimacy and urgency as scores on 0..1 (1 and 0 for a yes/no judgement);
/// an attribute is present at 0.5 or more (docs/primary-customer.md).</summary>
/// <param name="StakeholderKey">The stakeholder assessed.</param>
/// <param name="Power">Power, 0 to 1 inclusive.</param>
/// <param name="Legitimacy">Legitimacy, 0 to 1 inclusive.</param>
/// <param name="Urgency">Urgency, 0 to 1 inclusive.</param>
public sealed record SalienceAssessment(string StakeholderKey, double Power, double Legitimacy, double Urgency)
{
    /// <summary>Classifies the stakeholder.</summary>
    /// <returns>The salience, class and group.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A score is outside 0..1.</exception>
    public StakeholderSalience Classify() => StakeholderSalience.FromScores(Power, Legitimacy, Urgency);
}
