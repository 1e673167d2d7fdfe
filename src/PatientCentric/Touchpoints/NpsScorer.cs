using System.Collections.Immutable;
using System.Globalization;
using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Touchpoints;

/// <summary>Net Promoter Score of each likelihood-to-recommend item (DOMAIN.md §2.5 referral intent, §3.1), keyed
/// <c>nps:&lt;item&gt;</c>, on −1..1. Promoters contribute +pP and detractors −pD, so contributions sum to the value.</summary>
/// <remarks>A satisfaction measure: the framework never lets it score Partner (clinical) interactions (DOMAIN.md §9).</remarks>
internal sealed class NpsScorer : ITouchpointScorer, ISurveyItemReader
{
    public const string ScorerKey = "nps";

    public string Key => ScorerKey;

    public TouchpointKind Kind => TouchpointKind.FollowUp;

    public MeasureCategory Category => MeasureCategory.Satisfaction;

    public SurveyItemKind ItemKind => SurveyItemKind.LikelihoodToRecommend;

    public ImmutableArray<ScoreCard> Score(PracticeDataSet data, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(context);
        var cards = ImmutableArray.CreateBuilder<ScoreCard>();
        foreach (var item in SurveyAnswers.ItemsInScope(data, ItemKind, context))
        {
            string key = $"{ScorerKey}:{item.Key}";
            if (CahpsScale.Create(item.Categories).Kind != CahpsScaleKind.Rating0To10)
            {
                cards.Add(ScoreCard.WithoutValue(key, context.Scope, ScoreScale.NetPromoter, ScoreStatus.NotApplicable,
                    "A likelihood-to-recommend item must have the categories \"0\"..\"10\"."));
                continue;
            }
            var exclusions = new ExclusionTally();
            int[] counts = SurveyAnswers.CountPerCategory(data, item, context, exclusions);
            var result = new NpsResult(counts[9] + counts[10], counts[7] + counts[8], counts.Take(7).Sum());
            int n = result.N;
            var components = ImmutableArray.CreateBuilder<ScoreComponent>();
            if (n > 0)
            {
                components.Add(new("promoters", result.Promoters, ScoreScale.Count, null, result.PromoterShare, "Answered 9–10: their share is added."));
                components.Add(new("passives", result.Passives, ScoreScale.Count, null, 0.0, "Answered 7–8: no effect."));
                components.Add(new("detractors", result.Detractors, ScoreScale.Count, null, -result.DetractorShare, "Answered 0–6: their share is subtracted."));
                components.Add(ScoreComponent.Describe("standard-error", result.StandardError, ScoreScale.NetPromoter, "Standard error √(var/n), var = pP + pD − (pP − pD)²."));
                components.Add(ScoreComponent.Describe("ci95-low", result.Ci95Low, ScoreScale.NetPromoter,
                    result.IsSmallSample ? "Lower end of the 95 % interval, NPS − 1.96·SE (small sample: rough)." : "Lower end of the 95 % interval, NPS − 1.96·SE."));
                components.Add(ScoreComponent.Describe("ci95-high", result.Ci95High, ScoreScale.NetPromoter, "Upper end of the 95 % interval, NPS + 1.96·SE."));
            }
            components.AddRange(exclusions.ToComponents());
            int minimum = context.Profile.MinimumEvidence.SurveyResponses;
            if (n == 0 || n < minimum)
            {
                cards.Add(ScoreCard.WithoutValue(key, context.Scope, ScoreScale.NetPromoter, ScoreStatus.InsufficientData,
                    Inv($"Fewer valid answers than the minimum of {minimum}."), n, exclusions.Total, components.ToImmutable()));
                continue;
            }
            cards.Add(ScoreCard.Ok(key, context.Scope, result.Score, ScoreScale.NetPromoter, n, exclusions.Total, components.ToImmutable()));
        }
        return cards.ToImmutable();
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
