using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Serialization;

namespace PatientCentric.Touchpoints;

/// <summary>Third next available appointment, keyed <c>tnaa</c>: the mean over the availability snapshots taken in the
/// period of each snapshot's TNAA in calendar days, with the median as a component; right-censored snapshots (fewer than
/// three bookable slots within 90 days) are excluded from the mean and counted (docs/touchpoints/access.md).</summary>
internal sealed class TnaaScorer : ITouchpointCombiner<TnaaScorer.Accumulator>, IPeriodRoutedCombiner
{
    public string Key => "tnaa";

    public TouchpointKind Kind => TouchpointKind.Access;

    public MeasureCategory Category => MeasureCategory.Operational;

    public ImmutableArray<ScoreCard> Score(PracticeDataSet data, ScoringContext context) =>
        Finish(Add(CreateAccumulator(context), data, context), context);

    public Accumulator CreateAccumulator(ScoringContext context) => new();

    /// <remarks>Availability snapshots are practice-level records: each goes to one shard; holidays are configuration that
    /// every shard carries whole.</remarks>
    public Accumulator Add(Accumulator accumulator, PracticeDataSet shard, ScoringContext context) =>
        PeriodRouting.Add(accumulator, shard, context, AddTo);

    public void AddByPeriod(object[] accumulators, PracticeDataSet shard, ScoringContext context, PeriodBuckets buckets) =>
        PeriodRouting.AddByPeriod<Accumulator>(accumulators, shard, context, buckets, AddTo);

    // Each snapshot taken in the period, to the accumulator of its local date's bucket.
    private static void AddTo(Accumulator[] accumulators, PracticeDataSet shard, ScoringContext context, PeriodBuckets? buckets)
    {
        var holidays = shard.Holidays.ToHashSet();
        foreach (var s in shard.AvailabilitySnapshots)
        {
            int b = PeriodRouting.Of(context.LocalDate(s.TakenAt), context, buckets);
            if (b < 0)
                continue;
            if (ThirdNextAvailableAppointment.Compute(s.Slots.AsSpan(), s.TakenAt, context.TimeZone, holidays: holidays) is { } days)
                accumulators[b].Values.Add(days);
            else
                accumulators[b].Censored++;
        }
    }

    public Accumulator Merge(Accumulator left, Accumulator right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        left.Values.Merge(right.Values);
        left.Censored += right.Censored;
        return left;
    }

    public ImmutableArray<ScoreCard> Finish(Accumulator accumulator, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        ArgumentNullException.ThrowIfNull(context);
        var values = accumulator.Values;
        var exclusions = new ExclusionTally();
        if (accumulator.Censored > 0)
            exclusions.Add("censored-beyond-horizon", "fewer than three bookable slots within 90 days (reported as over 90 days)", accumulator.Censored);
        if (values.Count == 0 && exclusions.Total == 0)
            return [];
        var card = DurationStatistics.Card("tnaa", context, values, ScoreScale.Days, "snapshots", exclusions, []);
        if (card.Status != ScoreStatus.Ok)
            return [card];
        double mean = values.MeanAscending();   // summed in ascending order, so the sum does not depend on shard order; docs/touchpoints/access.md: the period value is the mean of the snapshot values
        return [new ScoreCard(card.MeasureKey, card.Scope, mean, card.Scale, card.Status, card.EvidenceCount, card.ExcludedCount,
            card.Components.Insert(0, ScoreComponent.Describe("mean", mean, ScoreScale.Days, "Mean of the uncensored snapshots' TNAA: the period value.")))];
    }

    /// <summary>The partial result: every uncensored snapshot's TNAA in whole days (an exact multiset), and the censored count.</summary>
    internal sealed class Accumulator
    {
        public DurationValues Values { get; private set; } = new();

        public int Censored { get; set; }

        /// <summary>Returns the accumulator as plain data (docs/scale.md#the-serialized-partial).</summary>
        public TnaaState ToState() => new(Values.ToState(), Censored);

        /// <summary>Rebuilds an accumulator from <see cref="ToState"/>'s data, refusing what no accumulator holds (PC0123).</summary>
        /// <param name="state">The data.</param>
        /// <param name="path">The JSON path of <paramref name="state"/>, for errors.</param>
        public static Accumulator FromState(TnaaState state, string path)
        {
            PartialFormat.Need(state, path);
            var accumulator = new Accumulator
            {
                Censored = PartialFormat.Count(state.Censored, path + ".censored"),
                Values = DurationValues.FromState(state.Values, path + ".values"),
            };
            return accumulator;
        }
    }
}

// A TnaaScorer.Accumulator as plain data (docs/scale.md#the-serialized-partial): the TNAAs as [value, count] pairs.
internal sealed record TnaaState(ImmutableArray<ImmutableArray<double>> Values, int Censored);
