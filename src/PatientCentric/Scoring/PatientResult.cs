using System.Collections.Immutable;
using PatientCentric.Jobs;

namespace PatientCentric.Scoring;

/// <summary>One patient's outputs of an evaluation: the patient-level job cards and the support plan, as
/// <see cref="EvaluationPartial.ReadPatients"/> gives them back from storage (docs/scale.md#per-patient-outputs-on-disk).</summary>
/// <param name="Cards">The patient's cards, in the order of <see cref="PracticeEvaluation.PatientCards"/>.</param>
/// <param name="Plan">The patient's support plan, or <see langword="null"/> when no job is below its threshold.</param>
public sealed record PatientResult(ImmutableArray<ScoreCard> Cards, SupportPlan? Plan)
{
    /// <summary>Gets the patient's cards.</summary>
    public ImmutableArray<ScoreCard> Cards { get; init; } = Cards.IsDefault ? [] : Cards;
}
