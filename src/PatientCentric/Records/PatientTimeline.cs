using System.Collections.Immutable;

namespace PatientCentric.Records;

/// <summary>One patient's records between encounters: the input of job scorers (DESIGN.md §3).</summary>
/// <param name="PatientKey">The patient's opaque key (a pseudonym); never shown in messages or logs.</param>
/// <param name="MedicationFills">The patient's medication fills.</param>
/// <param name="Referrals">The patient's referrals.</param>
public sealed record PatientTimeline(string PatientKey, ImmutableArray<MedicationFill> MedicationFills, ImmutableArray<Referral> Referrals)
{
    /// <summary>Gets the patient's medication fills.</summary>
    public ImmutableArray<MedicationFill> MedicationFills { get; init; } = MedicationFills.IsDefault ? [] : MedicationFills;

    /// <summary>Gets the patient's referrals.</summary>
    public ImmutableArray<Referral> Referrals { get; init; } = Referrals.IsDefault ? [] : Referrals;
}
