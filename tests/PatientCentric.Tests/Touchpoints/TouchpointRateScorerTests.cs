using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Touchpoints;
using static PatientCentric.Tests.TestData;

namespace PatientCentric.Tests.Touchpoints;

public sealed class TouchpointRateScorerTests
{
    private static ScoreCard Card(ITouchpointScorer scorer, PracticeDataSet data, string key) =>
        scorer.Score(data, Context()).Single(c => c.MeasureKey == key);

    [Fact]
    public void AccessRates_ShareTheNoShowDenominator()
    {
        var data = Data([Kept(Jan(10, 9)), Kept(Jan(10, 10)) with { Mode = VisitMode.Telehealth }, With(Jan(13, 9), AppointmentOutcome.NoShow),
                         With(Jan(14, 15), AppointmentOutcome.Cancelled, Jan(14, 8), CancellationInitiator.Patient),
                         With(Jan(15, 9), AppointmentOutcome.Cancelled, Jan(14, 17), CancellationInitiator.Patient)]);
        var scorer = new AccessRatesScorer();
        Assert.Equal(1.0 / 4, Card(scorer, data, "same-day-cancellation-rate").Value);
        Assert.Equal(2.0 / 4, Card(scorer, data, "missed-appointment-rate").Value);
        Assert.Equal(1.0 / 2, Card(scorer, data, "telehealth-share").Value);
    }

    [Fact]
    public void AccessRates_VisitsWithoutAnAppointmentBook_AreNotApplicable_NotZero()
    {
        // Encounter-only data (Synthea, Bulk exports): every visit was kept by construction, so 0 % would be made up.
        var data = Data([Kept(Jan(10, 9)) with { VisitOnly = true }, Kept(Jan(10, 10)) with { VisitOnly = true, Mode = VisitMode.Telehealth }]);
        var noShow = Assert.Single(new NoShowRateScorer().Score(data, Context()));
        Assert.Equal((ScoreStatus.NotApplicable, 0, 2), (noShow.Status, noShow.EvidenceCount, noShow.ExcludedCount));
        Assert.Equal(2.0, noShow.Components.Single(c => c.Name == "excluded:visit-only").InputValue);
        var scorer = new AccessRatesScorer();
        Assert.Equal(ScoreStatus.NotApplicable, Card(scorer, data, "same-day-cancellation-rate").Status);
        Assert.Equal(ScoreStatus.NotApplicable, Card(scorer, data, "missed-appointment-rate").Status);
        Assert.Null(Card(scorer, data, "missed-appointment-rate").Value);
        Assert.Equal(1.0 / 2, Card(scorer, data, "telehealth-share").Value);   // visits still tell the mode
    }

    [Fact]
    public void NoShowRate_VisitOnlyRecordsBesideRealAppointments_AreExcludedAndCounted()
    {
        var data = Data([Kept(Jan(10, 9)), With(Jan(13, 9), AppointmentOutcome.NoShow), Kept(Jan(14, 9)) with { VisitOnly = true }]);
        var noShow = Assert.Single(new NoShowRateScorer().Score(data, Context()));
        Assert.Equal((2, 1), (noShow.EvidenceCount, noShow.ExcludedCount));
        Assert.Equal(0.5, noShow.Value);   // 1 no-show of 2 appointments: the visit-only record is in neither
        Assert.Equal(2.0, noShow.Components.Single(c => c.Name == "denominator").InputValue);
    }

    [Fact]
    public void OnTimeStart_LeavesLateArrivalsOut()
    {
        var data = Data([Kept(Jan(10, 9), arrived: Jan(10, 8, 50), seen: Jan(10, 9, 10)),     // on time (exactly τ)
                         Kept(Jan(10, 10), arrived: Jan(10, 9, 55), seen: Jan(10, 10, 11)),   // late start
                         Kept(Jan(10, 11), arrived: Jan(10, 11, 15), seen: Jan(10, 11, 20)),  // patient arrived late: not counted
                         Kept(Jan(10, 12), arrived: Jan(10, 11, 55))]);                        // no first-contact time: excluded
        var card = Card(new OnTimeStartScorer(), data, "on-time-start-rate");
        Assert.Equal((0.5, 2, 1), (card.Value, card.EvidenceCount, card.ExcludedCount));
    }

    [Fact]
    public void Calls_RemoveShortAbandons_AndMeasureSpeedAndServiceLevel()
    {
        var t0 = Jan(10, 9);
        var data = Data() with
        {
            Calls =
            [
                new("c1", "primary-care", t0, AnsweredAt: t0.AddSeconds(20)),
                new("c2", "primary-care", t0, AnsweredAt: t0.AddSeconds(40)),
                new("c3", "primary-care", t0, AbandonedAt: t0.AddSeconds(3)),    // short abandon: out of everything
                new("c4", "primary-care", t0, AbandonedAt: t0.AddSeconds(90)),
                new("c5", "primary-care", t0),                                   // no outcome: excluded
            ],
        };
        var scorer = new CallCenterScorer();
        Assert.Equal(1.0 / 3, Card(scorer, data, "call-abandonment-rate").Value!.Value, precision: 15);
        Assert.Equal(30.0, Card(scorer, data, "average-speed-of-answer").Value);
        Assert.Equal(1.0 / 3, Card(scorer, data, "call-service-level").Value!.Value, precision: 15);
        Assert.Equal(1, Card(scorer, data, "call-abandonment-rate").ExcludedCount);
    }

    [Fact]
    public void PriceEstimates_UseTheTolerance_AndFlagSelfPayOver400()
    {
        var d = new DateOnly(2025, 1, 10);
        var data = Data() with
        {
            PriceEstimates =
            [
                new("e1", "P", "primary-care", d, 100m, 125m),                 // |25| ≤ max(25, 10) → within
                new("e2", "P", "primary-care", d, 1000m, 1099m),               // 99 ≤ 100 → within
                new("e3", "P", "primary-care", d, 1000m, 1450m, IsSelfPay: true),   // outside; ≥ 400 over a good-faith estimate
                new("e4", "P", "primary-care", d, 0m, 0m),                     // E = A = 0 → within
                new("e5", "P", "primary-care", d, 500m),                       // not billed yet
            ],
        };
        var card = Card(new BillingExperienceScorer(), data, "price-estimate-accuracy");
        Assert.Equal(3.0 / 4, card.Value);
        Assert.Equal(1.0, card.Components.Single(c => c.Name == "self-pay-over-400").InputValue);
        Assert.Equal((25 + 99 + 450 + 0) / 4.0, card.Components.Single(c => c.Name == "mean-absolute-error").InputValue);
    }

    [Fact]
    public void Statements_GiveMedianDaysToPayment_AndComplaintsPerThousand()
    {
        var d = new DateOnly(2025, 1, 5);
        var data = Data() with
        {
            Statements = [new("s1", "P", "primary-care", d, d.AddDays(10)), new("s2", "P", "primary-care", d, d.AddDays(20)), new("s3", "P", "primary-care", d)],
            BillingComplaints = [new("b1", "primary-care", d.AddDays(3))],
        };
        var scorer = new BillingExperienceScorer();
        Assert.Equal(15.0, Card(scorer, data, "statement-to-payment-days").Value);
        Assert.Equal(1000.0 / 3, Card(scorer, data, "billing-complaints-per-1000-statements").Value!.Value, precision: 12);
    }

    [Fact]
    public void PostVisitContact_CountsCompletedTwoWayContactsWithinSevenDays_OfClosedWindows()
    {
        var end = Jan(10, 10);
        var data = Data([Kept(Jan(10, 9), departed: end), Kept(Jan(11, 9), departed: Jan(11, 10)) with { PatientKey = "P2" },
                         Kept(Jan(12, 9), departed: Jan(12, 10)) with { PatientKey = "P3" }]) with
        {
            OutreachContacts =
            [
                new("o1", "P-TEST", "primary-care", end.AddDays(7), true),     // exactly 7 days: counts
                new("o2", "P2", "primary-care", Jan(11, 12), false),           // failed attempt: does not count
                new("o3", "P3", "primary-care", Jan(20, 12), true),            // 8 days later: too late
            ],
        };
        var card = new FollowUpContactScorer().Score(data, Context(asOf: Jan(30, 0))).Single();
        Assert.Equal((1.0 / 3, 3), (card.Value!.Value, card.EvidenceCount));
        var early = new FollowUpContactScorer().Score(data, Context(asOf: Jan(17, 12))).Single();
        Assert.Equal(1.0, early.Components.Single(c => c.Name == "denominator").InputValue);   // only the first window has closed
    }
}
