using PatientCentric.Scoring;

namespace PatientCentric.Touchpoints;

/// <summary>Builds the card of a measure whose input the data lacks entirely: NotApplicable with the reason, no value,
/// and the excluded records counted by reason code. Absent data is not bad data: such a measure is never 0 and never
/// <c>InsufficientData</c>, which is kept for some evidence but less than the minimum (docs/measures.md#conventions, docs/measures.md#score-cards).</summary>
internal static class AbsentInputCard
{
    /// <summary>Builds the card.</summary>
    /// <param name="key">The measure key.</param>
    /// <param name="context">The scoring context (scope).</param>
    /// <param name="scale">The scale the value would have had.</param>
    /// <param name="reason">Which input no record carries, and why the measure therefore cannot be computed.</param>
    /// <param name="exclusions">The records excluded for lacking it (and any other reason).</param>
    /// <returns>The NotApplicable card, with evidence count 0.</returns>
    public static ScoreCard Build(string key, ScoringContext context, ScoreScale scale, string reason, ExclusionTally exclusions) =>
        ScoreCard.WithoutValue(key, context.Scope, scale, ScoreStatus.NotApplicable, reason, 0, exclusions.Total, [.. exclusions.ToComponents()]);
}
