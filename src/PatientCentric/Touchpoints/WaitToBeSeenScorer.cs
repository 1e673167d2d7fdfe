using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Serialization;

namespace PatientCentric.Touchpoints;

/// <summary>Wait to be seen: minutes from <c>max(arrival, scheduled start)</c> to first clinician contact, negative
/// values set to 0; the card's value is the median, with the 90th percentile as a component (docs/touchpoints/waiting-room.md).</summary>
/// <remarks>Convention: early arrivals are not counted as waiting. Counts kept appointments whose local start date is in
/// the period. A visit without an arrival or first-contact time is excluded and counted; first contact before arrival is invalid.
/// When the period has visits but none records a first clinician contact (FHIR: the reader does not map
/// <c>Encounter.statusHistory</c>), or none records an arrival, the card is NotApplicable with that reason, not
/// InsufficientData, which is kept for some valid visits but fewer than the minimum.</remarks>
internal sealed class WaitToBeSeenScorer : ITouchpointCombiner<WaitToBeSeenScorer.Accumulator>, IPeriodRoutedCombiner
{
    public const string MeasureKey = "wait-to-be-seen";

    /// <summary>The reason a waiting-room measure is NotApplicable when no visit records a first clinician contact.</summary>
    /// <param name="measure">The measure, as it follows "so", such as "the wait to be seen".</param>
    public static string NoFirstContactReason(string measure) =>
        $"No visit in the period records a first clinician contact time (FHIR: the in-progress start in Encounter.statusHistory), so {measure} cannot be measured.";

    public string Key => MeasureKey;

    public TouchpointKind Kind => TouchpointKind.WaitingRoom;

    public MeasureCategory Category => MeasureCategory.Operational;

    public ImmutableArray<ScoreCard> Score(PracticeDataSet data, ScoringContext context) =>
        Finish(Add(CreateAccumulator(context), data, context), context);

    public Accumulator CreateAccumulator(ScoringContext context) => new();

    public Accumulator Add(Accumulator accumulator, PracticeDataSet shard, ScoringContext context) =>
        PeriodRouting.Add(accumulator, shard, context, AddTo);

    public void AddByPeriod(object[] accumulators, PracticeDataSet shard, ScoringContext context, PeriodBuckets buckets) =>
        PeriodRouting.AddByPeriod<Accumulator>(accumulators, shard, context, buckets, AddTo);

    // Each visit starting in the period, to the accumulator of its start's bucket.
    private static void AddTo(Accumulator[] accumulators, PracticeDataSet shard, ScoringContext context, PeriodBuckets? buckets)
    {
        foreach (var a in shard.Appointments)
        {
            int b = PeriodRouting.OfVisit(a, context, buckets);
            if (b < 0)
                continue;
            var accumulator = accumulators[b];
            if (a.ArrivedAt is not null) accumulator.WithArrival++;
            if (a.SeenAt is not null) accumulator.WithContact++;
            if (a.ArrivedAt is not { } arrived || a.SeenAt is not { } seen)
            {
                accumulator.Exclusions.Add("times-not-recorded", "the visit has no arrival or no first-contact time", a.Start, a.Id);
                continue;
            }
            if (seen < arrived)
            {
                accumulator.Exclusions.Add("seen-before-arrival", "first clinician contact is recorded before arrival", a.Start, a.Id);
                continue;
            }
            DateTimeOffset from = arrived > a.Start ? arrived : a.Start;
            accumulator.Values.Add(Math.Max(0.0, (seen - from).TotalMinutes));
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
        if (values.Count == 0 && exclusions.Total == 0)
            return [];
        if (accumulator.WithContact == 0)
            return [AbsentInputCard.Build(MeasureKey, context, ScoreScale.Minutes, NoFirstContactReason("the wait to be seen"), exclusions)];
        if (accumulator.WithArrival == 0)
            return [AbsentInputCard.Build(MeasureKey, context, ScoreScale.Minutes,
                "No visit in the period records an arrival (check-in) time, so the wait to be seen cannot be measured.", exclusions)];
        return [DurationStatistics.Card(MeasureKey, context, values, ScoreScale.Minutes, "visits", exclusions, [])];
    }

    /// <summary>The partial result: the valid waits in minutes (an exact multiset: they need not be whole minutes, and the
    /// median stays exact), the exclusions, and how many visits record an arrival and a first contact.</summary>
    internal sealed class Accumulator : DurationAccumulator
    {
        public int WithArrival { get => First; set => First = value; }

        public int WithContact { get => Second; set => Second = value; }

        /// <summary>Returns the accumulator as plain data (docs/scale.md#the-serialized-partial).</summary>
        public WaitToBeSeenState ToState()
        {
            var (values, exclusions) = CommonState();
            return new(values, exclusions, WithArrival, WithContact);
        }

        /// <summary>Rebuilds an accumulator from <see cref="ToState"/>'s data, refusing what no accumulator holds (PC0123).</summary>
        /// <param name="state">The data.</param>
        /// <param name="path">The JSON path of <paramref name="state"/>, for errors.</param>
        public static Accumulator FromState(WaitToBeSeenState state, string path)
        {
            PartialFormat.Need(state, path);
            var accumulator = new Accumulator();
            accumulator.Load(state.Values, state.Exclusions, state.WithArrival, state.WithContact, path, "withArrival", "withContact");
            return accumulator;
        }
    }
}

// A WaitToBeSeenScorer.Accumulator as plain data (docs/scale.md#the-serialized-partial): the durations as [value, count] pairs.
internal sealed record WaitToBeSeenState(ImmutableArray<ImmutableArray<double>> Values, ImmutableArray<ExclusionCountState> Exclusions, int WithArrival, int WithContact);
