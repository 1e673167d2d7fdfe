using System.Collections.Immutable;

namespace PatientCentric.Customers;

/// <summary>The input of a primary-customer strategy: the stakeholders, the criteria and every assessment (stakeholders × criteria),
/// with optional salience, AHP judgements over the criteria, and method options.</summary>
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

    /// <summary>Gets each stakeholder's power, legitimacy and urgency (docs/primary-customer.md).</summary>
    /// <value>Empty by default: no screen. When given, every stakeholder needs one, and stakeholders below
    /// <see cref="DecisionOptions.MinimumSalienceGroup"/> are screened out of weighted-sum, AHP and TOPSIS rankings.</value>
    public ImmutableArray<SalienceAssessment> Salience { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets AHP judgements comparing the criteria ("row is v times as important as column"), from which the
    /// <c>"ahp"</c> strategy derives the criteria weights (docs/ahp.md); other strategies ignore them.</summary>
    /// <value>Empty by default. Missing reciprocals are completed; every pair of criteria needs a judgement.</value>
    public ImmutableArray<PairwiseJudgement> CriteriaJudgements { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets the method choices.</summary>
    /// <value>The default is <see cref="DecisionOptions.Default"/>.</value>
    public DecisionOptions Options { get; init => field = value ?? DecisionOptions.Default; } = DecisionOptions.Default;
}
