using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;
using static PatientCentric.Scoring.InvariantText;

namespace PatientCentric.Touchpoints;

/// <summary>Collects the valid answers to one survey item among the returns in the period, counting answers that are
/// not one of the item's categories as excluded (docs/measures.md#conventions, invalid records).</summary>
internal static class SurveyAnswers
{
    /// <summary>The reason code of an answer that is not one of the item's categories.</summary>
    public const string InvalidAnswerCode = "answer-not-a-category";

    /// <summary>The rule an answer that is not a category breaks.</summary>
    public const string InvalidAnswerRule = "the answer is not one of the item's categories";

    /// <summary>Items of <paramref name="kind"/> about the context's role, in declared order.</summary>
    public static IEnumerable<SurveyItem> ItemsInScope(PracticeDataSet data, SurveyItemKind kind, ScoringContext context) =>
        data.SurveyItems.Where(i => i.Kind == kind && i.AboutRole == context.Role);

    /// <summary>Scores every 0–10 item of <paramref name="kind"/> about the context's role, one card per item keyed
    /// <c>&lt;scorer&gt;:&lt;item&gt;</c>: an item whose categories are not "0".."10" is not applicable; below the minimum
    /// number of valid answers the card is insufficient data (components still show what was found).</summary>
    /// <param name="data">The data, narrowed to the scope.</param>
    /// <param name="context">The context (period, scope, role, minimum evidence).</param>
    /// <param name="kind">The kind of item to score.</param>
    /// <param name="scorerKey">The scorer's key, the first part of each card's key.</param>
    /// <param name="scale">The scale of the value.</param>
    /// <param name="score">Turns counts per answer 0..10 (at least one answer) into the value and its components.</param>
    public static ImmutableArray<ScoreCard> ScoreZeroToTenItems(PracticeDataSet data, ScoringContext context, SurveyItemKind kind, string scorerKey,
                                                                ScoreScale scale, Func<int[], (double Value, IEnumerable<ScoreComponent> Components)> score)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(context);
        return ScoreZeroToTenItems(new SurveyCounts().Add(data, kind, context), context, kind, scorerKey, scale, score);
    }

    /// <summary>Finishes a survey accumulator into one card per 0–10 item, as the overload on a data set describes.</summary>
    public static ImmutableArray<ScoreCard> ScoreZeroToTenItems(SurveyCounts answers, ScoringContext context, SurveyItemKind kind, string scorerKey,
                                                                ScoreScale scale, Func<int[], (double Value, IEnumerable<ScoreComponent> Components)> score)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(context);
        var cards = ImmutableArray.CreateBuilder<ScoreCard>();
        int minimum = context.Profile.MinimumEvidence.SurveyResponses;
        foreach (var item in answers.Items)
        {
            string key = $"{scorerKey}:{item.Key}";
            if (CahpsScale.Create(item.Categories).Kind != CahpsScaleKind.Rating0To10)
            {
                cards.Add(ScoreCard.WithoutValue(key, context.Scope, scale, ScoreStatus.NotApplicable, $"A {kind} item must have the categories \"0\"..\"10\"."));
                continue;
            }
            var exclusions = new ExclusionTally();
            if (answers.InvalidOf(item) is > 0 and int invalid)
                exclusions.Add(InvalidAnswerCode, InvalidAnswerRule, invalid);
            int[] counts = answers.CountsOf(item);
            int n = counts.Sum();
            var components = ImmutableArray.CreateBuilder<ScoreComponent>();
            double value = 0;
            if (n > 0)
            {
                var scored = score(counts);
                value = scored.Value;
                components.AddRange(scored.Components);
            }
            components.AddRange(exclusions.ToComponents());
            cards.Add(n == 0 || n < minimum
                ? ScoreCard.WithoutValue(key, context.Scope, scale, ScoreStatus.InsufficientData,
                    Inv($"Fewer valid answers than the minimum of {minimum}."), n, exclusions.Total, components.ToImmutable())
                : ScoreCard.Ok(key, context.Scope, value, scale, n, exclusions.Total, components.ToImmutable()));
        }
        return cards.ToImmutable();
    }
}
