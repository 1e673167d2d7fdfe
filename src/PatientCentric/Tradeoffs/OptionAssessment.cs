using PatientCentric.Scoring;

namespace PatientCentric.Tradeoffs;

/// <summary>One option's normalised metrics, weighted score and place on the Pareto front (docs/tradeoffs.md).</summary>
/// <param name="Name">The option's name.</param>
/// <param name="Status"><see cref="ScoreStatus.Ok"/>; <see cref="ScoreStatus.InsufficientData"/> when a metric is missing;
/// <see cref="ScoreStatus.GuardrailBlocked"/> when quality of care is below the floor.</param>
/// <param name="CustomerService">s_CS, 0 to 1, or <see langword="null"/> when missing.</param>
/// <param name="QualityOfCare">s_QC, 0 to 1, or <see langword="null"/> when missing.</param>
/// <param name="CostEffectiveness">s_CE, 0 to 1, or <see langword="null"/> when missing.</param>
/// <param name="WeightedScore">U = w_CS·s_CS + w_QC·s_QC + w_CE·s_CE, 0 to 1; <see langword="null"/> unless the status is Ok.</param>
/// <param name="IsOnParetoFront">Whether no other Ok option dominates it; always <see langword="false"/> unless the status is Ok.</param>
/// <param name="StatusReason">Why the status is not Ok, or <see langword="null"/>.</param>
public sealed record OptionAssessment(string Name, ScoreStatus Status, double? CustomerService, double? QualityOfCare, double? CostEffectiveness,
                                      double? WeightedScore, bool IsOnParetoFront, string? StatusReason)
{
    /// <summary>Gets whether the option was excluded before weighting (quality floor or missing metric).</summary>
    public bool IsExcluded => Status != ScoreStatus.Ok;
}
