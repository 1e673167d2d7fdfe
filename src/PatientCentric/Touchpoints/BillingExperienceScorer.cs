using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;
using static PatientCentric.Scoring.InvariantText;

namespace PatientCentric.Touchpoints;

/// <summary>The patient's side of billing (docs/touchpoints/billing.md): <c>price-estimate-accuracy</c> = estimates within tolerance ÷
/// estimates with a final amount, where within means <c>|A − E| ≤ max(25, 0.10·E)</c> (E = 0 and A = 0 is within), with the
/// mean absolute error and the count of self-pay estimates exceeded by USD 400 or more (45 CFR 149.620's dispute
/// threshold) as components; <c>statement-to-payment-days</c> = the median days from statement to payment in full of
/// statements sent in the period (open statements listed, not counted); <c>billing-complaints-per-1000-statements</c>.</summary>
internal sealed class BillingExperienceScorer : ITouchpointScorer
{
    private const decimal AbsoluteTolerance = 25m;
    private const decimal RelativeTolerance = 0.10m;
    private const decimal DisputeThreshold = 400m;

    public string Key => "billing-experience";

    public TouchpointKind Kind => TouchpointKind.Billing;

    public MeasureCategory Category => MeasureCategory.Operational;

    public ImmutableArray<ScoreCard> Score(PracticeDataSet data, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(context);
        var cards = ImmutableArray.CreateBuilder<ScoreCard>();
        var estimates = data.PriceEstimates.Where(e => context.Period.Contains(e.EstimatedOn)).ToList();
        if (estimates.Count > 0)
        {
            var exclusions = new ExclusionTally();
            int within = 0, final = 0, disputes = 0, pending = 0;
            decimal absoluteError = 0;
            foreach (var e in estimates)
            {
                if (e.EstimatedAmount < 0 || e.FinalAmount < 0)
                {
                    exclusions.Add("negative-amount", "an estimated or final amount is negative");
                    continue;
                }
                if (e.FinalAmount is not { } a)
                {
                    pending++;
                    continue;
                }
                final++;
                decimal error = Math.Abs(a - e.EstimatedAmount);
                absoluteError += error;
                if (error <= Math.Max(AbsoluteTolerance, RelativeTolerance * e.EstimatedAmount)) within++;
                if (e.IsSelfPay && a - e.EstimatedAmount >= DisputeThreshold) disputes++;
            }
            var notes = new List<ScoreComponent>
            {
                ScoreComponent.Describe("pending", pending, ScoreScale.Count, "Estimates not yet billed: not counted."),
                ScoreComponent.Describe("self-pay-over-400", disputes, ScoreScale.Count, "Self-pay final bills USD 400 or more above the good-faith estimate (45 CFR 149.620)."),
            };
            if (final > 0)
                notes.Add(ScoreComponent.Describe("mean-absolute-error", (double)(absoluteError / final), ScoreScale.Count, "Mean absolute difference between final and estimate, in currency units."));
            cards.Add(RateCard.Build("price-estimate-accuracy", context, within, final, "Final amount within max(25, 10 % of the estimate) of the estimate.",
                "Estimates made in the period with a final amount.", exclusions, notes));
        }
        var statements = data.Statements.Where(s => context.Period.Contains(s.SentOn)).ToList();
        if (statements.Count > 0)
        {
            var exclusions = new ExclusionTally();
            var days = new List<double>();
            int open = 0;
            foreach (var s in statements)
            {
                if (s.PaidOn is not { } paid) { open++; continue; }
                if (paid < s.SentOn) { exclusions.Add("paid-before-sent", "the statement is paid before it was sent"); continue; }
                days.Add(paid.DayNumber - s.SentOn.DayNumber);
            }
            cards.Add(DurationStatistics.Card("statement-to-payment-days", context, days, ScoreScale.Days, "paid statements", exclusions,
                [ScoreComponent.Describe("open", open, ScoreScale.Count, "Statements not yet paid in full: not counted.")]));
            int complaints = data.BillingComplaints.Count(c => context.Period.Contains(c.ReceivedOn));
            int minimum = context.Profile.MinimumEvidence.RateEvents;
            var components = ImmutableArray.Create(
                ScoreComponent.Describe("complaints", complaints, ScoreScale.Count, "Billing complaints received in the period."),
                ScoreComponent.Describe("statements", statements.Count, ScoreScale.Count, "Statements sent in the period."));
            cards.Add(statements.Count < minimum
                ? ScoreCard.WithoutValue("billing-complaints-per-1000-statements", context.Scope, ScoreScale.Count, ScoreStatus.InsufficientData,
                    Inv($"Fewer statements than the minimum of {minimum}."), statements.Count, 0, components)
                : ScoreCard.Ok("billing-complaints-per-1000-statements", context.Scope, 1000.0 * complaints / statements.Count, ScoreScale.Count, statements.Count, 0, components));
        }
        return cards.ToImmutable();
    }
}
