using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Touchpoints;

/// <summary>Appointment lead time: per appointment, <c>days(booking instant, appointment start)</c> in local calendar
/// days; the card's value is the median, with the 90th percentile as a component (docs/touchpoints/access.md).</summary>
/// <remarks>Counts appointments whose local start date is in the period and that were not cancelled (a cancelled
/// appointment's lead time was never experienced, and a rebooking would count twice). A start before the booking is
/// invalid and excluded; so is one whose booking instant is unknown (<see cref="Appointment.BookingUnknown"/>), and when no
/// appointment has a known booking instant the card is NotApplicable rather than a made-up 0. Walk-ins (booked and started
/// the same day) give 0.</remarks>
internal sealed class LeadTimeScorer : ITouchpointScorer
{
    public const string MeasureKey = "lead-time";

    public string Key => MeasureKey;

    public TouchpointKind Kind => TouchpointKind.Access;

    public MeasureCategory Category => MeasureCategory.Operational;

    public ImmutableArray<ScoreCard> Score(PracticeDataSet data, ScoringContext context)
    {
        var values = new List<double>();
        var exclusions = new ExclusionTally();
        int cancelled = 0, unknown = 0;
        foreach (var (a, _) in AppointmentsInPeriod.All(data, context))
        {
            if (a.Outcome == AppointmentOutcome.Cancelled)
            {
                cancelled++;
                continue;
            }
            if (a.BookingUnknown)
            {
                unknown++;
                exclusions.Add("booking-time-unknown", "the booking instant is not recorded");
                continue;
            }
            int days = context.DaysBetween(a.BookedAt, a.Start);
            if (days < 0)
            {
                exclusions.Add("start-before-booking", "the appointment starts before it was booked");
                continue;
            }
            values.Add(days);
        }
        if (values.Count == 0 && exclusions.Total == 0 && cancelled == 0)
            return [];
        if (values.Count == 0 && unknown > 0 && unknown == exclusions.Total)
            return [ScoreCard.WithoutValue(MeasureKey, context.Scope, ScoreScale.Days, ScoreStatus.NotApplicable,
                "No appointment in the period has a recorded booking instant (FHIR Appointment.created), so lead time cannot be measured.",
                0, unknown, [.. exclusions.ToComponents()])];
        ScoreComponent[] notes = cancelled == 0 ? [] :
            [ScoreComponent.Describe("cancelled-not-counted", cancelled, ScoreScale.Count, "Cancelled appointments in the period are not counted: their lead time was never experienced.")];
        return [DurationStatistics.Card(MeasureKey, context, values, ScoreScale.Days, "appointments", exclusions, notes)];
    }
}
