using System.Collections.Immutable;
using System.Globalization;
using PatientCentric.Records;

namespace PatientCentric.Cli.Sample;

/// <summary>The generator patient by patient, for <see cref="SampleFhirExport.WriteStreaming"/>: the same random sequence
/// and the same records as <see cref="Generate"/>, handed over one patient at a time and then forgotten, so memory does
/// not grow with the number of patients.</summary>
internal sealed partial class SamplePracticeGenerator
{
    /// <summary>One patient's records of the kinds the FHIR export writes, in generation order. Valid only during the
    /// callback: the lists are reused for the next patient.</summary>
    internal sealed class PatientRecords
    {
        internal PatientRecords(SamplePracticeGenerator g) => _g = g;

        private readonly SamplePracticeGenerator _g;

        /// <summary>Gets the 1-based number of the patient (P0001 is 1).</summary>
        public int Number { get; internal set; }

        public IReadOnlyList<Appointment> Appointments => _g._appointments;
        public IReadOnlyList<MedicationFill> Fills => _g._fills;
        public IReadOnlyList<Referral> Referrals => _g._referrals;
        public IReadOnlyList<Claim> Claims => _g._claims;
        public IReadOnlyList<SurveyReturn> Returns => _g._returns;
        public IReadOnlyList<PortalThread> Threads => _g._threads;

        /// <summary>Gets whether the patient has any record the FHIR export writes (and so a Patient resource).</summary>
        public bool Exported => Appointments.Count + Fills.Count + Referrals.Count + Claims.Count + Returns.Count + Threads.Count > 0;
    }

    /// <summary>Whether an appointment may go to the locum (<see cref="LocumClinician"/>): the locum takes the first
    /// <see cref="LocumNoShows"/> no-shows and <see cref="LocumKept"/> kept visits of these in (start, id) order, which only
    /// the writer, seeing all appointments in that order, can decide.</summary>
    internal enum LocumCandidate
    {
        /// <summary>Not a candidate.</summary>
        None,

        /// <summary>A no-show of the covered clinician from the locum's start.</summary>
        NoShow,

        /// <summary>A kept visit of the covered clinician from the locum's start.</summary>
        Kept,
    }

    /// <summary>Generates the practice patient by patient: <paramref name="onPatient"/> sees each patient's records (with the
    /// data-entry errors and C04's no-shows applied, as <see cref="Generate"/> applies them), then the availability
    /// snapshots drawn after the last patient are returned. The locum pattern is left to the caller (see
    /// <see cref="Locum"/>).</summary>
    internal static ImmutableArray<AvailabilitySnapshot> GenerateByPatient(int seed, int patients, PracticeCharacter? character,
                                                                          Action<PatientRecords> onPatient, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(patients, 1);
        ArgumentNullException.ThrowIfNull(onPatient);
        character ??= PracticeCharacter.Default;
        var g = new SamplePracticeGenerator(seed, character);
        var records = new PatientRecords(g);
        long appointmentIndex = 0;
        int fixedUp = 0;
        for (int p = 1; p <= patients; p++)
        {
            if ((p & 255) == 0)
                ct.ThrowIfCancellationRequested();
            g.AddPatient(string.Create(CultureInfo.InvariantCulture, $"P{p:0000}"));
            // AddDataEntryErrors and the first half of AddClinicianPatterns, one appointment at a time in the same order:
            // neither reads what the other changes, and both only depend on the appointment's place in the whole list.
            for (int i = 0; i < g._appointments.Count; i++, appointmentIndex++)
            {
                var a = g._appointments[i];
                if (appointmentIndex % 997 == 0 && fixedUp < 6 && a.Outcome == AppointmentOutcome.Kept && a.ArrivedAt is not null && a.DepartedAt is not null)
                {
                    a = fixedUp < 3 ? a with { BookedAt = a.Start.AddDays(2) } : a with { DepartedAt = a.ArrivedAt.Value.AddMinutes(-20) };
                    fixedUp++;
                }
                if (a.ServiceLine == "primary-care" && a.Outcome == AppointmentOutcome.NoShow && a.ClinicianKey != HighNoShowClinician
                    && g._design.NextDouble() < NoShowsMovedToHighClinician)
                    a = a with { ClinicianKey = HighNoShowClinician };
                g._appointments[i] = a;
            }
            records.Number = p;
            onPatient(records);
            g.ClearPatient();
        }
        return g.Snapshots();
    }

    /// <summary>Whether <paramref name="a"/> (after C04's no-shows) may be seen by the locum.</summary>
    internal static LocumCandidate Locum(Appointment a) =>
        a.ClinicianKey != LocumCoveredFor || DateOnly.FromDateTime(a.Start.DateTime) < LocumFrom ? LocumCandidate.None
        : a.Outcome switch
        {
            AppointmentOutcome.NoShow => LocumCandidate.NoShow,
            AppointmentOutcome.Kept => LocumCandidate.Kept,
            _ => LocumCandidate.None,
        };

    /// <summary>The locum's key, and how many no-shows and kept visits (the first in (start, id) order) the locum takes.</summary>
    internal static (string Clinician, int NoShows, int Kept) LocumTakes => (LocumClinician, LocumNoShows, LocumKept);

    private void ClearPatient()
    {
        _appointments.Clear();
        _returns.Clear();
        _fills.Clear();
        _referrals.Clear();
        _claims.Clear();
        _jobs.Clear();
        _ratings.Clear();
        _barriers.Clear();
        _threads.Clear();
        _calls.Clear();
        _estimates.Clear();
        _statements.Clear();
        _complaints.Clear();
        _contacts.Clear();
        _reviews.Clear();
    }
}
