using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Serialization;

namespace PatientCentric.Touchpoints;

/// <summary>Appointment lead time: per appointment, <c>days(booking instant, appointment start)</c> in local calendar
/// days; the card's value is the median, with the 90th percentile as a component (docs/touchpoints/access.md).</summary>
/// <remarks>Counts appointments whose local start date is in the period and that were not cancelled (a cancelled
/// appointment's lead time was never experienced, and a rebooking would count twice). A start before the booking is
/// invalid and excluded; so is one whose booking instant is unknown (<see cref="Appointment.BookingUnknown"/>), and when no
/// appointment has a known booking instant the card is NotApplicable rather than a made-up 0. Walk-ins (booked and started
/// the same day) give 0.</remarks>
internal sealed class LeadTimeScorer : ITouchpointCombiner<LeadTimeScorer.Accumulator>, IPeriodRoutedCombiner
{
    public const string MeasureKey = "lead-time";

    public string Key => MeasureKey;

    public TouchpointKind Kind => TouchpointKind.Access;

    public MeasureCategory Category => MeasureCategory.Operational;

    public ImmutableArray<ScoreCard> Score(PracticeDataSet data, ScoringContext context) =>
        Finish(Add(CreateAccumulator(context), data, context), context);

    public Accumulator CreateAccumulator(ScoringContext context) => new();

    public Accumulator Add(Accumulator accumulator, PracticeDataSet shard, ScoringContext context) =>
        PeriodRouting.Add(accumulator, shard, context, AddTo);

    public void AddByPeriod(object[] accumulators, PracticeDataSet shard, ScoringContext context, PeriodBuckets buckets) =>
        PeriodRouting.AddByPeriod<Accumulator>(accumulators, shard, context, buckets, AddTo);

    // Each appointment starting in the period, to the accumulator of its start's bucket.
    private static void AddTo(Accumulator[] accumulators, PracticeDataSet shard, ScoringContext context, PeriodBuckets? buckets)
    {
        foreach (var a in shard.Appointments)
        {
            int b = PeriodRouting.Of(context.LocalDate(a.Start), context, buckets);
            if (b < 0)
                continue;
            var accumulator = accumulators[b];
            if (a.Outcome == AppointmentOutcome.Cancelled)
            {
                accumulator.Cancelled++;
                continue;
            }
            if (a.BookingUnknown)
            {
                accumulator.Unknown++;
                accumulator.Exclusions.Add("booking-time-unknown", "the booking instant is not recorded", a.Start, a.Id);
                continue;
            }
            int days = context.DaysBetween(a.BookedAt, a.Start);
            if (days < 0)
            {
                accumulator.Exclusions.Add("start-before-booking", "the appointment starts before it was booked", a.Start, a.Id);
                continue;
            }
            accumulator.Values.Add(days);
        }
    }

    public Accumulator Merge(Accumulator left, Accumulator right)
    {
        ArgumentNullException.ThrowIfNull(left);
        left.MergeFrom(right);
        return left;
    }

    public ImmutableArray<ScoreCard> Finish(Accumulator accumulator, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        var values = accumulator.Values;
        var exclusions = accumulator.Exclusions.ToTally();
        int cancelled = accumulator.Cancelled, unknown = accumulator.Unknown;
        if (values.Count == 0 && exclusions.Total == 0 && cancelled == 0)
            return [];
        if (values.Count == 0 && unknown > 0 && unknown == exclusions.Total)
            return [ScoreCard.WithoutValue(MeasureKey, context.Scope, ScoreScale.Days, ScoreStatus.NotApplicable,
                "No appointment in the period has a recorded booking instant (FHIR Appointment.created), so lead time cannot be measured.",
                0, unknown, [.. exclusions.ToComponents()])];
        ScoreComponent[] notes = cancelled == 0 ? [] :
            [ScoreComponent.Describe("cancelled-not-counted", cancelled, ScoreScale.Count, "Cancelled appointments in the period are not counted: their lead time was never experienced.")];
        return [DurationStatistics.Card(MeasureKey, context, values, ScoreScale.Days, "appointments", exclusions, notes)];
    }

    /// <summary>The partial result: the valid lead times in days (an exact multiset, so the median stays exact), the
    /// exclusions, and the cancelled and unknown-booking counts.</summary>
    internal sealed class Accumulator : DurationAccumulator
    {
        public int Cancelled { get => First; set => First = value; }

        public int Unknown { get => Second; set => Second = value; }

        /// <summary>Returns the accumulator as plain data (docs/scale.md#the-serialized-partial).</summary>
        public LeadTimeState ToState()
        {
            var (values, exclusions) = CommonState();
            return new(values, exclusions, Cancelled, Unknown);
        }

        /// <summary>Rebuilds an accumulator from <see cref="ToState"/>'s data, refusing what no accumulator holds (PC0123).</summary>
        /// <param name="state">The data.</param>
        /// <param name="path">The JSON path of <paramref name="state"/>, for errors.</param>
        public static Accumulator FromState(LeadTimeState state, string path)
        {
            PartialFormat.Need(state, path);
            var accumulator = new Accumulator();
            accumulator.Load(state.Values, state.Exclusions, state.Cancelled, state.Unknown, path, "cancelled", "unknown");
            return accumulator;
        }
    }
}

// A LeadTimeScorer.Accumulator as plain data (docs/scale.md#the-serialized-partial): the durations as [value, count] pairs.
internal sealed record LeadTimeState(ImmutableArray<ImmutableArray<double>> Values, ImmutableArray<ExclusionCountState> Exclusions, int Cancelled, int Unknown);
