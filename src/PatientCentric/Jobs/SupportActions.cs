using System.Collections.Immutable;

namespace PatientCentric.Jobs;

/// <summary>The default barrier → supports table (docs/jobs.md#support-plans) and which supports are only for medication jobs or
/// need a prescriber's or clinician's decision.</summary>
public static class SupportActions
{
    /// <summary>Gets the default suggested supports for each barrier, in the order offered.</summary>
    public static ImmutableDictionary<JobBarrier, ImmutableArray<SupportAction>> Default { get; } = new Dictionary<JobBarrier, ImmutableArray<SupportAction>>
    {
        [JobBarrier.Forgetting] = [SupportAction.Reminders, SupportAction.RefillSynchronisation, SupportAction.NinetyDaySupply],
        [JobBarrier.Cost] = [SupportAction.FinancialCounselling, SupportAction.LowerCostAlternative],
        [JobBarrier.Access] = [SupportAction.SchedulingHelp, SupportAction.Transport, SupportAction.Telehealth],
        [JobBarrier.Knowledge] = [SupportAction.Coaching, SupportAction.TeachBack, SupportAction.DeviceTraining],
        [JobBarrier.Complexity] = [SupportAction.RegimenReview],
        [JobBarrier.Unknown] = [SupportAction.OutreachCall],
    }.ToImmutableDictionary();

    /// <summary>Returns whether <paramref name="action"/> applies only to medication jobs (fill, take).</summary>
    /// <param name="action">A support.</param>
    /// <returns><see langword="true"/> for refill synchronisation, 90-day supplies, lower-cost alternatives and device training.</returns>
    public static bool IsMedicationOnly(SupportAction action) =>
        action is SupportAction.RefillSynchronisation or SupportAction.NinetyDaySupply or SupportAction.LowerCostAlternative or SupportAction.DeviceTraining;

    /// <summary>Returns whether <paramref name="action"/> is a flag for a prescriber or clinician to decide, not something staff do.</summary>
    /// <param name="action">A support.</param>
    /// <returns><see langword="true"/> for 90-day supplies, lower-cost alternatives and regimen review.</returns>
    public static bool NeedsClinicianDecision(SupportAction action) =>
        action is SupportAction.NinetyDaySupply or SupportAction.LowerCostAlternative or SupportAction.RegimenReview;
}
