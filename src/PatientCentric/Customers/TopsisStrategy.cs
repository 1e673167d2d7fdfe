using PatientCentric.Scoring;

namespace PatientCentric.Customers;

/// <summary>The primary-customer strategy <c>"topsis"</c>: the score is the TOPSIS relative closeness of each candidate's
/// raw assessments, with <see cref="DecisionOptions.TopsisNormalization"/> (docs/topsis.md). The weight margin is numerical.</summary>
internal sealed class TopsisStrategy : IPrimaryCustomerStrategy
{
    public string Key => "topsis";

    public PrimaryCustomerDecision Decide(StakeholderAssessments assessments, ScoringContext context)
    {
        var table = AssessmentTable.Read(assessments, requireSalience: false);
        var weights = Weighting.Normalise([.. table.Criteria.Select(c => c.Weight)], nameof(assessments));
        return DecisionPipeline.Decide(Key, table, new TopsisMethod(table.Criteria, assessments.Options), weights, context);
    }
}
