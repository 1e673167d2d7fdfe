using System.Collections.Immutable;
using PatientCentric.Scoring;

namespace PatientCentric.Customers;

/// <summary>The result of a primary-customer strategy: the ranking, the winner (or a tie), its margins and the
/// assumptions the choice rests on (docs/primary-customer.md, decision record). Immutable; a new decision supersedes it.</summary>
/// <param name="StrategyKey">The key of the strategy that decided.</param>
/// <param name="WinnerKey">The winning stakeholder's key, or <see langword="null"/> on a tie or without candidates.</param>
/// <param name="Ranking">One card per stakeholder, best first (declared order within a rank), scoped to the stakeholder
/// (<see cref="ScoreScope.Stakeholder"/>); components explain each score. Screened-out stakeholders come last, without a value.</param>
/// <param name="Assumptions">The assessments the choice rests on, each with its source and date.</param>
/// <param name="ScoreMargin">The winner's score minus the runner-up's, in the strategy's units; 0 on a tie; <see langword="null"/> with fewer than two candidates.</param>
public sealed record PrimaryCustomerDecision(string StrategyKey, string? WinnerKey, ImmutableArray<ScoreCard> Ranking,
                                             ImmutableArray<StakeholderAssessment> Assumptions, double? ScoreMargin)
{
    /// <summary>Gets the ranking, best first.</summary>
    public ImmutableArray<ScoreCard> Ranking { get; init; } = Ranking.IsDefault ? [] : Ranking;

    /// <summary>Gets the assessments the choice rests on.</summary>
    public ImmutableArray<StakeholderAssessment> Assumptions { get; init; } = Assumptions.IsDefault ? [] : Assumptions;

    /// <summary>Gets each card's competition rank, aligned with <see cref="Ranking"/>: 1 for the best, scores within 1e−9
    /// sharing the lowest rank (1, 1, 3; docs/measures.md#conventions); 0 for a stakeholder screened out by salience.</summary>
    public ImmutableArray<int> Ranks { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets how the decision ended.</summary>
    /// <value>By default <see cref="DecisionOutcome.Winner"/> when <see cref="WinnerKey"/> is set, else <see cref="DecisionOutcome.Tie"/>.</value>
    public DecisionOutcome Outcome { get; init; } = WinnerKey is null ? DecisionOutcome.Tie : DecisionOutcome.Winner;

    /// <summary>Gets the method options the strategy used.</summary>
    public DecisionOptions Options { get; init => field = value ?? DecisionOptions.Default; } = DecisionOptions.Default;

    /// <summary>Gets the normalised criteria weights used (for AHP, derived from the criteria judgements); empty for salience.</summary>
    public ImmutableArray<CriterionWeight> Weights { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets the smallest single-weight change that changes the winner.</summary>
    /// <value>The default is <see cref="WeightMargin.NotApplicable"/>.</value>
    public WeightMargin WeightMargin { get; init => field = value ?? WeightMargin.NotApplicable; } = WeightMargin.NotApplicable;

    /// <summary>Gets the break-even of each of the winner's assessments against the runner-up (weighted sum with
    /// fixed scale bounds only; empty otherwise).</summary>
    public ImmutableArray<ValueBreakEven> BreakEvens { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets whether removing a non-winning stakeholder (or, with min–max normalisation, adding a duplicate of the
    /// runner-up) changes the winner (<c>RankReversalSensitive</c>, docs/primary-customer.md).</summary>
    public bool IsRankReversalSensitive { get; init; }

    /// <summary>Gets the AHP priorities of the criteria judgements (the <c>"ahp"</c> strategy only).</summary>
    public AhpPriorities? CriteriaPriorities { get; init; }

    /// <summary>Gets the evaluation instant the decision was made at (<see cref="ScoringContext.AsOf"/>).</summary>
    public DateTimeOffset DecidedAt { get; init; }

    /// <summary>Gets who approved the decision; the host sets it with <c>with { ApprovedBy = … }</c>.</summary>
    public string? ApprovedBy { get; init; }

    /// <summary>Gets when the decision was approved; the host sets it.</summary>
    public DateTimeOffset? ApprovedAt { get; init; }
}
