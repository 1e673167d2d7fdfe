using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Touchpoints;

/// <summary>Net Promoter Score of each likelihood-to-recommend item (docs/touchpoints/follow-up.md, referral intent, docs/touchpoints.md#surveys-nps-and-cahps), keyed
/// <c>nps:&lt;item&gt;</c>, on −1..1. Promoters contribute +pP and detractors −pD, so contributions sum to the value.</summary>
/// <remarks>A satisfaction measure: the framework never lets it score Partner (clinical) interactions (docs/guardrails.md).</remarks>
internal sealed class NpsScorer : ITouchpointCombiner<SurveyCounts>, IPeriodRoutedCombiner, ISurveyItemReader
{
    public const string ScorerKey = "nps";

    public string Key => ScorerKey;

    public TouchpointKind Kind => TouchpointKind.FollowUp;

    public MeasureCategory Category => MeasureCategory.Satisfaction;

    public SurveyItemKind ItemKind => SurveyItemKind.LikelihoodToRecommend;

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
        SurveyAnswers.ScoreZeroToTenItems(accumulator, context, ItemKind, ScorerKey, ScoreScale.NetPromoter, counts =>
        {
            var result = new NpsResult(counts[9] + counts[10], counts[7] + counts[8], counts.Take(7).Sum());
            return (result.Score,
            [
                new("promoters", result.Promoters, ScoreScale.Count, null, result.PromoterShare, "Answered 9–10: their share is added."),
                new("passives", result.Passives, ScoreScale.Count, null, 0.0, "Answered 7–8: no effect."),
                new("detractors", result.Detractors, ScoreScale.Count, null, -result.DetractorShare, "Answered 0–6: their share is subtracted."),
                ScoreComponent.Describe("standard-error", result.StandardError, ScoreScale.NetPromoter, "Standard error √(var/n), var = pP + pD − (pP − pD)²."),
                ScoreComponent.Describe("ci95-low", result.Ci95Low, ScoreScale.NetPromoter,
                    result.IsSmallSample ? "Lower end of the 95 % interval, NPS − 1.96·SE (small sample: rough)." : "Lower end of the 95 % interval, NPS − 1.96·SE."),
                ScoreComponent.Describe("ci95-high", result.Ci95High, ScoreScale.NetPromoter, "Upper end of the 95 % interval, NPS + 1.96·SE."),
            ]);
        });
}
