using System.Collections.Immutable;
using PatientCentric.Scoring;
using static PatientCentric.Scoring.InvariantText;

namespace PatientCentric.Touchpoints;

/// <summary>Builds a rate card: numerator and denominator as components, insufficient data below the profile's minimum
/// rate events or with a zero denominator (docs/measures.md#conventions).</summary>
internal static class RateCard
{
    public static ScoreCard Build(string key, ScoringContext context, int numerator, int denominator, string numeratorText, string denominatorText,
                                  ExclusionTally? exclusions = null, IEnumerable<ScoreComponent>? notes = null)
    {
        var components = ImmutableArray.CreateBuilder<ScoreComponent>();
        components.Add(ScoreComponent.Describe("numerator", numerator, ScoreScale.Count, numeratorText));
        components.Add(ScoreComponent.Describe("denominator", denominator, ScoreScale.Count, denominatorText));
        if (notes is not null) components.AddRange(notes);
        int excluded = 0;
        if (exclusions is not null)
        {
            components.AddRange(exclusions.ToComponents());
            excluded = exclusions.Total;
        }
        int minimum = context.Profile.MinimumEvidence.RateEvents;
        return denominator == 0 || denominator < minimum
            ? ScoreCard.WithoutValue(key, context.Scope, ScoreScale.Proportion, ScoreStatus.InsufficientData,
                Inv($"Fewer events in the denominator than the minimum of {minimum}."), denominator, excluded, components.ToImmutable())
            : ScoreCard.Ok(key, context.Scope, (double)numerator / denominator, ScoreScale.Proportion, denominator, excluded, components.ToImmutable());
    }
}
