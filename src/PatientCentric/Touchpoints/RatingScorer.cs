using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Touchpoints;

/// <summary>Top box (answers 9–10) of each 0–10 rating item, keyed <c>rating:&lt;item&gt;</c>, as a proportion, with the
/// linear mean and bottom box as components (docs/touchpoints.md#surveys-nps-and-cahps).</summary>
/// <remarks>A satisfaction measure: the framework never lets it score Partner (clinical) interactions (docs/guardrails.md).</remarks>
internal sealed class RatingScorer : ITouchpointCombiner<SurveyCounts>, IPeriodRoutedCombiner, ISurveyItemReader
{
    public const string ScorerKey = "rating";

    public string Key => ScorerKey;

    public TouchpointKind Kind => TouchpointKind.FollowUp;

    public MeasureCategory Category => MeasureCategory.Satisfaction;

    public SurveyItemKind ItemKind => SurveyItemKind.Rating;

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

    public ImmutableArray<ScoreCard> Finish(SurveyCounts accumulator, ScoringContext context) =>
        SurveyAnswers.ScoreZeroToTenItems(accumulator, context, ItemKind, ScorerKey, ScoreScale.Proportion, counts =>
        {
            var result = CahpsScoring.Score(Scale, counts)!;
            return (result.TopBox,
            [
                ScoreComponent.Describe("top-box", result.TopBox, ScoreScale.Proportion, "Share answering 9–10 (the top box)."),
                ScoreComponent.Describe("bottom-box", result.BottomBox, ScoreScale.Proportion, "Share answering 0–6 (the bottom box)."),
                ScoreComponent.Describe("linear-mean", result.LinearMean, ScoreScale.Points0To100, "Mean answer ×10, on 0–100 (linear mean)."),
            ]);
        });

    private static readonly CahpsScale Scale = CahpsScale.Create(Enumerable.Range(0, 11).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
