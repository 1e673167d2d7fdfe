using System.Collections.Immutable;
using PatientCentric.Scoring;

namespace PatientCentric.Customers;

/// <summary>The primary-customer strategy <c>"salience"</c>: ranks every stakeholder by salience (the number of
/// power, legitimacy and urgency present, scored as that number / 3) and names the single most salient one as
/// primary customer when it is at least <see cref="DecisionOptions.MinimumSalienceGroup"/> (docs/primary-customer.md). A screen and
/// a report: criteria assessments are recorded as assumptions but not scored; there are no weights, so no weight margin.</summary>
internal sealed class SalienceStrategy : IPrimaryCustomerStrategy
{
    public string Key => "salience";

    public PrimaryCustomerDecision Decide(StakeholderAssessments assessments, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var table = AssessmentTable.Read(assessments, requireSalience: true, requireCriteria: false);
        int m = table.Stakeholders.Length;
        var salience = table.Salience.Select(s => s!.Value).ToArray();
        var values = assessments.Salience.ToDictionary(s => s.StakeholderKey, StringComparer.Ordinal);
        double[] scores = [.. salience.Select(s => s.Salience / 3.0)];
        var ranks = CompetitionRanking.Ranks(scores);
        int best = CompetitionRanking.UniqueBest(scores);
        var outcome = m == 0 ? DecisionOutcome.NoCandidate
            : best < 0 ? (salience.Where((_, i) => ranks[i] == 1).All(s => s.Group >= table.MinimumSalienceGroup) ? DecisionOutcome.Tie : DecisionOutcome.NoCandidate)
            : salience[best].Group >= table.MinimumSalienceGroup ? DecisionOutcome.Winner : DecisionOutcome.NoCandidate;
        int winner = outcome == DecisionOutcome.Winner ? best : -1;
        double? margin = m < 2 ? null : best >= 0 ? scores[best] - scores[DecisionPipeline.RunnerUp(scores, best)] : 0.0;

        var cards = ImmutableArray.CreateBuilder<ScoreCard>(m);
        var cardRanks = ImmutableArray.CreateBuilder<int>(m);
        foreach (int i in Enumerable.Range(0, m).OrderBy(i => ranks[i]).ThenBy(i => i))
        {
            var a = values[table.Stakeholders[i].Key];
            var s = salience[i];
            ImmutableArray<ScoreComponent> components =
            [
                Attribute("power", a.Power, s.HasPower),
                Attribute("legitimacy", a.Legitimacy, s.HasLegitimacy),
                Attribute("urgency", a.Urgency, s.HasUrgency),
                SalienceText.Component(s),
            ];
            cards.Add(ScoreCard.Ok(Key, ScoreScope.Stakeholder(table.Stakeholders[i].Key), scores[i], ScoreScale.Utility, 3, 0, components));
            cardRanks.Add(ranks[i]);
        }
        return new PrimaryCustomerDecision(Key, winner >= 0 ? table.Stakeholders[winner].Key : null, cards.ToImmutable(), table.Assumptions, margin)
        {
            Ranks = cardRanks.ToImmutable(),
            Outcome = outcome,
            Options = assessments.Options,
            DecidedAt = context.AsOf,
        };
    }

    private static ScoreComponent Attribute(string name, double score, bool present) =>
        new(name, score, ScoreScale.Proportion, 1.0 / 3, present ? 1.0 / 3 : 0.0,
            present ? $"Present: the score is at least {StakeholderSalience.PresenceThreshold}." : $"Absent: the score is below {StakeholderSalience.PresenceThreshold}.");
}
