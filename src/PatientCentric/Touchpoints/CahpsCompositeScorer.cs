using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;

using static PatientCentric.Scoring.InvariantText;

namespace PatientCentric.Touchpoints;

/// <summary>CAHPS-style composites of report items (Never–Always, No–Yes…), keyed <c>cahps:&lt;composite&gt;</c>: the
/// unweighted mean of the items' top-box proportions, each item over its own respondents (docs/touchpoints.md#surveys-nps-and-cahps). An item
/// without a composite is its own composite.</summary>
/// <remarks>Each item is a component with weight 1/k and contribution topBox/k, so contributions sum to the value; its
/// linear mean (0..100) and n are in the reason. Evidence count = the smallest item n; insufficient if any item is
/// below the minimum. Report items about Partner interactions are reported only, never linked to a clinical decision.</remarks>
internal sealed class CahpsCompositeScorer : ITouchpointCombiner<SurveyCounts>, IPeriodRoutedCombiner, ISurveyItemReader
{
    public const string ScorerKey = "cahps";

    public string Key => ScorerKey;

    public TouchpointKind Kind => TouchpointKind.Communication;

    public MeasureCategory Category => MeasureCategory.ExperienceReport;

    public SurveyItemKind ItemKind => SurveyItemKind.Report;

    public ImmutableArray<ScoreCard> Score(PracticeDataSet data, ScoringContext context) =>
        Finish(Add(CreateAccumulator(context), data, context), context);

    public SurveyCounts CreateAccumulator(ScoringContext context) => new();

    public SurveyCounts Add(SurveyCounts accumulator, PracticeDataSet shard, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        return accumulator.Add(shard, ItemKind, context);
    }

    public void AddByPeriod(object[] accumulators, PracticeDataSet shard, ScoringContext context, PeriodBuckets buckets) =>
        SurveyCounts.AddTo(PeriodRouting.Own<SurveyCounts>(accumulators, shard, context, buckets), shard, ItemKind, context, buckets);

    public SurveyCounts Merge(SurveyCounts left, SurveyCounts right)
    {
        ArgumentNullException.ThrowIfNull(left);
        return left.Merge(right);
    }

    public ImmutableArray<ScoreCard> Finish(SurveyCounts accumulator, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        ArgumentNullException.ThrowIfNull(context);
        var cards = ImmutableArray.CreateBuilder<ScoreCard>();
        int minimum = context.Profile.MinimumEvidence.SurveyResponses;
        foreach (var composite in accumulator.Items.GroupBy(i => i.Composite ?? i.Key, StringComparer.Ordinal))
        {
            string key = $"{ScorerKey}:{composite.Key}";
            var exclusions = new ExclusionTally();
            var components = ImmutableArray.CreateBuilder<ScoreComponent>();
            var items = composite.ToList();
            double weight = 1.0 / items.Count;
            double sum = 0;
            int smallestN = int.MaxValue;
            string? shortItem = null;
            foreach (var item in items)
            {
                if (accumulator.InvalidOf(item) is > 0 and int invalid)
                    exclusions.Add(SurveyAnswers.InvalidAnswerCode, SurveyAnswers.InvalidAnswerRule, invalid);
                var result = CahpsScoring.Score(CahpsScale.Create(item.Categories), accumulator.CountsOf(item));
                int n = result?.N ?? 0;
                if (n < smallestN)
                    smallestN = n;
                if (result is null || n < minimum)
                {
                    shortItem ??= item.Key;
                    components.Add(new(item.Key, null, ScoreScale.Proportion, weight, null, Inv($"\"{item.Text}\": fewer valid answers than the minimum of {minimum}.")));
                    continue;
                }
                sum += result.TopBox;
                components.Add(new(item.Key, result.TopBox, ScoreScale.Proportion, weight, result.TopBox * weight,
                    Inv($"\"{item.Text}\": share answering \"{item.Categories[^1]}\" (top box); linear mean {result.LinearMean:0.#} on 0–100.")));
            }
            if (context.Role == InteractionRole.Partner)
                components.Add(ScoreComponent.Describe("reported-only", null, ScoreScale.Proportion, "About clinical (Partner) interactions: reported only, never linked to a clinical decision (docs/guardrails.md)."));
            components.AddRange(exclusions.ToComponents());
            cards.Add(shortItem is not null
                ? ScoreCard.WithoutValue(key, context.Scope, ScoreScale.Proportion, ScoreStatus.InsufficientData,
                    Inv($"Item \"{shortItem}\" has fewer valid answers than the minimum of {minimum}."), smallestN, exclusions.Total, components.ToImmutable())
                : ScoreCard.Ok(key, context.Scope, sum / items.Count, ScoreScale.Proportion, smallestN, exclusions.Total, components.ToImmutable()));
        }
        return cards.ToImmutable();
    }
}
