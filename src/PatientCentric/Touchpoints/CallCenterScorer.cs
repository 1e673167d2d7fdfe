using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Serialization;
using static PatientCentric.Scoring.InvariantText;

namespace PatientCentric.Touchpoints;

/// <summary>Phone access (docs/touchpoints/communication.md, contact-centre conventions): <c>call-abandonment-rate</c> = calls abandoned after
/// at least s = 5 seconds ÷ (answered calls + those abandonments); <c>average-speed-of-answer</c> = mean seconds from
/// queue to answer over answered calls; <c>call-service-level</c> = answered within 30 seconds ÷ (answered + abandoned
/// after ≥ s). Short abandons (under s) leave every numerator and denominator. Calls entering the queue in the period count.
/// A call with neither an answer nor an abandonment time is excluded and counted; when no call in the period records
/// either, the three cards are NotApplicable with that reason, not InsufficientData.</summary>
internal sealed class CallCenterScorer : ITouchpointCombiner<CallCenterScorer.Accumulator>, IPeriodRoutedCombiner
{
    private static readonly TimeSpan ShortAbandon = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ServiceLevelTarget = TimeSpan.FromSeconds(30);

    public string Key => "calls";

    public TouchpointKind Kind => TouchpointKind.Communication;

    public MeasureCategory Category => MeasureCategory.Operational;

    public ImmutableArray<ScoreCard> Score(PracticeDataSet data, ScoringContext context) =>
        Finish(Add(CreateAccumulator(context), data, context), context);

    public Accumulator CreateAccumulator(ScoringContext context) => new();

    public Accumulator Add(Accumulator accumulator, PracticeDataSet shard, ScoringContext context) =>
        PeriodRouting.Add(accumulator, shard, context, AddTo);

    public void AddByPeriod(object[] accumulators, PracticeDataSet shard, ScoringContext context, PeriodBuckets buckets) =>
        PeriodRouting.AddByPeriod<Accumulator>(accumulators, shard, context, buckets, AddTo);

    // Each call queued in the period, to the accumulator of its local date's bucket.
    private static void AddTo(Accumulator[] accumulators, PracticeDataSet shard, ScoringContext context, PeriodBuckets? buckets)
    {
        foreach (var c in shard.Calls)
        {
            int b = PeriodRouting.Of(context.LocalDate(c.EnteredQueueAt), context, buckets);
            if (b < 0)
                continue;
            var accumulator = accumulators[b];
            var exclusions = accumulator.Exclusions;
            if (c.AnsweredAt is not null || c.AbandonedAt is not null)
                accumulator.WithOutcome++;
            if (c.AnsweredAt is { } answer)
            {
                if (answer < c.EnteredQueueAt || c.AbandonedAt is not null)
                {
                    exclusions.Add("call-times-inconsistent", "the call is answered before it queued, or both answered and abandoned", c.EnteredQueueAt, c.Id);
                    continue;
                }
                accumulator.Answered++;
                accumulator.WaitTicks += (answer - c.EnteredQueueAt).Ticks;
                if (answer - c.EnteredQueueAt <= ServiceLevelTarget) accumulator.WithinTarget++;
            }
            else if (c.AbandonedAt is { } gone)
            {
                if (gone < c.EnteredQueueAt)
                    exclusions.Add("call-times-inconsistent", "the call is abandoned before it queued", c.EnteredQueueAt, c.Id);
                else if (gone - c.EnteredQueueAt < ShortAbandon)
                    accumulator.ShortAbandons++;
                else
                    accumulator.Abandoned++;
            }
            else
            {
                exclusions.Add("call-outcome-not-recorded", "the call has neither an answer nor an abandonment time", c.EnteredQueueAt, c.Id);
            }
        }
    }

    public Accumulator Merge(Accumulator left, Accumulator right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        left.Answered += right.Answered;
        left.Abandoned += right.Abandoned;
        left.ShortAbandons += right.ShortAbandons;
        left.WithinTarget += right.WithinTarget;
        left.WithOutcome += right.WithOutcome;
        left.WaitTicks += right.WaitTicks;
        left.Exclusions.Merge(right.Exclusions);
        return left;
    }

    public ImmutableArray<ScoreCard> Finish(Accumulator accumulator, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        ArgumentNullException.ThrowIfNull(context);
        int answered = accumulator.Answered, abandoned = accumulator.Abandoned, shortAbandons = accumulator.ShortAbandons,
            withinTarget = accumulator.WithinTarget, withOutcome = accumulator.WithOutcome;
        double waitSeconds = TimeSpan.FromTicks(accumulator.WaitTicks).TotalSeconds;   // an exact sum of ticks: no shard order in the rounding
        var exclusions = accumulator.Exclusions.ToTally();
        if (answered + abandoned + shortAbandons + exclusions.Total == 0)
            return [];
        if (withOutcome == 0)
        {
            const string Reason = "No call in the period records an answer or abandonment time, so phone access cannot be measured.";
            return
            [
                AbsentInputCard.Build("call-abandonment-rate", context, ScoreScale.Proportion, Reason, exclusions),
                AbsentInputCard.Build("average-speed-of-answer", context, ScoreScale.Seconds, Reason, exclusions),
                AbsentInputCard.Build("call-service-level", context, ScoreScale.Proportion, Reason, exclusions),
            ];
        }
        var shortNote = ScoreComponent.Describe("short-abandons-not-counted", shortAbandons, ScoreScale.Count, "Calls abandoned within 5 seconds leave every rate.");
        var asaComponents = ImmutableArray.Create(ScoreComponent.Describe("answered", answered, ScoreScale.Count, "Answered calls."));
        int minimum = context.Profile.MinimumEvidence.RateEvents;
        var asa = answered == 0 || answered < minimum
            ? ScoreCard.WithoutValue("average-speed-of-answer", context.Scope, ScoreScale.Seconds, ScoreStatus.InsufficientData,
                Inv($"Fewer answered calls than the minimum of {minimum}."), answered, exclusions.Total, asaComponents.AddRange(exclusions.ToComponents()))
            : ScoreCard.Ok("average-speed-of-answer", context.Scope, waitSeconds / answered, ScoreScale.Seconds, answered, exclusions.Total, asaComponents.AddRange(exclusions.ToComponents()));
        return
        [
            RateCard.Build("call-abandonment-rate", context, abandoned, answered + abandoned, "Calls abandoned after 5 seconds or more in the queue.",
                "Answered calls plus calls abandoned after 5 seconds or more.", exclusions, [shortNote]),
            asa,
            RateCard.Build("call-service-level", context, withinTarget, answered + abandoned, "Calls answered within 30 seconds.",
                "Answered calls plus calls abandoned after 5 seconds or more.", exclusions, [shortNote]),
        ];
    }

    /// <summary>The partial result: counts, the answered calls' summed wait in ticks (an integer, so the sum is exact in
    /// any order), and the exclusions.</summary>
    internal sealed class Accumulator
    {
        public int Answered { get; set; }

        public int Abandoned { get; set; }

        public int ShortAbandons { get; set; }

        public int WithinTarget { get; set; }

        public int WithOutcome { get; set; }

        public long WaitTicks { get; set; }

        public ExclusionCounts Exclusions { get; } = new();

        /// <summary>Returns the accumulator as plain data (docs/scale.md#the-serialized-partial).</summary>
        public CallCenterState ToState() => new(Answered, Abandoned, ShortAbandons, WithinTarget, WithOutcome, WaitTicks, Exclusions.ToState());

        /// <summary>Rebuilds an accumulator from <see cref="ToState"/>'s data, refusing negative counts and numbers that are not finite.</summary>
        /// <param name="state">The data.</param>
        /// <param name="path">The JSON path of <paramref name="state"/>, for errors.</param>
        public static Accumulator FromState(CallCenterState state, string path)
        {
            PartialFormat.Need(state, path);
            var accumulator = new Accumulator
            {
                Answered = PartialFormat.Count(state.Answered, path + ".answered"),
                Abandoned = PartialFormat.Count(state.Abandoned, path + ".abandoned"),
                ShortAbandons = PartialFormat.Count(state.ShortAbandons, path + ".shortAbandons"),
                WithinTarget = PartialFormat.Count(state.WithinTarget, path + ".withinTarget"),
                WithOutcome = PartialFormat.Count(state.WithOutcome, path + ".withOutcome"),
                WaitTicks = PartialFormat.Count(state.WaitTicks, path + ".waitTicks"),
            };
            accumulator.Exclusions.Merge(ExclusionCounts.FromState(state.Exclusions, path + ".exclusions"));
            return accumulator;
        }
    }
}

// A CallCenterScorer.Accumulator as plain data (docs/scale.md#the-serialized-partial).
internal sealed record CallCenterState(int Answered, int Abandoned, int ShortAbandons, int WithinTarget, int WithOutcome, long WaitTicks, ImmutableArray<ExclusionCountState> Exclusions);
