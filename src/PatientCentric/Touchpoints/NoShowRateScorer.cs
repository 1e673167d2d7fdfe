using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;

using static PatientCentric.Scoring.InvariantText;

namespace PatientCentric.Touchpoints;

/// <summary>No-show rate: <c>N(no-show) / D</c>, where D counts appointments starting in the period that were still
/// booked at 00:00 local on their day: kept + no-show + same-day patient cancellations (DOMAIN.md §2.1).</summary>
/// <remarks>Practice-initiated cancellations leave numerator and denominator. Patient cancellations before the day are
/// not in D. A cancellation whose time or initiator is unknown cannot be placed and is excluded and counted, as is an
/// appointment whose start has passed without a recorded outcome, or a visit recorded without an appointment
/// (<see cref="Appointment.VisitOnly"/>; NotApplicable when there is nothing else). Appointments still to come are not counted.</remarks>
internal sealed class NoShowRateScorer : ITouchpointScorer
{
    public const string MeasureKey = "no-show-rate";

    public string Key => MeasureKey;

    public TouchpointKind Kind => TouchpointKind.Access;

    public MeasureCategory Category => MeasureCategory.Operational;

    public ImmutableArray<ScoreCard> Score(PracticeDataSet data, ScoringContext context)
    {
        int kept = 0, noShows = 0, sameDayCancels = 0, practiceCancels = 0, earlierCancels = 0, upcoming = 0, visitOnly = 0;
        var exclusions = new ExclusionTally();
        foreach (var (a, day) in AppointmentsInPeriod.All(data, context))
        {
            if (a.VisitOnly)
            {
                visitOnly++;
                exclusions.Add("visit-only", "only the visit is recorded, not an appointment, so a no-show or cancellation could not show");
                continue;
            }
            switch (a.Outcome)
            {
                case AppointmentOutcome.Kept:
                    kept++;
                    break;
                case AppointmentOutcome.NoShow:
                    noShows++;
                    break;
                case AppointmentOutcome.Booked when a.Start > context.AsOf:
                    upcoming++;
                    break;
                case AppointmentOutcome.Booked:
                    exclusions.Add("outcome-not-recorded", "the appointment's start has passed but no outcome was recorded");
                    break;
                case AppointmentOutcome.Cancelled when a.CancelledBy is null:
                    exclusions.Add("cancellation-initiator-unknown", "the cancellation does not say whether the patient or the practice cancelled");
                    break;
                case AppointmentOutcome.Cancelled when a.CancelledBy == CancellationInitiator.Practice:
                    practiceCancels++;
                    break;
                case AppointmentOutcome.Cancelled when a.CancelledAt is not { } at:
                    exclusions.Add("cancellation-time-unknown", "the patient's cancellation has no time, so it cannot be placed before or on the day");
                    break;
                case AppointmentOutcome.Cancelled when a.CancelledAt > a.Start:
                    exclusions.Add("cancelled-after-start", "the cancellation is recorded after the appointment's start");
                    break;
                case AppointmentOutcome.Cancelled when context.LocalDate(a.CancelledAt!.Value) == day:
                    sameDayCancels++;
                    break;
                default:
                    earlierCancels++;
                    break;
            }
        }
        int denominator = kept + noShows + sameDayCancels;
        if (denominator == 0 && exclusions.Total == 0 && practiceCancels + earlierCancels + upcoming == 0)
            return [];
        var components = ImmutableArray.CreateBuilder<ScoreComponent>();
        components.Add(new("no-shows", noShows, ScoreScale.Count, null, denominator == 0 ? null : (double)noShows / denominator, "No-shows: the numerator."));
        components.Add(ScoreComponent.Describe("denominator", denominator, ScoreScale.Count, "Appointments still booked at 00:00 on their day: kept + no-shows + same-day patient cancellations."));
        components.Add(ScoreComponent.Describe("kept", kept, ScoreScale.Count, "Kept appointments, in the denominator."));
        components.Add(ScoreComponent.Describe("same-day-cancellations", sameDayCancels, ScoreScale.Count, "Patient cancellations on the appointment day, in the denominator."));
        if (practiceCancels > 0)
            components.Add(ScoreComponent.Describe("practice-cancellations-not-counted", practiceCancels, ScoreScale.Count, "Practice-initiated cancellations are left out of numerator and denominator."));
        if (earlierCancels > 0)
            components.Add(ScoreComponent.Describe("earlier-cancellations-not-counted", earlierCancels, ScoreScale.Count, "Patient cancellations before the appointment day are not in the denominator."));
        if (upcoming > 0)
            components.Add(ScoreComponent.Describe("upcoming-not-counted", upcoming, ScoreScale.Count, "Appointments in the period that are still to come are not counted."));
        components.AddRange(exclusions.ToComponents());
        if (denominator == 0 && visitOnly > 0 && visitOnly == exclusions.Total)
        {
            return [ScoreCard.WithoutValue(MeasureKey, context.Scope, ScoreScale.Proportion, ScoreStatus.NotApplicable,
                "The data records visits but no appointments (FHIR Encounter without Appointment), so no-shows and cancellations cannot be seen.",
                0, exclusions.Total, components.ToImmutable())];
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
