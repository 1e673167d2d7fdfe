using PatientCentric.Scoring;

namespace PatientCentric.Customers;

/// <summary>Chooses the stakeholder a service line is designed around, from assessments of every stakeholder on named
/// criteria (docs/primary-customer.md).</summary>
/// <remarks>Pure, thread-safe singletons: the same assessments and context give the same decision; no I/O and no clock.
/// Throw <see cref="ArgumentException"/> for assessments that break the strategy's rules (a missing value, bounds that are equal).</remarks>
public interface IPrimaryCustomerStrategy
{
    /// <summary>Gets the stable kebab-case key used in profiles, JSON and the CLI, such as <c>"weighted-sum"</c>.</summary>
    string Key { get; }

    /// <summary>Ranks the stakeholders in <paramref name="assessments"/> and names the primary customer.</summary>
    /// <param name="assessments">Stakeholders, criteria and assessments.</param>
    /// <param name="context">The period, the evaluation instant and the profile.</param>
    /// <returns>The decision.</returns>
    PrimaryCustomerDecision Decide(StakeholderAssessments assessments, ScoringContext context);
}
