using System.Collections.Immutable;
using PatientCentric.Scoring;

namespace PatientCentric.Customers;

/// <summary>The result of a primary-customer strategy: the ranking, the winner (or a tie) and the assumptions the
/// choice rests on (DOMAIN.md §5.6, decision record). Immutable; a new decision supersedes it.</summary>
/// <param name="StrategyKey">The key of the strategy that decided.</param>
/// <param name="WinnerKey">The winning stakeholder's key, or <see langword="null"/> on a tie.</param>
/// <param name="Ranking">One card per stakeholder, best first, scoped to the stakeholder; components explain each score.</param>
/// <param name="Assumptions">The assessments the choice rests on.</param>
/// <param name="ScoreMargin">The winner's score minus the runner-up's, in the strategy's units; 0 on a tie; <see langword="null"/> with fewer than two candidates.</param>
public sealed record PrimaryCustomerDecision(string StrategyKey, string? WinnerKey, ImmutableArray<ScoreCard> Ranking,
                                             ImmutableArray<StakeholderAssessment> Assumptions, double? ScoreMargin)
{
    /// <summary>Gets the ranking, best first.</summary>
    public ImmutableArray<ScoreCard> Ranking { get; init; } = Ranking.IsDefault ? [] : Ranking;

    /// <summary>Gets the assessments the choice rests on.</summary>
    public ImmutableArray<StakeholderAssessment> Assumptions { get; init; } = Assumptions.IsDefault ? [] : Assumptions;
}
