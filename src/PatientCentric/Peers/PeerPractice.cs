using System.Collections.Immutable;
using PatientCentric.Scoring;

namespace PatientCentric.Peers;

/// <summary>One practice as <see cref="PeerComparison"/> reads it: a display name and its score cards, of which only the
/// practice-scope cards (<see cref="ScopeLevel.Practice"/>) with status <see cref="ScoreStatus.Ok"/> carry a value that
/// is compared.</summary>
/// <param name="Name">The practice's display name (a folder name or the data set's practice name); it need not be unique,
/// since results keep the input order.</param>
/// <param name="Cards">The practice's cards, such as <see cref="PracticeEvaluation.Cards"/>; default means none.</param>
public sealed record PeerPractice(string Name, ImmutableArray<ScoreCard> Cards)
{
    /// <summary>Gets the practice's cards.</summary>
    public ImmutableArray<ScoreCard> Cards { get; init; } = Cards.IsDefault ? [] : Cards;

    /// <summary>Creates the input for one evaluated practice.</summary>
    /// <param name="evaluation">The practice's evaluation.</param>
    /// <param name="name">The display name; <see langword="null"/> uses <see cref="PracticeEvaluation.PracticeName"/>.</param>
    /// <returns>The practice with the evaluation's cards.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="evaluation"/> is <see langword="null"/>.</exception>
    public static PeerPractice From(PracticeEvaluation evaluation, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return new(name ?? evaluation.PracticeName, evaluation.Cards);
    }
}
