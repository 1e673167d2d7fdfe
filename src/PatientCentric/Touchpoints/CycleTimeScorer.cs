using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Serialization;

namespace PatientCentric.Touchpoints;

/// <summary>Office-visit cycle time: minutes from arrival (check-in) to departure (check-out); the card's value is the
/// median, with the 90th percentile as a component (docs/touchpoints/waiting-room.md; IHI office-visit cycle time).</summary>
/// <remarks>Counts kept appointments whose local start date is in the period. Missing arrival or departure → excluded;
/// departure before arrival, or a cycle over 12 hours, → invalid and excluded. All exclusions are counted. When the
/// period has visits but none records an arrival, or none records a departure, the card is NotApplicable with that
/// reason, not InsufficientData, which is kept for some valid visits but fewer than the minimum.</remarks>
internal sealed class CycleTimeScorer : ITouchpointCombiner<CycleTimeScorer.Accumulator>, IPeriodRoutedCombiner
{
    public const string MeasureKey = "cycle-time";

    /// <summary>The longest plausible cycle: 12 hours (docs/touchpoints/waiting-room.md).</summary>
    public static readonly TimeSpan MaximumCycle = TimeSpan.FromHours(12);

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
            var exclusions = accumulator.Exclusions;
            if (a.ArrivedAt is not null) accumulator.WithArrival++;
            if (a.DepartedAt is not null) accumulator.WithDeparture++;
            if (a.ArrivedAt is not { } arrived)
            {
                exclusions.Add("arrival-not-recorded", "the visit has no arrival time", a.Start, a.Id);
                continue;
            }
            if (a.DepartedAt is not { } departed)
            {
                exclusions.Add("departure-not-recorded", "the visit has no departure time", a.Start, a.Id);
                continue;
            }
            TimeSpan cycle = departed - arrived;
            if (cycle < TimeSpan.Zero)
            {
                exclusions.Add("departure-before-arrival", "departure is recorded before arrival", a.Start, a.Id);
                continue;
            }
            if (cycle > MaximumCycle)
            {
                exclusions.Add("cycle-over-12-hours", "the visit lasts more than 12 hours", a.Start, a.Id);
                continue;
            }
            accumulator.Values.Add(cycle.TotalMinutes);
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
        if (accumulator.WithArrival == 0)
            return [AbsentInputCard.Build(MeasureKey, context, ScoreScale.Minutes,
                "No visit in the period records an arrival (check-in) time, so the cycle time cannot be measured.", exclusions)];
        if (accumulator.WithDeparture == 0)
            return [AbsentInputCard.Build(MeasureKey, context, ScoreScale.Minutes,
                "No visit in the period records a departure (check-out) time, so the cycle time cannot be measured.", exclusions)];
        return [DurationStatistics.Card(MeasureKey, context, values, ScoreScale.Minutes, "visits", exclusions, [])];
    }

    /// <summary>The partial result: the valid cycle times in minutes (an exact multiset: they need not be whole minutes),
    /// the exclusions, and how many visits record an arrival and a departure.</summary>
    internal sealed class Accumulator : DurationAccumulator
    {
        public int WithArrival { get => First; set => First = value; }

        public int WithDeparture { get => Second; set => Second = value; }

        /// <summary>Returns the accumulator as plain data (docs/scale.md#the-serialized-partial).</summary>
        public CycleTimeState ToState()
        {
            var (values, exclusions) = CommonState();
            return new(values, exclusions, WithArrival, WithDeparture);
        }

        /// <summary>Rebuilds an accumulator from <see cref="ToState"/>'s data, refusing what no accumulator holds (PC0123).</summary>
        /// <param name="state">The data.</param>
        /// <param name="path">The JSON path of <paramref name="state"/>, for errors.</param>
        public static Accumulator FromState(CycleTimeState state, string path)
        {
            PartialFormat.Need(state, path);
            var accumulator = new Accumulator();
            accumulator.Load(state.Values, state.Exclusions, state.WithArrival, state.WithDeparture, path, "withArrival", "withDeparture");
            return accumulator;
        }
    }
}

// A CycleTimeScorer.Accumulator as plain data (docs/scale.md#the-serialized-partial): the durations as [value, count] pairs.
internal sealed record CycleTimeState(ImmutableArray<ImmutableArray<double>> Values, ImmutableArray<ExclusionCountState> Exclusions, int WithArrival, int WithDeparture);
