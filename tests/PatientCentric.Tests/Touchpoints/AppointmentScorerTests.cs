using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Touchpoints;
using static PatientCentric.Tests.TestData;

namespace PatientCentric.Tests.Touchpoints;

public sealed class AppointmentScorerTests
{
    private static ScoreCard One(ITouchpointScorer scorer, params Appointment[] appointments) =>
        Assert.Single(scorer.Score(Data(appointments), Context()));

    private static double? Component(ScoreCard card, string name) => card.Components.Single(c => c.Name == name).InputValue;

    // --- lead time (DOMAIN.md §2.1) ---

    [Fact]
    public void LeadTime_CountsLocalCalendarDays_NotTwentyFourHourBlocks()
    {
        // Booked 23:30 local on 9 Jan (05:30 UTC on 10 Jan), seen 08:00 local on 10 Jan: one local day, not zero.
        var card = One(new LeadTimeScorer(), Kept(Jan(10, 8), booked: Jan(9, 23, 30)));
        Assert.Equal(1.0, card.Value);
    }

    [Fact]
    public void LeadTime_WalkIn_IsZero() => Assert.Equal(0.0, One(new LeadTimeScorer(), Kept(Jan(10, 14), booked: Jan(10, 9))).Value);

    [Fact]
    public void LeadTime_ValueIsTheMedian_AndP90IsType7()
    {
        var appts = new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }.Select(d => Kept(Jan(20, 9), booked: Jan(20, 9).AddDays(-d))).ToArray();
        var card = One(new LeadTimeScorer(), appts);
        Assert.Equal(4.5, card.Value);
        Assert.Equal(8.1, Component(card, "p90")!.Value, precision: 12);   // h = 9·0.9 = 8.1
        Assert.Equal(10, card.EvidenceCount);
    }

    [Fact]
    public void LeadTime_StartBeforeBooking_IsExcludedAndCounted()
    {
        var card = One(new LeadTimeScorer(), Kept(Jan(10, 9), booked: Jan(12, 9)), Kept(Jan(10, 9), booked: Jan(3, 9)));
        Assert.Equal(7.0, card.Value);
        Assert.Equal(1, card.ExcludedCount);
        Assert.Equal(1.0, Component(card, "excluded:start-before-booking"));
    }

    [Fact]
    public void LeadTime_CancelledAppointments_AreNotCounted()
    {
        var card = One(new LeadTimeScorer(), Kept(Jan(10, 9), booked: Jan(3, 9)),
                       With(Jan(11, 9), AppointmentOutcome.Cancelled, Jan(5, 9), CancellationInitiator.Patient, booked: Jan(1, 9)));
        Assert.Equal((7.0, 1), (card.Value, card.EvidenceCount));
        Assert.Equal(1.0, Component(card, "cancelled-not-counted"));
        Assert.Equal(0, card.ExcludedCount);
    }

    [Fact]
    public void LeadTime_UnknownBooking_IsExcludedAndCounted()
    {
        var card = One(new LeadTimeScorer(), Kept(Jan(10, 9), booked: Jan(3, 9)), Kept(Jan(11, 9), booked: Jan(11, 9)) with { BookingUnknown = true });
        Assert.Equal((7.0, 1, 1), (card.Value, card.EvidenceCount, card.ExcludedCount));
        Assert.Equal(1.0, Component(card, "excluded:booking-time-unknown"));
    }

    [Fact]
    public void LeadTime_NoKnownBooking_IsNotApplicable_NotZeroDays()
    {
        var card = One(new LeadTimeScorer(), Kept(Jan(10, 9), booked: Jan(10, 9)) with { BookingUnknown = true },
                       Kept(Jan(11, 9), booked: Jan(11, 9)) with { BookingUnknown = true });
        Assert.Equal(ScoreStatus.NotApplicable, card.Status);
        Assert.Null(card.Value);
        Assert.Equal((0, 2), (card.EvidenceCount, card.ExcludedCount));
        Assert.Contains("booking instant", card.StatusReason, StringComparison.Ordinal);
    }

    [Fact]
    public void LeadTime_OutsideThePeriod_IsIgnored() =>
        Assert.Empty(new LeadTimeScorer().Score(Data([Kept(new DateTimeOffset(2025, 2, 3, 9, 0, 0, TimeSpan.FromHours(-6)))]), Context()));

    [Fact]
    public void LeadTime_BelowTheMinimumEvidence_IsInsufficientData()
    {
        var card = Assert.Single(new LeadTimeScorer().Score(Data([Kept(Jan(10, 9))]), Context(BuiltInProfiles.PrimaryCareValueBased)));
        Assert.Equal(ScoreStatus.InsufficientData, card.Status);
        Assert.Null(card.Value);
        Assert.Equal("Fewer valid appointments than the minimum of 10.", card.StatusReason);
        Assert.Equal(7.0, Component(card, "median"));   // components still list what was found
    }

    // --- no-show rate (DOMAIN.md §2.1) ---

    [Fact]
    public void NoShowRate_DenominatorIsKeptPlusNoShowsPlusSameDayPatientCancellations()
    {
        var card = One(new NoShowRateScorer(),
            Kept(Jan(10, 9)), Kept(Jan(10, 10)), Kept(Jan(10, 11)),
            With(Jan(13, 9), AppointmentOutcome.NoShow),
            With(Jan(14, 15), AppointmentOutcome.Cancelled, Jan(14, 8), CancellationInitiator.Patient),    // same day: in D
            With(Jan(15, 9), AppointmentOutcome.Cancelled, Jan(14, 17), CancellationInitiator.Patient),    // day before: not in D
            With(Jan(16, 9), AppointmentOutcome.Cancelled, Jan(16, 7), CancellationInitiator.Practice));   // practice: out of both
        Assert.Equal(1.0 / 5, card.Value!.Value, precision: 15);
        Assert.Equal(5, card.EvidenceCount);
        Assert.Equal(0, card.ExcludedCount);
        Assert.Equal((1.0, 1.0), (Component(card, "practice-cancellations-not-counted"), Component(card, "earlier-cancellations-not-counted")));
    }

    [Fact]
    public void NoShowRate_CancellationAtLocalMidnightBoundary_UsesLocalDates()
    {
        // Cancelled 23:30 local on the 13th (05:30 UTC on the 14th) for a 14th appointment: not same-day.
        var card = One(new NoShowRateScorer(), With(Jan(13, 10), AppointmentOutcome.NoShow),
                       With(Jan(14, 9), AppointmentOutcome.Cancelled, Jan(13, 23, 30), CancellationInitiator.Patient));
        Assert.Equal(1.0, card.Value);
        Assert.Equal(1, card.EvidenceCount);
    }

    [Fact]
    public void NoShowRate_UnplaceableRecords_AreExcludedWithReasons()
    {
        var card = One(new NoShowRateScorer(), Kept(Jan(10, 9)),
            With(Jan(11, 9), AppointmentOutcome.Cancelled, null, CancellationInitiator.Patient),
            With(Jan(12, 9), AppointmentOutcome.Cancelled, Jan(12, 8), null),
            With(Jan(13, 9), AppointmentOutcome.Cancelled, Jan(13, 10), CancellationInitiator.Patient),
            With(Jan(14, 9), AppointmentOutcome.Booked));
        Assert.Equal(4, card.ExcludedCount);
        Assert.Equal(
            ["excluded:cancellation-time-unknown", "excluded:cancellation-initiator-unknown", "excluded:cancelled-after-start", "excluded:outcome-not-recorded"],
            card.Components.Where(c => c.Name.StartsWith(ScoreComponent.ExclusionPrefix, StringComparison.Ordinal)).Select(c => c.Name));
        Assert.Equal(0.0, card.Value);
    }

    [Fact]
    public void NoShowRate_UpcomingAppointments_AreNotCounted()
    {
        var card = Assert.Single(new NoShowRateScorer().Score(Data([Kept(Jan(10, 9)), With(Jan(30, 9), AppointmentOutcome.Booked)]),
                                                            Context(asOf: Jan(20, 12))));
        Assert.Equal((0.0, 1, 0), (card.Value, card.EvidenceCount, card.ExcludedCount));
        Assert.Equal(1.0, Component(card, "upcoming-not-counted"));
    }

    [Fact]
    public void NoShowRate_ZeroDenominator_IsInsufficientDataNotZero()
    {
        var card = One(new NoShowRateScorer(), With(Jan(16, 9), AppointmentOutcome.Cancelled, Jan(16, 7), CancellationInitiator.Practice));
        Assert.Equal(ScoreStatus.InsufficientData, card.Status);
        Assert.Null(card.Value);
    }

    // --- wait to be seen and cycle time (DOMAIN.md §2.2) ---

    [Fact]
    public void WaitToBeSeen_EarlyArrivalIsNotWaiting_LateArrivalCountsFromArrival()
    {
        var early = Kept(Jan(10, 9), arrived: Jan(10, 8, 40), seen: Jan(10, 9, 12));   // 12 min from scheduled start
        var late = Kept(Jan(10, 10), arrived: Jan(10, 10, 20), seen: Jan(10, 10, 25));  // 5 min from arrival
        var earlyStart = Kept(Jan(10, 11), arrived: Jan(10, 10, 30), seen: Jan(10, 10, 50));   // seen before scheduled start → 0
        var card = One(new WaitToBeSeenScorer(), early, late, earlyStart);
        Assert.Equal(5.0, card.Value);
        Assert.Equal(3, card.EvidenceCount);
    }

    [Fact]
    public void WaitToBeSeen_SeenBeforeArrival_OrMissingTimes_AreExcluded()
    {
        var card = One(new WaitToBeSeenScorer(), Kept(Jan(10, 9), arrived: Jan(10, 9, 10), seen: Jan(10, 9, 5)),
                       Kept(Jan(10, 9), arrived: Jan(10, 9)), Kept(Jan(10, 9), arrived: Jan(10, 9), seen: Jan(10, 9, 30)));
        Assert.Equal((30.0, 1, 2), (card.Value, card.EvidenceCount, card.ExcludedCount));
    }

    [Fact]
    public void WaitToBeSeen_NoVisitRecordsFirstContact_IsNotApplicable_NotInsufficientData()
    {
        // FHIR input as read today: arrivals from Encounter.period, but no first clinician contact on any visit.
        var card = One(new WaitToBeSeenScorer(), Kept(Jan(10, 9), arrived: Jan(10, 8, 55)), Kept(Jan(11, 9), arrived: Jan(11, 9, 5)),
                       Kept(Jan(12, 9), arrived: Jan(12, 8, 50)));
        Assert.Equal((ScoreStatus.NotApplicable, (double?)null, 0, 3), (card.Status, card.Value, card.EvidenceCount, card.ExcludedCount));
        Assert.Equal("No visit in the period records a first clinician contact time (FHIR: the in-progress start in Encounter.statusHistory), so the wait to be seen cannot be measured.",
                     card.StatusReason);
        Assert.Equal(3.0, Component(card, "excluded:times-not-recorded"));
    }

    [Fact]
    public void WaitToBeSeen_NoVisitRecordsArrival_IsNotApplicable()
    {
        var card = One(new WaitToBeSeenScorer(), Kept(Jan(10, 9), seen: Jan(10, 9, 5)), Kept(Jan(11, 9), seen: Jan(11, 9, 20)));
        Assert.Equal((ScoreStatus.NotApplicable, 0, 2), (card.Status, card.EvidenceCount, card.ExcludedCount));
        Assert.Contains("arrival", card.StatusReason, StringComparison.Ordinal);
    }

    [Fact]
    public void WaitToBeSeen_SomeVisitsWithFirstContact_BelowTheMinimum_StaysInsufficientData()
    {
        var data = Data([Kept(Jan(10, 9), arrived: Jan(10, 9), seen: Jan(10, 9, 10)), Kept(Jan(11, 9), arrived: Jan(11, 9)), Kept(Jan(12, 9), arrived: Jan(12, 9))]);
        var card = Assert.Single(new WaitToBeSeenScorer().Score(data, Context(BuiltInProfiles.PrimaryCareValueBased)));
        Assert.Equal((ScoreStatus.InsufficientData, 1, 2), (card.Status, card.EvidenceCount, card.ExcludedCount));
        Assert.Equal("Fewer valid visits than the minimum of 10.", card.StatusReason);
    }

    [Fact]
    public void CycleTime_IsArrivalToDeparture_InExactMinutes()
    {
        var card = One(new CycleTimeScorer(), Kept(Jan(10, 9), arrived: Jan(10, 8, 50), departed: Jan(10, 9, 47).AddSeconds(30)));
        Assert.Equal(57.5, card.Value);
    }

    [Fact]
    public void CycleTime_RuleBreakers_AreExcludedAndCountedByReason()
    {
        var card = One(new CycleTimeScorer(),
            Kept(Jan(10, 9), arrived: Jan(10, 9), departed: Jan(10, 9, 40)),
            Kept(Jan(10, 9), arrived: Jan(10, 9)),                                    // no departure
            Kept(Jan(10, 9), arrived: Jan(10, 9), departed: Jan(10, 8)),              // departure before arrival
            Kept(Jan(10, 9), arrived: Jan(10, 8), departed: Jan(10, 20, 1)),          // over 12 hours
            Kept(Jan(10, 9), departed: Jan(10, 10)));                                 // no arrival
        Assert.Equal((40.0, 1, 4), (card.Value, card.EvidenceCount, card.ExcludedCount));
        Assert.Equal(["excluded:departure-not-recorded", "excluded:departure-before-arrival", "excluded:cycle-over-12-hours", "excluded:arrival-not-recorded"],
            card.Components.Where(c => c.Name.StartsWith("excluded:", StringComparison.Ordinal)).Select(c => c.Name));
    }

    [Fact]
    public void CycleTime_NoVisitRecordsDeparture_IsNotApplicable_NotInsufficientData()
    {
        var card = One(new CycleTimeScorer(), Kept(Jan(10, 9), arrived: Jan(10, 9)), Kept(Jan(11, 9), arrived: Jan(11, 9)));
        Assert.Equal((ScoreStatus.NotApplicable, (double?)null, 0, 2), (card.Status, card.Value, card.EvidenceCount, card.ExcludedCount));
        Assert.Equal("No visit in the period records a departure (check-out) time, so the cycle time cannot be measured.", card.StatusReason);
        Assert.Equal(2.0, Component(card, "excluded:departure-not-recorded"));
    }

    [Fact]
    public void CycleTime_NoVisitRecordsArrival_IsNotApplicable()
    {
        // Appointments marked fulfilled with no Encounter give kept visits without any time.
        var card = One(new CycleTimeScorer(), Kept(Jan(10, 9)), Kept(Jan(11, 9), departed: Jan(11, 10)));
        Assert.Equal((ScoreStatus.NotApplicable, 0, 2), (card.Status, card.EvidenceCount, card.ExcludedCount));
        Assert.Equal("No visit in the period records an arrival (check-in) time, so the cycle time cannot be measured.", card.StatusReason);
    }

    [Fact]
    public void CycleTime_ExactlyTwelveHours_IsKept() =>
        Assert.Equal(720.0, One(new CycleTimeScorer(), Kept(Jan(10, 9), arrived: Jan(10, 8), departed: Jan(10, 20))).Value);

    [Fact]
    public void Scorers_NoAppointments_ReturnNoCards()
    {
        foreach (ITouchpointScorer s in new ITouchpointScorer[] { new LeadTimeScorer(), new NoShowRateScorer(), new WaitToBeSeenScorer(), new CycleTimeScorer() })
            Assert.Empty(s.Score(Data(), Context()));
    }
}
