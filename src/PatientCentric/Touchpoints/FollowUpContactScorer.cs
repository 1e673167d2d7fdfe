using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Serialization;

namespace PatientCentric.Touchpoints;

/// <summary>Post-visit contact within N days, keyed <c>post-visit-contact-rate</c> (docs/touchpoints/follow-up.md): kept visits in the
/// period with a completed two-way contact c with <c>end &lt; c ≤ end + N days</c> ÷ kept visits whose window has closed by
/// the evaluation instant (end = departure, or the scheduled start when no departure is recorded). N = 7 calendar days
/// for office visits (a library default; no published window fits office visits). Failed attempts do not count; windows still open
/// are not counted.</summary>
internal sealed class FollowUpContactScorer : ITouchpointCombiner<FollowUpContactScorer.Accumulator>, IPeriodRoutedCombiner
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    public string Key => "post-visit-contact-rate";

    public TouchpointKind Kind => TouchpointKind.FollowUp;

    public MeasureCategory Category => MeasureCategory.Operational;

    public ImmutableArray<ScoreCard> Score(PracticeDataSet data, ScoringContext context) =>
        Finish(Add(CreateAccumulator(context), data, context), context);

    public Accumulator CreateAccumulator(ScoringContext context) => new();

    /// <remarks>A visit is matched with its patient's contacts in the same shard: shards split by patient.</remarks>
    public Accumulator Add(Accumulator accumulator, PracticeDataSet shard, ScoringContext context) =>
        PeriodRouting.Add(accumulator, shard, context, AddTo);

    /// <remarks>Each bucket's accumulator knows whether the scope records outreach at all, as one scored over that
    /// bucket's period alone does; a visit's contacts are looked up among all the scope's contacts, whatever their date,
    /// as there.</remarks>
    public void AddByPeriod(object[] accumulators, PracticeDataSet shard, ScoringContext context, PeriodBuckets buckets) =>
        PeriodRouting.AddByPeriod<Accumulator>(accumulators, shard, context, buckets, AddTo);

    // Each visit starting in the period, to the accumulator of its start's bucket.
    private static void AddTo(Accumulator[] accumulators, PracticeDataSet shard, ScoringContext context, PeriodBuckets? buckets)
    {
        foreach (var accumulator in accumulators)
            accumulator.HasContacts |= !shard.OutreachContacts.IsEmpty;
        var contacts = new Dictionary<string, List<OutreachContact>>(StringComparer.Ordinal);
        foreach (var c in shard.OutreachContacts)
        {
            if (!c.IsCompletedTwoWay)
                continue;
            if (!contacts.TryGetValue(c.PatientKey, out var own))
                contacts[c.PatientKey] = own = [];
            own.Add(c);
        }
        foreach (var v in shard.Appointments)
        {
            int b = PeriodRouting.OfVisit(v, context, buckets);
            if (b < 0)
                continue;
            var accumulator = accumulators[b];
            var end = v.DepartedAt ?? v.Start;
            var windowEnd = CalendarMath.Add(end, Window);   // saturates at the end of time instead of throwing
            if (windowEnd > context.AsOf)
            {
                accumulator.Open++;
                continue;
            }
            accumulator.Closed++;
            if (contacts.TryGetValue(v.PatientKey, out var own) && AnyWithin(own, end, windowEnd)) accumulator.Reached++;
        }
    }

    // Whether a contact falls after the visit's end and on or before the window's end (a loop: no closure per visit).
    private static bool AnyWithin(List<OutreachContact> contacts, DateTimeOffset end, DateTimeOffset windowEnd)
    {
        foreach (var c in contacts)
        {
            if (c.At > end && c.At <= windowEnd)
                return true;
        }
        return false;
    }

    public Accumulator Merge(Accumulator left, Accumulator right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        left.HasContacts |= right.HasContacts;
        left.Reached += right.Reached;
        left.Closed += right.Closed;
        left.Open += right.Open;
        return left;
    }

    public ImmutableArray<ScoreCard> Finish(Accumulator accumulator, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        ArgumentNullException.ThrowIfNull(context);
        if (!accumulator.HasContacts)
            return [];
        return [RateCard.Build(Key, context, accumulator.Reached, accumulator.Closed, "Visits followed by a completed two-way contact within 7 days.",
            "Kept visits whose 7-day window has closed.", null,
            [ScoreComponent.Describe("window-open", accumulator.Open, ScoreScale.Count, "Visits whose window is still open: not counted.")])];
    }

    /// <summary>The partial result: whether any shard records outreach at all, and the visit counts.</summary>
    internal sealed class Accumulator
    {
        public bool HasContacts { get; set; }

        public int Reached { get; set; }

        public int Closed { get; set; }

        public int Open { get; set; }

        /// <summary>Returns the accumulator as plain data (docs/scale.md#the-serialized-partial).</summary>
        public FollowUpContactState ToState() => new(HasContacts, Reached, Closed, Open);

        /// <summary>Rebuilds an accumulator from <see cref="ToState"/>'s data, refusing negative counts and numbers that are not finite.</summary>
        /// <param name="state">The data.</param>
        /// <param name="path">The JSON path of <paramref name="state"/>, for errors.</param>
        public static Accumulator FromState(FollowUpContactState state, string path)
        {
            PartialFormat.Need(state, path);
            var accumulator = new Accumulator
            {
                HasContacts = state.HasContacts,
                Reached = PartialFormat.Count(state.Reached, path + ".reached"),
                Closed = PartialFormat.Count(state.Closed, path + ".closed"),
                Open = PartialFormat.Count(state.Open, path + ".open"),
            };

            return accumulator;
        }
    }
}

// A FollowUpContactScorer.Accumulator as plain data (docs/scale.md#the-serialized-partial).
internal sealed record FollowUpContactState(bool HasContacts, int Reached, int Closed, int Open);
