using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Serialization;

namespace PatientCentric.Touchpoints;

/// <summary>On-time start rate, keyed <c>on-time-start-rate</c>: visits whose first clinician contact came within τ = 10
/// minutes of the scheduled start ÷ visits with both times (docs/touchpoints/waiting-room.md). Patients who arrived more than τ after the
/// scheduled start are left out (they made the visit late); visits without a first-contact time are excluded and
/// counted. When the period has visits but none records a first clinician contact, the card is NotApplicable with that
/// reason, not InsufficientData, which is kept for some counted visits but fewer than the minimum.</summary>
internal sealed class OnTimeStartScorer : ITouchpointCombiner<OnTimeStartScorer.Accumulator>, IPeriodRoutedCombiner
{
    /// <summary>τ, the tolerance: 10 minutes (a library default with no published source; docs/touchpoints/waiting-room.md).</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(10);

    public string Key => "on-time-start-rate";

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
            if (a.SeenAt is not { } seen)
            {
                accumulator.Exclusions.Add("first-contact-not-recorded", "the visit has no first-contact time", a.Start, a.Id);
                continue;
            }
            accumulator.WithContact++;
            if (a.ArrivedAt is { } arrived && arrived > a.Start + Tolerance)
            {
                accumulator.LateArrivals++;
                continue;
            }
            accumulator.Counted++;
            if (seen <= a.Start + Tolerance) accumulator.OnTime++;
        }
    }

    public Accumulator Merge(Accumulator left, Accumulator right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        left.Exclusions.Merge(right.Exclusions);
        left.OnTime += right.OnTime;
        left.Counted += right.Counted;
        left.LateArrivals += right.LateArrivals;
        left.WithContact += right.WithContact;
        return left;
    }

    public ImmutableArray<ScoreCard> Finish(Accumulator accumulator, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        ArgumentNullException.ThrowIfNull(context);
        var exclusions = accumulator.Exclusions.ToTally();
        int onTime = accumulator.OnTime, counted = accumulator.Counted, lateArrivals = accumulator.LateArrivals;
        if (counted == 0 && exclusions.Total == 0 && lateArrivals == 0)
            return [];
        if (accumulator.WithContact == 0)
            return [AbsentInputCard.Build(Key, context, ScoreScale.Proportion, WaitToBeSeenScorer.NoFirstContactReason("the on-time start rate"), exclusions)];
        return [RateCard.Build(Key, context, onTime, counted, "Seen within 10 minutes of the scheduled start.", "Visits with a scheduled start and a first-contact time.",
            exclusions, [ScoreComponent.Describe("late-arrivals-not-counted", lateArrivals, ScoreScale.Count, "Patients who arrived more than 10 minutes late are left out.")])];
    }

    /// <summary>The partial result: counts only.</summary>
    internal sealed class Accumulator
    {
        public ExclusionCounts Exclusions { get; } = new();

        public int OnTime { get; set; }

        public int Counted { get; set; }

        public int LateArrivals { get; set; }

        public int WithContact { get; set; }

        /// <summary>Returns the accumulator as plain data (docs/scale.md#the-serialized-partial).</summary>
        public OnTimeStartState ToState() => new(Exclusions.ToState(), OnTime, Counted, LateArrivals, WithContact);

        /// <summary>Rebuilds an accumulator from <see cref="ToState"/>'s data, refusing negative counts and numbers that are not finite.</summary>
        /// <param name="state">The data.</param>
        /// <param name="path">The JSON path of <paramref name="state"/>, for errors.</param>
        public static Accumulator FromState(OnTimeStartState state, string path)
        {
            PartialFormat.Need(state, path);
            var accumulator = new Accumulator
            {
                OnTime = PartialFormat.Count(state.OnTime, path + ".onTime"),
                Counted = PartialFormat.Count(state.Counted, path + ".counted"),
                LateArrivals = PartialFormat.Count(state.LateArrivals, path + ".lateArrivals"),
                WithContact = PartialFormat.Count(state.WithContact, path + ".withContact"),
            };
            accumulator.Exclusions.Merge(ExclusionCounts.FromState(state.Exclusions, path + ".exclusions"));
            return accumulator;
        }
    }
}

// A OnTimeStartScorer.Accumulator as plain data (docs/scale.md#the-serialized-partial).
internal sealed record OnTimeStartState(ImmutableArray<ExclusionCountState> Exclusions, int OnTime, int Counted, int LateArrivals, int WithContact);
