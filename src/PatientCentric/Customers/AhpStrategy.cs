using PatientCentric.Scoring;

namespace PatientCentric.Customers;

/// <summary>The primary-customer strategy <c>"ahp"</c>: criteria weights are the AHP priorities of
/// <see cref="StakeholderAssessments.CriteriaJudgements"/> (each <see cref="Criterion.Weight"/> is ignored), and each
/// stakeholder's local priority under a criterion is its normalised value over the candidates' sum (distributive
/// mode); the score is the synthesised global priority (docs/ahp.md). The weight margin is numerical.</summary>
internal sealed class AhpStrategy : IPrimaryCustomerStrategy
{
    public string Key => "ahp";

    public PrimaryCustomerDecision Decide(StakeholderAssessments assessments, ScoringContext context)
    {
        var table = AssessmentTable.Read(assessments, requireSalience: false);
        if (assessments.CriteriaJudgements.IsEmpty && table.Criteria.Length > 1)
            throw new ArgumentException("The ahp strategy needs CriteriaJudgements comparing every pair of criteria.", nameof(assessments));
        var matrix = PairwiseComparisonMatrix.FromJudgements(table.Criteria.Select(c => c.Key), assessments.CriteriaJudgements);
        var priorities = AnalyticHierarchyProcess.Prioritise(matrix, assessments.Options.RandomIndex);
        return DecisionPipeline.Decide(Key, table, new AhpMethod(table.Criteria, assessments.Options), [.. priorities.Weights], context, priorities);
    }
}
