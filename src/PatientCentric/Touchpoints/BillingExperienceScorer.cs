using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Serialization;
using static PatientCentric.Scoring.InvariantText;

namespace PatientCentric.Touchpoints;

/// <summary>The patient's side of billing (docs/touchpoints/billing.md): <c>price-estimate-accuracy</c> = estimates within tolerance ÷
/// estimates with a final amount, where within means <c>|A − E| ≤ max(25, 0.10·E)</c> (E = 0 and A = 0 is within), with the
/// mean absolute error and the count of self-pay estimates exceeded by USD 400 or more (45 CFR 149.620's dispute
/// threshold) as components; <c>statement-to-payment-days</c> = the median days from statement to payment in full of
/// statements sent in the period (open statements listed, not counted); <c>billing-complaints-per-1000-statements</c>.</summary>
internal sealed class BillingExperienceScorer : ITouchpointCombiner<BillingExperienceScorer.Accumulator>, IPeriodRoutedCombiner
{
    private const decimal AbsoluteTolerance = 25m;
    private const decimal RelativeTolerance = 0.10m;
    private const decimal DisputeThreshold = 400m;

    public string Key => "billing-experience";

    public TouchpointKind Kind => TouchpointKind.Billing;

    public MeasureCategory Category => MeasureCategory.Operational;

    public ImmutableArray<ScoreCard> Score(PracticeDataSet data, ScoringContext context) =>
        Finish(Add(CreateAccumulator(context), data, context), context);

    public Accumulator CreateAccumulator(ScoringContext context) => new();

    public Accumulator Add(Accumulator accumulator, PracticeDataSet shard, ScoringContext context) =>
        PeriodRouting.Add(accumulator, shard, context, AddTo);

    public void AddByPeriod(object[] accumulators, PracticeDataSet shard, ScoringContext context, PeriodBuckets buckets) =>
        PeriodRouting.AddByPeriod<Accumulator>(accumulators, shard, context, buckets, AddTo);

    // Each estimate, statement and complaint dated in the period, to the accumulator of its date's bucket.
    private static void AddTo(Accumulator[] accumulators, PracticeDataSet shard, ScoringContext context, PeriodBuckets? buckets)
    {
        foreach (var e in shard.PriceEstimates)
        {
            int b = PeriodRouting.Of(e.EstimatedOn, context, buckets);
            if (b < 0)
                continue;
            var x = accumulators[b];
            x.Estimates++;
            if (e.EstimatedAmount < 0 || e.FinalAmount < 0)
            {
                x.NegativeAmounts++;
                continue;
            }
            if (e.FinalAmount is not { } a)
            {
                x.Pending++;
                continue;
            }
            x.Final++;
            decimal error = Math.Abs(a - e.EstimatedAmount);
            x.AbsoluteError += error;
            if (error <= Math.Max(AbsoluteTolerance, RelativeTolerance * e.EstimatedAmount)) x.Within++;
            if (e.IsSelfPay && a - e.EstimatedAmount >= DisputeThreshold) x.Disputes++;
        }
        foreach (var st in shard.Statements)
        {
            int b = PeriodRouting.Of(st.SentOn, context, buckets);
            if (b < 0)
                continue;
            var x = accumulators[b];
            x.Statements++;
            if (st.PaidOn is not { } paid) { x.OpenStatements++; continue; }
            if (paid < st.SentOn) { x.PaidBeforeSent++; continue; }
            x.PaymentDays.Add(paid.DayNumber - st.SentOn.DayNumber);
        }
        foreach (var c in shard.BillingComplaints)
        {
            if (PeriodRouting.Of(c.ReceivedOn, context, buckets) is var b and >= 0)
                accumulators[b].Complaints++;
        }
    }

    public Accumulator Merge(Accumulator left, Accumulator right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        left.Estimates += right.Estimates;
        left.NegativeAmounts += right.NegativeAmounts;
        left.Pending += right.Pending;
        left.Final += right.Final;
        left.Within += right.Within;
        left.Disputes += right.Disputes;
        left.AbsoluteError += right.AbsoluteError;
        left.Statements += right.Statements;
        left.OpenStatements += right.OpenStatements;
        left.PaidBeforeSent += right.PaidBeforeSent;
        left.PaymentDays.Merge(right.PaymentDays);
        left.Complaints += right.Complaints;
        return left;
    }

    public ImmutableArray<ScoreCard> Finish(Accumulator accumulator, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        ArgumentNullException.ThrowIfNull(context);
        var x = accumulator;
        var cards = ImmutableArray.CreateBuilder<ScoreCard>();
        if (x.Estimates > 0)
        {
            var exclusions = new ExclusionTally();
            if (x.NegativeAmounts > 0)
                exclusions.Add("negative-amount", "an estimated or final amount is negative", x.NegativeAmounts);
            var notes = new List<ScoreComponent>
            {
                ScoreComponent.Describe("pending", x.Pending, ScoreScale.Count, "Estimates not yet billed: not counted."),
                ScoreComponent.Describe("self-pay-over-400", x.Disputes, ScoreScale.Count, "Self-pay final bills USD 400 or more above the good-faith estimate (45 CFR 149.620)."),
            };
            if (x.Final > 0)
                notes.Add(ScoreComponent.Describe("mean-absolute-error", (double)(x.AbsoluteError / x.Final), ScoreScale.Count, "Mean absolute difference between final and estimate, in currency units."));
            cards.Add(RateCard.Build("price-estimate-accuracy", context, x.Within, x.Final, "Final amount within max(25, 10 % of the estimate) of the estimate.",
                "Estimates made in the period with a final amount.", exclusions, notes));
        }
        if (x.Statements > 0)
        {
            var exclusions = new ExclusionTally();
            if (x.PaidBeforeSent > 0)
                exclusions.Add("paid-before-sent", "the statement is paid before it was sent", x.PaidBeforeSent);
            cards.Add(DurationStatistics.Card("statement-to-payment-days", context, x.PaymentDays, ScoreScale.Days, "paid statements", exclusions,
                [ScoreComponent.Describe("open", x.OpenStatements, ScoreScale.Count, "Statements not yet paid in full: not counted.")]));
            int complaints = x.Complaints, statements = x.Statements;
            int minimum = context.Profile.MinimumEvidence.RateEvents;
            var components = ImmutableArray.Create(
                ScoreComponent.Describe("complaints", complaints, ScoreScale.Count, "Billing complaints received in the period."),
                ScoreComponent.Describe("statements", statements, ScoreScale.Count, "Statements sent in the period."));
            cards.Add(statements < minimum
                ? ScoreCard.WithoutValue("billing-complaints-per-1000-statements", context.Scope, ScoreScale.Count, ScoreStatus.InsufficientData,
                    Inv($"Fewer statements than the minimum of {minimum}."), statements, 0, components)
                : ScoreCard.Ok("billing-complaints-per-1000-statements", context.Scope, 1000.0 * complaints / statements, ScoreScale.Count, statements, 0, components));
        }
        return cards.ToImmutable();
    }

    /// <summary>The partial result: estimate and statement counts, the summed absolute error (decimal: exact in any
    /// order), every paid statement's whole days to payment (an exact multiset), and the complaints received in the period.</summary>
    internal sealed class Accumulator
    {
        public int Estimates { get; set; }

        public int NegativeAmounts { get; set; }

        public int Pending { get; set; }

        public int Final { get; set; }

        public int Within { get; set; }

        public int Disputes { get; set; }

        public decimal AbsoluteError { get; set; }

        public int Statements { get; set; }

        public int OpenStatements { get; set; }

        public int PaidBeforeSent { get; set; }

        public DurationValues PaymentDays { get; private set; } = new();

        public int Complaints { get; set; }

        /// <summary>Returns the accumulator as plain data (docs/scale.md#the-serialized-partial).</summary>
        public BillingExperienceState ToState() => new(Estimates, NegativeAmounts, Pending, Final, Within, Disputes, AbsoluteError, Statements, OpenStatements, PaidBeforeSent, PaymentDays.ToState(), Complaints);

        /// <summary>Rebuilds an accumulator from <see cref="ToState"/>'s data, refusing what no accumulator holds (PC0123).</summary>
        /// <param name="state">The data.</param>
        /// <param name="path">The JSON path of <paramref name="state"/>, for errors.</param>
        public static Accumulator FromState(BillingExperienceState state, string path)
        {
            PartialFormat.Need(state, path);
            var accumulator = new Accumulator
            {
                Estimates = PartialFormat.Count(state.Estimates, path + ".estimates"),
                NegativeAmounts = PartialFormat.Count(state.NegativeAmounts, path + ".negativeAmounts"),
                Pending = PartialFormat.Count(state.Pending, path + ".pending"),
                Final = PartialFormat.Count(state.Final, path + ".final"),
                Within = PartialFormat.Count(state.Within, path + ".within"),
                Disputes = PartialFormat.Count(state.Disputes, path + ".disputes"),
                AbsoluteError = state.AbsoluteError >= 0 ? state.AbsoluteError : throw PartialFormat.Field(path + ".absoluteError", "must be 0 or more."),
                Statements = PartialFormat.Count(state.Statements, path + ".statements"),
                OpenStatements = PartialFormat.Count(state.OpenStatements, path + ".openStatements"),
                PaidBeforeSent = PartialFormat.Count(state.PaidBeforeSent, path + ".paidBeforeSent"),
                Complaints = PartialFormat.Count(state.Complaints, path + ".complaints"),
                PaymentDays = DurationValues.FromState(state.PaymentDays, path + ".paymentDays"),
            };
            return accumulator;
        }
    }
}

// A BillingExperienceScorer.Accumulator as plain data (docs/scale.md#the-serialized-partial): the payment days as [value, count] pairs.
internal sealed record BillingExperienceState(int Estimates, int NegativeAmounts, int Pending, int Final, int Within, int Disputes, decimal AbsoluteError, int Statements, int OpenStatements, int PaidBeforeSent, ImmutableArray<ImmutableArray<double>> PaymentDays, int Complaints);
