using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Serialization;
using static PatientCentric.Scoring.InvariantText;

namespace PatientCentric.Touchpoints;

/// <summary>Portal-message first response, keyed <c>portal-response</c>: the median business hours to the first staff
/// reply over threads sent in the period, with the 90th percentile, the share answered within 2 business days, and the
/// open threads (docs/touchpoints/communication.md). The calendar is the data set's opening hours and holidays (default Mon–Fri 08:00–17:00).</summary>
internal sealed class PortalResponseScorer : ITouchpointCombiner<PortalResponseScorer.Accumulator>, IPeriodRoutedCombiner
{
    public const string MeasureKey = "portal-response";

    public string Key => MeasureKey;

    public TouchpointKind Kind => TouchpointKind.Communication;

    public MeasureCategory Category => MeasureCategory.Operational;

    public ImmutableArray<ScoreCard> Score(PracticeDataSet data, ScoringContext context) =>
        Finish(Add(CreateAccumulator(context), data, context), context);

    public Accumulator CreateAccumulator(ScoringContext context) => new();

    /// <remarks>The calendar (opening hours, holidays) is practice-level configuration that every shard carries whole.</remarks>
    public Accumulator Add(Accumulator accumulator, PracticeDataSet shard, ScoringContext context) =>
        PeriodRouting.Add(accumulator, shard, context, AddTo);

    public void AddByPeriod(object[] accumulators, PracticeDataSet shard, ScoringContext context, PeriodBuckets buckets) =>
        PeriodRouting.AddByPeriod<Accumulator>(accumulators, shard, context, buckets, AddTo);

    // Each thread sent in the period, to the accumulator of its local date's bucket.
    private static void AddTo(Accumulator[] accumulators, PracticeDataSet shard, ScoringContext context, PeriodBuckets? buckets)
    {
        var threads = new List<PortalThread>?[accumulators.Length];
        foreach (var t in shard.PortalThreads)
        {
            if (PeriodRouting.Of(context.LocalDate(t.SentAt), context, buckets) is var b and >= 0)
                (threads[b] ??= []).Add(t);
        }
        BusinessCalendar? calendar = null;
        for (int b = 0; b < accumulators.Length; b++)
        {
            if (threads[b] is not { } inBucket)
                continue;
            calendar ??= shard.OpeningHours.IsEmpty
                ? BusinessCalendar.WeekdaysEightToFive(context.TimeZone, shard.Holidays)
                : new BusinessCalendar(context.TimeZone, shard.OpeningHours, shard.Holidays);
            var accumulator = accumulators[b];
            var r = PortalResponse.Measure(inBucket, calendar, context.AsOf);
            accumulator.Threads += inBucket.Count;
            foreach (double h in r.BusinessHours)
                accumulator.BusinessHours.Add(h);
            accumulator.Open += r.Open;
            accumulator.WithinTarget += r.WithinTarget;
            accumulator.Breaches += r.Breaches;
            accumulator.Invalid += r.Invalid;
            accumulator.HoursPerBusinessDay = SameCalendar(accumulator.HoursPerBusinessDay, calendar.HoursPerBusinessDay);
        }
    }

    public Accumulator Merge(Accumulator left, Accumulator right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        left.Threads += right.Threads;
        left.BusinessHours.Merge(right.BusinessHours);
        left.Open += right.Open;
        left.WithinTarget += right.WithinTarget;
        left.Breaches += right.Breaches;
        left.Invalid += right.Invalid;
        left.HoursPerBusinessDay = SameCalendar(left.HoursPerBusinessDay, right.HoursPerBusinessDay);
        return left;
    }

    public ImmutableArray<ScoreCard> Finish(Accumulator accumulator, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        ArgumentNullException.ThrowIfNull(context);
        if (accumulator.Threads == 0)
            return [];
        var r = new PortalResponseResult([], accumulator.Open, accumulator.WithinTarget, accumulator.Breaches, accumulator.Invalid);
        var exclusions = new ExclusionTally();
        if (r.Invalid > 0)
            exclusions.Add("reply-before-message", "the first reply is recorded before the patient's message", r.Invalid);
        var notes = new List<ScoreComponent>
        {
            ScoreComponent.Describe("open", r.Open, ScoreScale.Count, "Threads still unanswered: left out of the median."),
            ScoreComponent.Describe("breaches", r.Breaches, ScoreScale.Count, Inv($"Answered after, or unanswered for longer than, {PortalResponse.DefaultTargetBusinessDays:0.#} business days.")),
        };
        if (r.WithinTargetRate is { } rate)
            notes.Add(ScoreComponent.Describe("within-target", rate, ScoreScale.Proportion, Inv($"Share answered within {PortalResponse.DefaultTargetBusinessDays:0.#} business days ({accumulator.HoursPerBusinessDay:0.#} open hours each).")));
        return [DurationStatistics.Card(MeasureKey, context, accumulator.BusinessHours, ScoreScale.Hours, "answered threads", exclusions, notes)];
    }

    // Shards carry the practice's calendar whole, so their open hours per business day agree.
    private static double? SameCalendar(double? a, double? b) =>
        a is null || b is null || a == b ? a ?? b
        : throw new InvalidOperationException("The shards were scored with different business calendars (opening hours or holidays); every shard must carry the practice's own.");

    /// <summary>The partial result: the threads sent in the period, every answered thread's business hours (an exact
    /// multiset: they are not whole hours, and the median stays exact), the counts, and the calendar's open hours per business day.</summary>
    internal sealed class Accumulator
    {
        public int Threads { get; set; }

        public DurationValues BusinessHours { get; private set; } = new();

        public int Open { get; set; }

        public int WithinTarget { get; set; }

        public int Breaches { get; set; }

        public int Invalid { get; set; }

        public double? HoursPerBusinessDay { get; set; }

        /// <summary>Returns the accumulator as plain data (docs/scale.md#the-serialized-partial).</summary>
        public PortalResponseState ToState() => new(Threads, BusinessHours.ToState(), Open, WithinTarget, Breaches, Invalid, HoursPerBusinessDay);

        /// <summary>Rebuilds an accumulator from <see cref="ToState"/>'s data, refusing what no accumulator holds (PC0123).</summary>
        /// <param name="state">The data.</param>
        /// <param name="path">The JSON path of <paramref name="state"/>, for errors.</param>
        public static Accumulator FromState(PortalResponseState state, string path)
        {
            PartialFormat.Need(state, path);
            var accumulator = new Accumulator
            {
                Threads = PartialFormat.Count(state.Threads, path + ".threads"),
                Open = PartialFormat.Count(state.Open, path + ".open"),
                WithinTarget = PartialFormat.Count(state.WithinTarget, path + ".withinTarget"),
                Breaches = PartialFormat.Count(state.Breaches, path + ".breaches"),
                Invalid = PartialFormat.Count(state.Invalid, path + ".invalid"),
                HoursPerBusinessDay = state.HoursPerBusinessDay is { } v ? PartialFormat.Finite(v, path + ".hoursPerBusinessDay") : null,
                BusinessHours = DurationValues.FromState(state.BusinessHours, path + ".businessHours"),
            };
            return accumulator;
        }
    }
}

// A PortalResponseScorer.Accumulator as plain data (docs/scale.md#the-serialized-partial): the business hours as [value, count] pairs.
internal sealed record PortalResponseState(int Threads, ImmutableArray<ImmutableArray<double>> BusinessHours, int Open, int WithinTarget, int Breaches, int Invalid, double? HoursPerBusinessDay);
