using System.Collections.Immutable;
using PatientCentric.Scoring;

namespace PatientCentric.Jobs;

/// <summary>One job a patient needs support with: the measure below its threshold, the barrier recorded (or unknown),
/// the suggested supports and the evidence (docs/jobs.md#support-plans). Advisory: never a reason to deny, discharge, deprioritise or
/// re-price care (docs/guardrails.md).</summary>
/// <param name="JobKind">The kind of job.</param>
/// <param name="MeasureKey">The measure that fell below its threshold, such as <c>"pdc:statins"</c>.</param>
/// <param name="Performance">The patient's value on that measure's scale.</param>
/// <param name="Threshold">The threshold it fell below.</param>
/// <param name="Barrier">The latest barrier recorded for this patient and job kind, or <see cref="JobBarrier.Unknown"/>.</param>
/// <param name="Supports">The suggested supports, in the order offered.</param>
/// <param name="Evidence">The components of the patient's score card.</param>
public sealed record SupportPlanItem(PatientJobKind JobKind, string MeasureKey, double Performance, double Threshold, JobBarrier Barrier,
                                     ImmutableArray<SupportAction> Supports, ImmutableArray<ScoreComponent> Evidence)
{
    /// <summary>Gets the suggested supports.</summary>
    public ImmutableArray<SupportAction> Supports { get; init; } = Supports.IsDefault ? [] : Supports;

    /// <summary>Gets the evidence.</summary>
    public ImmutableArray<ScoreComponent> Evidence { get; init; } = Evidence.IsDefault ? [] : Evidence;
}
