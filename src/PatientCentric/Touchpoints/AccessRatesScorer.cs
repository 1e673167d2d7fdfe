using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Touchpoints;

/// <summary>Access rates that share the no-show denominator D (appointments still booked at 00:00 on their day,
/// docs/touchpoints/access.md): <c>same-day-cancellation-rate</c> = same-day patient cancellations ÷ D, <c>missed-appointment-rate</c> =
/// (no-shows + same-day cancellations) ÷ D; and <c>telehealth-share</c> = telehealth visits ÷ kept visits (digital access).
/// D and its exclusions come from <see cref="NoShowDenominator"/>, as for the no-show rate, so the three rates can never
/// disagree.</summary>
/// <remarks>A patient cancellation whose time is unknown cannot be placed on or before its day: it is excluded and counted
/// (<c>cancellation-time-unknown</c>, docs/touchpoints/access.md), and both rates are computed over the appointments that can be
/// placed. When no patient cancellation records its time (or no cancellation records who cancelled), the same-day count
/// is unknown rather than 0, and both rates are NotApplicable with that reason; so they are on visit-only data.</remarks>
internal sealed class AccessRatesScorer : ITouchpointScorer
{
    public const string SameDayCancellationKey = "same-day-cancellation-rate";
    public const string MissedAppointmentKey = "missed-appointment-rate";

    private const string DenominatorText = "Appointments still booked at 00:00 on their day (the no-show denominator).";

    public string Key => "access-rates";

    public TouchpointKind Kind => TouchpointKind.Access;

    public MeasureCategory Category => MeasureCategory.Operational;

    public ImmutableArray<ScoreCard> Score(PracticeDataSet data, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(context);
        var d = NoShowDenominator.Count(data, context);
        if (d.IsEmpty)
            return [];
        var visits = AppointmentsInPeriod.Visits(data, context).ToList();
        var telehealth = RateCard.Build("telehealth-share", context, visits.Count(v => v.Mode == VisitMode.Telehealth), visits.Count,
            "Kept visits by video or phone.", "Kept visits starting in the period.");
        if ((d.HasOnlyVisits ? NoShowDenominator.OnlyVisitsReason : d.SameDayUnknowableReason) is { } reason)
        {
            // The data cannot show the same-day cancellations: unknown, which is not the same as 0 %.
            return
            [
                AbsentInputCard.Build(SameDayCancellationKey, context, ScoreScale.Proportion, reason, d.Exclusions),
                AbsentInputCard.Build(MissedAppointmentKey, context, ScoreScale.Proportion, reason, d.Exclusions),
                telehealth,
            ];
        }
        return
        [
            RateCard.Build(SameDayCancellationKey, context, d.SameDayCancellations, d.Denominator, "Patient cancellations on the appointment day.",
                DenominatorText, d.Exclusions),
            RateCard.Build(MissedAppointmentKey, context, d.NoShows + d.SameDayCancellations, d.Denominator, "No-shows plus same-day patient cancellations.",
                DenominatorText, d.Exclusions),
            telehealth,
        ];
    }
}
