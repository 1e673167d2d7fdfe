using System.Collections.Immutable;

using static PatientCentric.Scoring.InvariantText;

namespace PatientCentric.Scoring;

/// <summary>Builds the score card of a duration measure: median as the value, with the 90th percentile (Hyndman–Fan
/// type 7) and n as components (docs/measures.md#conventions, docs/touchpoints.md).</summary>
internal static class DurationStatistics
{
    /// <summary>Builds the card.</summary>
    /// <param name="key">The measure key.</param>
    /// <param name="context">The scoring context (scope, minimum evidence).</param>
    /// <param name="values">The valid durations, as an exact multiset; compacted, not otherwise changed.</param>
    /// <param name="scale">The unit of <paramref name="values"/>.</param>
    /// <param name="what">What each value is, plural, such as "appointments".</param>
    /// <param name="exclusions">The excluded records.</param>
    /// <param name="notes">Further descriptive components.</param>
    public static ScoreCard Card(string key, ScoringContext context, DurationValues values, ScoreScale scale, string what,
                                 ExclusionTally exclusions, IEnumerable<ScoreComponent> notes)
    {
        string unit = scale switch { ScoreScale.Days => "days", ScoreScale.Minutes => "minutes", ScoreScale.Hours => "hours", _ => "" };
        var components = ImmutableArray.CreateBuilder<ScoreComponent>();
        int minimum = context.Profile.MinimumEvidence.DurationObservations;
        int count = values.Count;
        double median = 0;
        if (count > 0)
        {
            median = values.Median();
            double p90 = values.HyndmanFanType7(0.9);
            components.Add(ScoreComponent.Describe("median", median, scale, $"Median of the valid {what}, in {unit}."));
            components.Add(ScoreComponent.Describe("p90", p90, scale, $"90th percentile of the valid {what} (Hyndman–Fan type 7), in {unit}."));
        }
        components.AddRange(notes);
        components.AddRange(exclusions.ToComponents());
        if (count == 0 || count < minimum)
        {
            return ScoreCard.WithoutValue(key, context.Scope, scale, ScoreStatus.InsufficientData,
                Inv($"Fewer valid {what} than the minimum of {minimum}."), count, exclusions.Total, components.ToImmutable());
        }
        return ScoreCard.Ok(key, context.Scope, median, scale, count, exclusions.Total, components.ToImmutable());
    }
}
