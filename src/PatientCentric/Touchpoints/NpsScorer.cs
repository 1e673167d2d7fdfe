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
                components.Add(new("promoters", result.Promoters, null, result.PromoterShare, Inv($"{result.Promoters} of {n} answered 9–10: +{result.PromoterShare:P1}.")));
                components.Add(new("passives", result.Passives, null, 0.0, Inv($"{result.Passives} of {n} answered 7–8: no effect.")));
                components.Add(new("detractors", result.Detractors, null, -result.DetractorShare, Inv($"{result.Detractors} of {n} answered 0–6: −{result.DetractorShare:P1}.")));
                components.Add(ScoreComponent.Describe("standard-error", result.StandardError,
                    Inv($"Standard error {result.StandardError * 100:0.#} points; 95 % interval {result.Ci95Low * 100:0.#} to {result.Ci95High * 100:0.#}{(result.IsSmallSample ? " (small sample)" : "")}.")));
            }
            components.AddRange(exclusions.ToComponents());
            int minimum = context.Profile.MinimumEvidence.SurveyResponses;
            if (n == 0 || n < minimum)
            {
                cards.Add(ScoreCard.WithoutValue(key, context.Scope, ScoreScale.NetPromoter, ScoreStatus.InsufficientData,
                    Inv($"{n} valid answer(s); at least {minimum} are needed."), n, exclusions.Total, components.ToImmutable()));
                continue;
            }
            cards.Add(ScoreCard.Ok(key, context.Scope, result.Score, ScoreScale.NetPromoter, n, exclusions.Total, components.ToImmutable()));
        }
        return cards.ToImmutable();
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
