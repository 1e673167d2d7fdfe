using System.Collections.Immutable;
using System.Globalization;
using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Touchpoints;

/// <summary>Top box (answers 9–10) of each 0–10 rating item, keyed <c>rating:&lt;item&gt;</c>, as a proportion, with the
/// linear mean and bottom box as components (DOMAIN.md §3.2).</summary>
/// <remarks>A satisfaction measure: the framework never lets it score Partner (clinical) interactions (DOMAIN.md §9).</remarks>
internal sealed class RatingScorer : ITouchpointScorer, ISurveyItemReader
{
    public const string ScorerKey = "rating";

    public string Key => ScorerKey;

    public TouchpointKind Kind => TouchpointKind.FollowUp;

    public MeasureCategory Category => MeasureCategory.Satisfaction;

    public SurveyItemKind ItemKind => SurveyItemKind.Rating;

    public ImmutableArray<ScoreCard> Score(PracticeDataSet data, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(context);
        var cards = ImmutableArray.CreateBuilder<ScoreCard>();
        foreach (var item in SurveyAnswers.ItemsInScope(data, ItemKind, context))
        {
            string key = $"{ScorerKey}:{item.Key}";
            var scale = CahpsScale.Create(item.Categories);
            if (scale.Kind != CahpsScaleKind.Rating0To10)
            {
                cards.Add(ScoreCard.WithoutValue(key, context.Scope, ScoreScale.Proportion, ScoreStatus.NotApplicable,
                    "A rating item must have the categories \"0\"..\"10\"."));
                continue;
            }
            var exclusions = new ExclusionTally();
            var result = CahpsScoring.Score(scale, SurveyAnswers.CountPerCategory(data, item, context, exclusions));
            int n = result?.N ?? 0;
            var components = ImmutableArray.CreateBuilder<ScoreComponent>();
            if (result is not null)
            {
                components.Add(ScoreComponent.Describe("top-box", result.TopBox, ScoreScale.Proportion, "Share answering 9–10 (the top box)."));
                components.Add(ScoreComponent.Describe("bottom-box", result.BottomBox, ScoreScale.Proportion, "Share answering 0–6 (the bottom box)."));
                components.Add(ScoreComponent.Describe("linear-mean", result.LinearMean, ScoreScale.Points0To100, "Mean answer ×10, on 0–100 (linear mean)."));
            }
            components.AddRange(exclusions.ToComponents());
            int minimum = context.Profile.MinimumEvidence.SurveyResponses;
            cards.Add(result is null || n < minimum
                ? ScoreCard.WithoutValue(key, context.Scope, ScoreScale.Proportion, ScoreStatus.InsufficientData,
                    Inv($"Fewer valid answers than the minimum of {minimum}."), n, exclusions.Total, components.ToImmutable())
                : ScoreCard.Ok(key, context.Scope, result.TopBox, ScoreScale.Proportion, n, exclusions.Total, components.ToImmutable()));
        }
        return cards.ToImmutable();
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
