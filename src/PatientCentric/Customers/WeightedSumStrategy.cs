using PatientCentric.Scoring;

namespace PatientCentric.Customers;

/// <summary>The default primary-customer strategy <c>"weighted-sum"</c>: <c>Sᵢ = Σⱼ wⱼ·rᵢⱼ</c> with host-declared scale
/// bounds (or min–max across the candidates), an exact weight margin and value break-evens (docs/primary-customer.md).</summary>
internal sealed class WeightedSumStrategy : IPrimaryCustomerStrategy
{
    public string Key => "weighted-sum";

    public PrimaryCustomerDecision Decide(StakeholderAssessments assessments, ScoringContext context)
    {
        var table = AssessmentTable.Read(assessments, requireSalience: false);
        var weights = Weighting.Normalise([.. table.Criteria.Select(c => c.Weight)], nameof(assessments));
        return DecisionPipeline.Decide(Key, table, new WeightedSumMethod(table.Criteria, assessments.Options), weights, context);
    }
}
