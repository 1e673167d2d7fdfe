using System.Collections.Immutable;

namespace PatientCentric.Customers;

/// <summary>The input of a primary-customer strategy: the stakeholders, the criteria and every assessment (stakeholders × criteria).</summary>
/// <param name="Stakeholders">The candidates, in declared order (which breaks ties for display only).</param>
/// <param name="Criteria">The criteria.</param>
/// <param name="Assessments">One assessment per stakeholder and criterion.</param>
public sealed record StakeholderAssessments(ImmutableArray<Stakeholder> Stakeholders, ImmutableArray<Criterion> Criteria,
                                            ImmutableArray<StakeholderAssessment> Assessments)
{
    /// <summary>Gets the candidates, in declared order.</summary>
    public ImmutableArray<Stakeholder> Stakeholders { get; init; } = Stakeholders.IsDefault ? [] : Stakeholders;

    /// <summary>Gets the criteria.</summary>
    public ImmutableArray<Criterion> Criteria { get; init; } = Criteria.IsDefault ? [] : Criteria;

    /// <summary>Gets every assessment.</summary>
    public ImmutableArray<StakeholderAssessment> Assessments { get; init; } = Assessments.IsDefault ? [] : Assessments;
}
