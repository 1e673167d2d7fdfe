using System.Collections.Immutable;
using PatientCentric.Jobs;

namespace PatientCentric.Records;

/// <summary>One patient's records between encounters: the input of job scorers (docs/data-model.md).</summary>
/// <param name="PatientKey">The patient's opaque key (a pseudonym); never shown in messages or logs.</param>
/// <param name="MedicationFills">The patient's medication fills.</param>
/// <param name="Referrals">The patient's referrals.</param>
public sealed record PatientTimeline(string PatientKey, ImmutableArray<MedicationFill> MedicationFills, ImmutableArray<Referral> Referrals)
{
    /// <summary>Gets the patient's medication fills.</summary>
    public ImmutableArray<MedicationFill> MedicationFills { get; init; } = MedicationFills.IsDefault ? [] : MedicationFills;

    /// <summary>Gets the patient's referrals.</summary>
    public ImmutableArray<Referral> Referrals { get; init; } = Referrals.IsDefault ? [] : Referrals;

    /// <summary>Gets the patient's other jobs (labs, follow-ups, pre-visit forms, host-defined).</summary>
    public ImmutableArray<PatientJob> Jobs
    {
        get => _jobs;
        init => _jobs = value.IsDefault ? [] : value;
    }

    private readonly ImmutableArray<PatientJob> _jobs = [];

    /// <summary>Gets clinicians' ratings of how the patient is doing with jobs (support data only).</summary>
    public ImmutableArray<ClinicianRating> ClinicianRatings
    {
        get => _clinicianRatings;
        init => _clinicianRatings = value.IsDefault ? [] : value;
    }

    private readonly ImmutableArray<ClinicianRating> _clinicianRatings = [];

    /// <summary>Gets the barriers the care team recorded.</summary>
    public ImmutableArray<BarrierReport> Barriers
    {
        get => _barriers;
        init => _barriers = value.IsDefault ? [] : value;
    }

    private readonly ImmutableArray<BarrierReport> _barriers = [];
}
