using System.Collections.Immutable;

namespace PatientCentric.Touchpoints;

/// <summary>Turns free-text reviews into pros and cons per commitment. Pluggable: hosts register their own (for example a
/// model-based classifier); the default is <see cref="KeywordReviewClassifier"/>.</summary>
/// <remarks>Implementations must be pure and thread-safe, and must not return names or identifiers of people: example
/// snippets leave the library and are shown to staff.</remarks>
public interface IReviewClassifier
{
    /// <summary>Classifies <paramref name="reviews"/>.</summary>
    /// <param name="reviews">Review texts.</param>
    /// <returns>One theme per commitment, in <see cref="Commitment"/> order.</returns>
    ImmutableArray<ReviewTheme> Classify(IReadOnlyList<string> reviews);
}
