using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;

using static PatientCentric.Scoring.InvariantText;

namespace PatientCentric.Touchpoints;

/// <summary>No-show rate: <c>N(no-show) / D</c>, where D counts appointments starting in the period that were still
/// booked at 00:00 local on their day: kept + no-show + same-day patient cancellations (docs/touchpoints/access.md).</summary>
/// <remarks>Practice-initiated cancellations leave numerator and denominator. Patient cancellations before the day are
/// not in D. A cancellation whose time or initiator is unknown cannot be placed and is excluded and counted, as is an
/// appointment whose start has passed without a recorded outcome, or a visit recorded without an appointment
/// (<see cref="Appointment.VisitOnly"/>; NotApplicable when there is nothing else). Appointments still to come are not counted.
/// The sorting is <see cref="NoShowDenominator"/>'s, shared with the same-day cancellation and missed-appointment rates.
/// When patient cancellations have no recorded time (FHIR R4), the no-shows are still known but the same-day cancellations
/// cannot join D, so the rate stays Ok over the appointments that can be placed and is an upper bound; the excluded
/// cancellations are counted as <c>cancellation-time-unknown</c> (docs/touchpoints/access.md: unknown time → excluded).</remarks>
internal sealed class NoShowRateScorer : ITouchpointCombiner<NoShowDenominator>, IPeriodRoutedCombiner
{
    public const string MeasureKey = "no-show-rate";

    public string Key => MeasureKey;

    public TouchpointKind Kind => TouchpointKind.Access;

    public MeasureCategory Category => MeasureCategory.Operational;

    public ImmutableArray<ScoreCard> Score(PracticeDataSet data, ScoringContext context) =>
        Finish(Add(CreateAccumulator(context), data, context), context);

    public NoShowDenominator CreateAccumulator(ScoringContext context) => new();

    public NoShowDenominator Add(NoShowDenominator accumulator, PracticeDataSet shard, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        return accumulator.Add(shard, context);
    }

    public void AddByPeriod(object[] accumulators, PracticeDataSet shard, ScoringContext context, PeriodBuckets buckets) =>
        NoShowDenominator.AddTo(PeriodRouting.Own<NoShowDenominator>(accumulators, shard, context, buckets), shard, context, buckets);

    public NoShowDenominator Merge(NoShowDenominator left, NoShowDenominator right)
    {
        ArgumentNullException.ThrowIfNull(left);
        return left.Merge(right);
    }

    public ImmutableArray<ScoreCard> Finish(NoShowDenominator accumulator, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        var d = accumulator;
        if (d.IsEmpty)
            return [];
        int denominator = d.Denominator, noShows = d.NoShows;
        var exclusions = d.Exclusions.ToTally();
        var components = ImmutableArray.CreateBuilder<ScoreComponent>();
        components.Add(new("no-shows", noShows, ScoreScale.Count, null, denominator == 0 ? null : (double)noShows / denominator, "No-shows: the numerator."));
        components.Add(ScoreComponent.Describe("denominator", denominator, ScoreScale.Count, "Appointments still booked at 00:00 on their day: kept + no-shows + same-day patient cancellations."));
        components.Add(ScoreComponent.Describe("kept", d.Kept, ScoreScale.Count, "Kept appointments, in the denominator."));
        components.Add(ScoreComponent.Describe("same-day-cancellations", d.SameDayCancellations, ScoreScale.Count, "Patient cancellations on the appointment day, in the denominator."));
        if (d.PracticeCancellations > 0)
            components.Add(ScoreComponent.Describe("practice-cancellations-not-counted", d.PracticeCancellations, ScoreScale.Count, "Practice-initiated cancellations are left out of numerator and denominator."));
        if (d.EarlierCancellations > 0)
            components.Add(ScoreComponent.Describe("earlier-cancellations-not-counted", d.EarlierCancellations, ScoreScale.Count, "Patient cancellations before the appointment day are not in the denominator."));
        if (d.Upcoming > 0)
            components.Add(ScoreComponent.Describe("upcoming-not-counted", d.Upcoming, ScoreScale.Count, "Appointments in the period that are still to come are not counted."));
        components.AddRange(exclusions.ToComponents());
        if (d.HasOnlyVisits)
        {
            return [ScoreCard.WithoutValue(MeasureKey, context.Scope, ScoreScale.Proportion, ScoreStatus.NotApplicable,
                NoShowDenominator.OnlyVisitsReason, 0, exclusions.Total, components.ToImmutable())];
        }
        int minimum = context.Profile.MinimumEvidence.RateEvents;
        if (denominator == 0 || denominator < minimum)
        {
            return [ScoreCard.WithoutValue(MeasureKey, context.Scope, ScoreScale.Proportion, ScoreStatus.InsufficientData,
                Inv($"Fewer appointments in the denominator than the minimum of {minimum}."), denominator, exclusions.Total, components.ToImmutable())];
        }
        return [ScoreCard.Ok(MeasureKey, context.Scope, (double)noShows / denominator, ScoreScale.Proportion, denominator, exclusions.Total, components.ToImmutable())];
    }
}
