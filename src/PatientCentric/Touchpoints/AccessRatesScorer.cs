using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Touchpoints;

/// <summary>Access rates that share the no-show denominator D (appointments still booked at 00:00 on their day,
/// DOMAIN.md §2.1): <c>same-day-cancellation-rate</c> = same-day patient cancellations ÷ D, <c>missed-appointment-rate</c> =
/// (no-shows + same-day cancellations) ÷ D; and <c>telehealth-share</c> = telehealth visits ÷ kept visits (digital access).
/// D and its exclusions come from the no-show scorer itself, so the three rates can never disagree.</summary>
internal sealed class AccessRatesScorer : ITouchpointScorer
{
    private static readonly NoShowRateScorer NoShows = new();

    public string Key => "access-rates";

    public TouchpointKind Kind => TouchpointKind.Access;

    public MeasureCategory Category => MeasureCategory.Operational;

    public ImmutableArray<ScoreCard> Score(PracticeDataSet data, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(context);
        var noShow = NoShows.Score(data, context).FirstOrDefault();
        if (noShow is null)
            return [];
        int Get(string name) => (int)(noShow.Components.FirstOrDefault(c => c.Name == name)?.InputValue ?? 0);
        int d = Get("denominator"), sameDay = Get("same-day-cancellations"), missed = Get("no-shows");
        var exclusions = noShow.Components.Where(c => c.Name.StartsWith(ScoreComponent.ExclusionPrefix, StringComparison.Ordinal)).ToList();
        ScoreCard WithExclusions(ScoreCard card) => new(card.MeasureKey, card.Scope, card.Value, card.Scale, card.Status, card.EvidenceCount,
            noShow.ExcludedCount, card.Components.AddRange(exclusions), card.StatusReason);
        var visits = AppointmentsInPeriod.Visits(data, context).ToList();
        var telehealth = RateCard.Build("telehealth-share", context, visits.Count(v => v.Mode == VisitMode.Telehealth), visits.Count,
            "Kept visits by video or phone.", "Kept visits starting in the period.");
        if (noShow.Status == ScoreStatus.NotApplicable)
        {
            // No appointment book: these rates cannot be seen in the data, which is not the same as 0 %.
            return
            [
                ScoreCard.WithoutValue("same-day-cancellation-rate", context.Scope, ScoreScale.Proportion, ScoreStatus.NotApplicable, noShow.StatusReason!, 0, noShow.ExcludedCount, [.. exclusions]),
                ScoreCard.WithoutValue("missed-appointment-rate", context.Scope, ScoreScale.Proportion, ScoreStatus.NotApplicable, noShow.StatusReason!, 0, noShow.ExcludedCount, [.. exclusions]),
                telehealth,
            ];
        }
        return
        [
            WithExclusions(RateCard.Build("same-day-cancellation-rate", context, sameDay, d, "Patient cancellations on the appointment day.",
                "Appointments still booked at 00:00 on their day (the no-show denominator).")),
            WithExclusions(RateCard.Build("missed-appointment-rate", context, missed + sameDay, d, "No-shows plus same-day patient cancellations.",
                "Appointments still booked at 00:00 on their day (the no-show denominator).")),
            telehealth,
        ];
    }
}
