using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Serialization;

namespace PatientCentric.Touchpoints;

/// <summary>How the no-show family (docs/touchpoints/access.md) sorts the appointments starting in the period: the members of D
/// (appointments still booked at 00:00 local on their day: kept + no-shows + same-day patient cancellations), those
/// left out by rule (practice cancellations, earlier patient cancellations, appointments still to come), and those
/// excluded and counted because they cannot be placed. The no-show, same-day cancellation and missed-appointment rates
/// all read one count, so they can never disagree.</summary>
internal sealed class NoShowDenominator
{
    /// <summary>The reason the no-show family is NotApplicable on visit-only data.</summary>
    public const string OnlyVisitsReason =
        "The data records visits but no appointments (FHIR Encounter without Appointment), so no-shows and cancellations cannot be seen.";

    /// <summary>Initializes an empty count: the accumulator of the no-show family (docs/scale.md#the-accumulator-contract).</summary>
    public NoShowDenominator()
    {
    }

    /// <summary>Gets the kept appointments (in D).</summary>
    public int Kept { get; private set; }

    /// <summary>Gets the no-shows (in D, the no-show numerator).</summary>
    public int NoShows { get; private set; }

    /// <summary>Gets the patient cancellations made on the appointment's local day, before its start (in D).</summary>
    public int SameDayCancellations { get; private set; }

    /// <summary>Gets the practice-initiated cancellations (out of numerator and denominator).</summary>
    public int PracticeCancellations { get; private set; }

    /// <summary>Gets the patient cancellations made before the appointment's local day (not in D).</summary>
    public int EarlierCancellations { get; private set; }

    /// <summary>Gets the appointments that start after the evaluation instant with no outcome yet (not counted).</summary>
    public int Upcoming { get; private set; }

    /// <summary>Gets the visits recorded without an appointment (<see cref="Appointment.VisitOnly"/>; excluded).</summary>
    public int VisitOnly { get; private set; }

    /// <summary>Gets the patient cancellations whose instant is recorded: same-day, earlier, or (excluded) after the start.</summary>
    public int TimedPatientCancellations { get; private set; }

    /// <summary>Gets the patient cancellations whose instant is unknown (excluded as <c>cancellation-time-unknown</c>).</summary>
    public int UntimedPatientCancellations { get; private set; }

    /// <summary>Gets the cancellations that do not say who cancelled (excluded as <c>cancellation-initiator-unknown</c>).</summary>
    public int InitiatorUnknown { get; private set; }

    /// <summary>Gets the records excluded because they cannot be placed, by reason code (mergeable; canonical order).</summary>
    public ExclusionCounts Exclusions { get; } = new();

    /// <summary>Gets D: kept + no-shows + same-day patient cancellations.</summary>
    public int Denominator => Kept + NoShows + SameDayCancellations;

    /// <summary>Gets whether no appointment in the period bears on the family at all (no card is due).</summary>
    public bool IsEmpty => Denominator == 0 && Exclusions.Total == 0 && PracticeCancellations + EarlierCancellations + Upcoming == 0;

    /// <summary>Gets whether the data records visits but no appointments, so no-shows and cancellations cannot be seen.</summary>
    public bool HasOnlyVisits => Denominator == 0 && VisitOnly > 0 && VisitOnly == Exclusions.Total;

    /// <summary>Gets why same-day patient cancellations cannot be counted at all, or <see langword="null"/> when they can
    /// (possibly over the cancellations that can be placed, the rest excluded and counted).</summary>
    /// <remarks>Absent data is not bad data: when the data lacks an input for every cancellation, the same-day count is
    /// unknown, not 0. The cancellation instant matters only for patient cancellations, so it is missing for the
    /// measure when patient cancellations exist and none records one (FHIR R4 <c>Appointment</c> has no element for it).
    /// Who cancelled sorts every cancellation, so that is missing when cancellations exist and none records it.</remarks>
    public string? SameDayUnknowableReason =>
        UntimedPatientCancellations > 0 && TimedPatientCancellations == 0
            ? "No patient cancellation in the period records when it was made (FHIR R4 Appointment has no element for it), so same-day cancellations cannot be told from earlier ones."
        : InitiatorUnknown > 0 && PracticeCancellations + TimedPatientCancellations + UntimedPatientCancellations == 0
            ? "No cancellation in the period records who cancelled (FHIR Appointment.cancelationReason), so patient same-day cancellations cannot be told from practice ones."
        : null;

    /// <summary>Sorts the appointments whose local start date lies in the context's period.</summary>
    /// <param name="data">The data, narrowed to the scope.</param>
    /// <param name="context">The context (period, time zone, evaluation instant).</param>
    /// <returns>The counts.</returns>
    public static NoShowDenominator Count(PracticeDataSet data, ScoringContext context) => new NoShowDenominator().Add(data, context);

    /// <summary>Adds the counts of another shard's appointments.</summary>
    /// <param name="other">The other shard's counts; read, never kept.</param>
    /// <returns>This count.</returns>
    public NoShowDenominator Merge(NoShowDenominator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Kept += other.Kept;
        NoShows += other.NoShows;
        SameDayCancellations += other.SameDayCancellations;
        PracticeCancellations += other.PracticeCancellations;
        EarlierCancellations += other.EarlierCancellations;
        Upcoming += other.Upcoming;
        VisitOnly += other.VisitOnly;
        TimedPatientCancellations += other.TimedPatientCancellations;
        UntimedPatientCancellations += other.UntimedPatientCancellations;
        InitiatorUnknown += other.InitiatorUnknown;
        Exclusions.Merge(other.Exclusions);
        return this;
    }

    /// <summary>Returns the counts as plain data (docs/scale.md#the-serialized-partial).</summary>
    public NoShowDenominatorState ToState() =>
        new(Kept, NoShows, SameDayCancellations, PracticeCancellations, EarlierCancellations, Upcoming, VisitOnly,
            TimedPatientCancellations, UntimedPatientCancellations, InitiatorUnknown, Exclusions.ToState());

    /// <summary>Rebuilds the counts from <see cref="ToState"/>'s data, refusing negative or inconsistent counts.</summary>
    /// <param name="state">The counts.</param>
    /// <param name="path">The JSON path of <paramref name="state"/>, for errors.</param>
    public static NoShowDenominator FromState(NoShowDenominatorState state, string path)
    {
        PartialFormat.Need(state, path);
        var d = new NoShowDenominator
        {
            Kept = PartialFormat.Count(state.Kept, path + ".kept"),
            NoShows = PartialFormat.Count(state.NoShows, path + ".noShows"),
            SameDayCancellations = PartialFormat.Count(state.SameDayCancellations, path + ".sameDayCancellations"),
            PracticeCancellations = PartialFormat.Count(state.PracticeCancellations, path + ".practiceCancellations"),
            EarlierCancellations = PartialFormat.Count(state.EarlierCancellations, path + ".earlierCancellations"),
            Upcoming = PartialFormat.Count(state.Upcoming, path + ".upcoming"),
            VisitOnly = PartialFormat.Count(state.VisitOnly, path + ".visitOnly"),
            TimedPatientCancellations = PartialFormat.Count(state.TimedPatientCancellations, path + ".timedPatientCancellations"),
            UntimedPatientCancellations = PartialFormat.Count(state.UntimedPatientCancellations, path + ".untimedPatientCancellations"),
            InitiatorUnknown = PartialFormat.Count(state.InitiatorUnknown, path + ".initiatorUnknown"),
        };
        d.Exclusions.Merge(ExclusionCounts.FromState(state.Exclusions, path + ".exclusions"));
        if (d.TimedPatientCancellations < d.SameDayCancellations + d.EarlierCancellations)
            throw PartialFormat.Field(path + ".timedPatientCancellations", "fewer timed patient cancellations than same-day and earlier ones together.");
        if (d.Exclusions.Total < d.VisitOnly + d.UntimedPatientCancellations + d.InitiatorUnknown)
            throw PartialFormat.Field(path + ".exclusions", "fewer exclusions than the visit-only, untimed and initiator-unknown records they include.");
        return d;
    }

    /// <summary>Sorts one shard's appointments whose local start date lies in the context's period into this count.</summary>
    /// <param name="data">The shard, narrowed to the scope.</param>
    /// <param name="context">The context (period, time zone, evaluation instant).</param>
    /// <returns>This count.</returns>
    public NoShowDenominator Add(PracticeDataSet data, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(context);
        AddTo([this], data, context, null);
        return this;
    }

    /// <summary>Sorts one shard's appointments whose local start date lies in the context's period into the count of their
    /// start's period bucket (<see cref="PeriodRouting.Of(DateOnly, ScoringContext, PeriodBuckets?)"/>).</summary>
    /// <param name="counts">One count per bucket (one without buckets).</param>
    /// <param name="data">The shard, narrowed to the scope.</param>
    /// <param name="context">The whole period's context.</param>
    /// <param name="buckets">The period buckets, or <see langword="null"/> for the period as one.</param>
    public static void AddTo(NoShowDenominator[] counts, PracticeDataSet data, ScoringContext context, PeriodBuckets? buckets)
    {
        foreach (var a in data.Appointments)
        {
            DateOnly day = context.LocalDate(a.Start);
            int b = PeriodRouting.Of(day, context, buckets);
            if (b >= 0)
                counts[b].Count(a, day, context);
        }
    }

    /// <summary>Sorts one appointment whose local start date lies in the period into this count.</summary>
    /// <param name="a">The appointment.</param>
    /// <param name="day">The local date of its start.</param>
    /// <param name="context">The context (time zone, evaluation instant).</param>
    public void Count(Appointment a, DateOnly day, ScoringContext context)
    {
        var d = this;
        if (a.VisitOnly)
        {
            d.VisitOnly++;
            d.Exclusions.Add("visit-only", "only the visit is recorded, not an appointment, so a no-show or cancellation could not show", a.Start, a.Id);
            return;
        }
        switch (a.Outcome)
        {
            case AppointmentOutcome.Kept:
                d.Kept++;
                break;
            case AppointmentOutcome.NoShow:
                d.NoShows++;
                break;
            case AppointmentOutcome.Booked when a.Start > context.AsOf:
                d.Upcoming++;
                break;
            case AppointmentOutcome.Booked:
                d.Exclusions.Add("outcome-not-recorded", "the appointment's start has passed but no outcome was recorded", a.Start, a.Id);
                break;
            case AppointmentOutcome.Cancelled when a.CancelledBy is null:
                d.InitiatorUnknown++;
                d.Exclusions.Add("cancellation-initiator-unknown", "the cancellation does not say whether the patient or the practice cancelled", a.Start, a.Id);
                break;
            case AppointmentOutcome.Cancelled when a.CancelledBy == CancellationInitiator.Practice:
                d.PracticeCancellations++;
                break;
            case AppointmentOutcome.Cancelled when a.CancelledAt is null:
                d.UntimedPatientCancellations++;
                d.Exclusions.Add("cancellation-time-unknown", "the patient's cancellation has no time, so it cannot be placed before or on the day", a.Start, a.Id);
                break;
            case AppointmentOutcome.Cancelled when a.CancelledAt > a.Start:
                d.TimedPatientCancellations++;
                d.Exclusions.Add("cancelled-after-start", "the cancellation is recorded after the appointment's start", a.Start, a.Id);
                break;
            case AppointmentOutcome.Cancelled when context.LocalDate(a.CancelledAt!.Value) == day:
                d.TimedPatientCancellations++;
                d.SameDayCancellations++;
                break;
            default:
                d.TimedPatientCancellations++;
                d.EarlierCancellations++;
                break;
        }
    }
}

// A NoShowDenominator as plain data (docs/scale.md#the-serialized-partial).
internal sealed record NoShowDenominatorState(int Kept, int NoShows, int SameDayCancellations, int PracticeCancellations, int EarlierCancellations,
                                              int Upcoming, int VisitOnly, int TimedPatientCancellations, int UntimedPatientCancellations,
                                              int InitiatorUnknown, ImmutableArray<ExclusionCountState> Exclusions);
