using System.Collections.Immutable;
using PatientCentric.Customers;

namespace PatientCentric.Tests.Customers;

/// <summary>Small primary-customer inputs with hand-checked numbers.</summary>
internal static class CustomerTestData
{
    public static readonly DateOnly AssessedOn = new(2025, 1, 31);

    public static StakeholderAssessments Build(string[] stakeholders, Criterion[] criteria, double[][] values)
    {
        var assessments = stakeholders.SelectMany((s, i) => criteria.Select((c, j) =>
            new StakeholderAssessment(s, c.Key, values[i][j], $"{c.Key} review", AssessedOn)));
        return new StakeholderAssessments([.. stakeholders.Select(s => new Stakeholder(s, StakeholderKind.HostDefined, s))], [.. criteria], [.. assessments]);
    }

    /// <summary>Fit 0.5, capability 0.3, cost-to-serve 0.2 (cost), all on 0..10. Weighted sums: patients 0.70, payer 0.65, referrers 0.45.</summary>
    public static StakeholderAssessments ThreeStakeholders() => Build(
        ["patients", "payer", "referrers"],
        [new("fit", 0.5, CriterionDirection.Benefit, 0, 10), new("capability", 0.3, CriterionDirection.Benefit, 0, 10), new("cost-to-serve", 0.2, CriterionDirection.Cost, 0, 10)],
        [[8, 6, 4], [5, 8, 2], [4, 5, 5]]);

    public static StakeholderAssessments WithWeights(StakeholderAssessments a, IReadOnlyList<double> weights) =>
        a with { Criteria = [.. a.Criteria.Select((c, j) => c with { Weight = weights[j] })] };

    public static StakeholderAssessments WithValue(StakeholderAssessments a, string stakeholder, string criterion, double value) =>
        a with { Assessments = [.. a.Assessments.Select(x => x.StakeholderKey == stakeholder && x.CriterionKey == criterion ? x with { Value = value } : x)] };

    public static ImmutableArray<PairwiseJudgement> Judgements(params (string Row, string Column, double Value)[] j) =>
        [.. j.Select(x => new PairwiseJudgement(x.Row, x.Column, x.Value))];
}
