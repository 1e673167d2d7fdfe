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
    /// <param name="values">The valid durations; sorted in place.</param>
    /// <param name="scale">The unit of <paramref name="values"/>.</param>
    /// <param name="what">What each value is, plural, such as "appointments".</param>
    /// <param name="exclusions">The excluded records.</param>
    /// <param name="notes">Further descriptive components.</param>
    public static ScoreCard Card(string key, ScoringContext context, List<double> values, ScoreScale scale, string what,
                                 ExclusionTally exclusions, IEnumerable<ScoreComponent> notes)
    {
        values.Sort();
        string unit = scale switch { ScoreScale.Days => "days", ScoreScale.Minutes => "minutes", ScoreScale.Hours => "hours", _ => "" };
        var components = ImmutableArray.CreateBuilder<ScoreComponent>();
        int minimum = context.Profile.MinimumEvidence.DurationObservations;
        if (values.Count > 0)
        {
            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values);
            double median = Quantiles.Median(span);
            double p90 = Quantiles.HyndmanFanType7(span, 0.9);
            components.Add(ScoreComponent.Describe("median", median, scale, $"Median of the valid {what}, in {unit}."));
            components.Add(ScoreComponent.Describe("p90", p90, scale, $"90th percentile of the valid {what} (Hyndman–Fan type 7), in {unit}."));
        }
        components.AddRange(notes);
        components.AddRange(exclusions.ToComponents());
        if (values.Count == 0 || values.Count < minimum)
        {
            return ScoreCard.WithoutValue(key, context.Scope, scale, ScoreStatus.InsufficientData,
                Inv($"Fewer valid {what} than the minimum of {minimum}."), values.Count, exclusions.Total, components.ToImmutable());
        }
        double value = Quantiles.Median(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values));
        return ScoreCard.Ok(key, context.Scope, value, scale, values.Count, exclusions.Total, components.ToImmutable());
    }
}
