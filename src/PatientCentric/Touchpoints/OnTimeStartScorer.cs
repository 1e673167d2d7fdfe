using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Touchpoints;

/// <summary>On-time start rate, keyed <c>on-time-start-rate</c>: visits whose first clinician contact came within τ = 10
/// minutes of the scheduled start ÷ visits with both times (docs/touchpoints/waiting-room.md). Patients who arrived more than τ after the
/// scheduled start are left out (they made the visit late); visits without a first-contact time are excluded and
/// counted. When the period has visits but none records a first clinician contact, the card is NotApplicable with that
/// reason, not InsufficientData, which is kept for some counted visits but fewer than the minimum.</summary>
internal sealed class OnTimeStartScorer : ITouchpointScorer
{
    /// <summary>τ, the tolerance: 10 minutes (a library default with no published source; docs/touchpoints/waiting-room.md).</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(10);

    public string Key => "on-time-start-rate";

    public TouchpointKind Kind => TouchpointKind.WaitingRoom;

    public MeasureCategory Category => MeasureCategory.Operational;

    public ImmutableArray<ScoreCard> Score(PracticeDataSet data, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(context);
        int onTime = 0, counted = 0, lateArrivals = 0, withContact = 0;
        var exclusions = new ExclusionTally();
        foreach (var a in AppointmentsInPeriod.Visits(data, context))
        {
            if (a.SeenAt is not { } seen)
            {
                exclusions.Add("first-contact-not-recorded", "the visit has no first-contact time");
                continue;
            }
            withContact++;
            if (a.ArrivedAt is { } arrived && arrived > a.Start + Tolerance)
            {
                lateArrivals++;
                continue;
            }
            counted++;
            if (seen <= a.Start + Tolerance) onTime++;
        }
        if (counted == 0 && exclusions.Total == 0 && lateArrivals == 0)
            return [];
        if (withContact == 0)
            return [AbsentInputCard.Build(Key, context, ScoreScale.Proportion, WaitToBeSeenScorer.NoFirstContactReason("the on-time start rate"), exclusions)];
        return [RateCard.Build(Key, context, onTime, counted, "Seen within 10 minutes of the scheduled start.", "Visits with a scheduled start and a first-contact time.",
            exclusions, [ScoreComponent.Describe("late-arrivals-not-counted", lateArrivals, ScoreScale.Count, "Patients who arrived more than 10 minutes late are left out.")])];
    }
}
