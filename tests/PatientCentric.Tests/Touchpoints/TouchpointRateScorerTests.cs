using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
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

    private static double? Component(ScoreCard card, string name) => card.Components.SingleOrDefault(c => c.Name == name)?.InputValue;

    [Fact]
    public void AccessRates_NoPatientCancellationHasATime_AreNotApplicable_NotZero()
    {
        // FHIR R4 input: Appointment has no element for the cancellation instant, so no cancellation carries one.
        var data = Data([Kept(Jan(10, 9)), Kept(Jan(10, 10)), Kept(Jan(10, 11)), With(Jan(13, 9), AppointmentOutcome.NoShow),
                         With(Jan(14, 15), AppointmentOutcome.Cancelled, null, CancellationInitiator.Patient),
                         With(Jan(15, 9), AppointmentOutcome.Cancelled, null, CancellationInitiator.Patient),
                         With(Jan(16, 9), AppointmentOutcome.Cancelled, null, CancellationInitiator.Practice)]);
        var scorer = new AccessRatesScorer();
        foreach (string key in new[] { "same-day-cancellation-rate", "missed-appointment-rate" })
        {
            var card = Card(scorer, data, key);
            Assert.Equal((ScoreStatus.NotApplicable, (double?)null, 0, 2), (card.Status, card.Value, card.EvidenceCount, card.ExcludedCount));
            Assert.Equal("No patient cancellation in the period records when it was made (FHIR R4 Appointment has no element for it), so same-day cancellations cannot be told from earlier ones.",
                         card.StatusReason);
            Assert.Equal(2.0, Component(card, "excluded:cancellation-time-unknown"));
        }
        // The no-shows are known, so the no-show rate stays Ok over the appointments that can be placed (an upper bound:
        // same-day cancellations cannot join D); the unplaceable cancellations are excluded and counted.
        var noShow = Assert.Single(new NoShowRateScorer().Score(data, Context()));
        Assert.Equal((ScoreStatus.Ok, 1.0 / 4, 4, 2), (noShow.Status, noShow.Value, noShow.EvidenceCount, noShow.ExcludedCount));
        Assert.Equal(2.0, Component(noShow, "excluded:cancellation-time-unknown"));
    }

    [Fact]
    public void AccessRates_SomeCancellationTimesUnknown_AreExcludedAndCounted_RatesOverThePlaceableAppointments()
    {
        var data = Data([Kept(Jan(10, 9)), Kept(Jan(10, 10)), With(Jan(13, 9), AppointmentOutcome.NoShow),
                         With(Jan(14, 15), AppointmentOutcome.Cancelled, Jan(14, 8), CancellationInitiator.Patient),    // same day: in D
                         With(Jan(15, 9), AppointmentOutcome.Cancelled, Jan(14, 17), CancellationInitiator.Patient),    // day before: not in D
                         With(Jan(16, 9), AppointmentOutcome.Cancelled, null, CancellationInitiator.Patient),           // unknown: excluded
                         With(Jan(17, 9), AppointmentOutcome.Cancelled, null, CancellationInitiator.Patient)]);         // unknown: excluded
        var scorer = new AccessRatesScorer();
        var sameDay = Card(scorer, data, "same-day-cancellation-rate");
        var missed = Card(scorer, data, "missed-appointment-rate");
        Assert.Equal((ScoreStatus.Ok, 1.0 / 4, 4, 2), (sameDay.Status, sameDay.Value, sameDay.EvidenceCount, sameDay.ExcludedCount));
        Assert.Equal((ScoreStatus.Ok, 2.0 / 4, 4, 2), (missed.Status, missed.Value, missed.EvidenceCount, missed.ExcludedCount));
        Assert.Equal(2.0, Component(sameDay, "excluded:cancellation-time-unknown"));
        Assert.Equal(2.0, Component(missed, "excluded:cancellation-time-unknown"));
    }

    [Fact]
    public void AccessRates_NoCancellationSaysWhoCancelled_AreNotApplicable_NotZero()
    {
        // FHIR Appointments without cancelationReason: no cancellation can be told to be the patient's.
        var data = Data([Kept(Jan(10, 9)), With(Jan(13, 9), AppointmentOutcome.NoShow),
                         With(Jan(14, 15), AppointmentOutcome.Cancelled, Jan(14, 8), null), With(Jan(15, 9), AppointmentOutcome.Cancelled, null, null)]);
        var card = Card(new AccessRatesScorer(), data, "same-day-cancellation-rate");
        Assert.Equal((ScoreStatus.NotApplicable, 0, 2), (card.Status, card.EvidenceCount, card.ExcludedCount));
        Assert.Equal("No cancellation in the period records who cancelled (FHIR Appointment.cancelationReason), so patient same-day cancellations cannot be told from practice ones.",
                     card.StatusReason);
        Assert.Equal(2.0, Component(card, "excluded:cancellation-initiator-unknown"));
        Assert.Equal(ScoreStatus.NotApplicable, Card(new AccessRatesScorer(), data, "missed-appointment-rate").Status);
    }

    [Fact]
    public void AccessRates_NoCancellationsAtAll_AreZero_NotNotApplicable()
    {
        // Nothing is missing: no cancellation is a real 0.
        var data = Data([Kept(Jan(10, 9)), Kept(Jan(10, 10)), With(Jan(13, 9), AppointmentOutcome.NoShow)]);
        var card = Card(new AccessRatesScorer(), data, "same-day-cancellation-rate");
        Assert.Equal((ScoreStatus.Ok, 0.0, 3, 0), (card.Status, card.Value, card.EvidenceCount, card.ExcludedCount));
    }

    /// <summary>One appointment of the no-show family, by how it can be placed.</summary>
    private enum BookEntry { Kept, NoShow, SameDayPatientCancel, EarlierPatientCancel, UntimedPatientCancel, PracticeCancel, InitiatorUnknownCancel }

    private static Appointment Entry(BookEntry e, int day) => e switch
    {
        BookEntry.Kept => Kept(Jan(day, 9)),
        BookEntry.NoShow => With(Jan(day, 9), AppointmentOutcome.NoShow),
        BookEntry.SameDayPatientCancel => With(Jan(day, 15), AppointmentOutcome.Cancelled, Jan(day, 8), CancellationInitiator.Patient),
        BookEntry.EarlierPatientCancel => With(Jan(day, 9), AppointmentOutcome.Cancelled, Jan(day - 1, 17), CancellationInitiator.Patient),
        BookEntry.UntimedPatientCancel => With(Jan(day, 9), AppointmentOutcome.Cancelled, null, CancellationInitiator.Patient),
        BookEntry.PracticeCancel => With(Jan(day, 9), AppointmentOutcome.Cancelled, null, CancellationInitiator.Practice),
        _ => With(Jan(day, 9), AppointmentOutcome.Cancelled, Jan(day, 8), null),
    };

    private static Arbitrary<(BookEntry Entry, int Day)[]> Books() =>
        (from entry in Gen.Elements(Enum.GetValues<BookEntry>()) from day in Gen.Choose(2, 28) select (entry, day)).ArrayOf().ToArbitrary();

    [Property(MaxTest = 1_000)]
    public Property AccessRates_SameDayCancellations_Meet_Specification() =>
        Prop.ForAll(Books(), book =>
        {
            var cards = new AccessRatesScorer().Score(Data(book.Select(b => Entry(b.Entry, b.Day))), Context());
            if (book.Length == 0)
                return cards.IsEmpty;
            int N(BookEntry e) => book.Count(b => b.Entry == e);
            int timed = N(BookEntry.SameDayPatientCancel) + N(BookEntry.EarlierPatientCancel), untimed = N(BookEntry.UntimedPatientCancel);
            int d = N(BookEntry.Kept) + N(BookEntry.NoShow) + N(BookEntry.SameDayPatientCancel);
            bool unknowable = (untimed > 0 && timed == 0)
                || (N(BookEntry.InitiatorUnknownCancel) > 0 && timed + untimed + N(BookEntry.PracticeCancel) == 0);
            var sameDay = cards.Single(c => c.MeasureKey == "same-day-cancellation-rate");
            var missed = cards.Single(c => c.MeasureKey == "missed-appointment-rate");
            bool bothAgree = sameDay.Status == missed.Status && sameDay.ExcludedCount == missed.ExcludedCount
                             && sameDay.ExcludedCount == untimed + N(BookEntry.InitiatorUnknownCancel)
                             && (Component(sameDay, "excluded:cancellation-time-unknown") ?? 0) == untimed;
            if (unknowable)
                return bothAgree && sameDay.Status == ScoreStatus.NotApplicable && sameDay.Value is null && missed.Value is null;
            if (d == 0)
                return bothAgree && sameDay.Status == ScoreStatus.InsufficientData;
            return bothAgree && sameDay.Status == ScoreStatus.Ok
                   && Math.Abs(sameDay.Value!.Value - (double)N(BookEntry.SameDayPatientCancel) / d) <= 1e-12
                   && Math.Abs(missed.Value!.Value - (double)(N(BookEntry.NoShow) + N(BookEntry.SameDayPatientCancel)) / d) <= 1e-12;
        });

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
    public void OnTimeStart_NoVisitRecordsFirstContact_IsNotApplicable_NotInsufficientData()
    {
        var data = Data([Kept(Jan(10, 9), arrived: Jan(10, 8, 50)), Kept(Jan(10, 10), arrived: Jan(10, 10, 30)), Kept(Jan(10, 11))]);
        var card = Card(new OnTimeStartScorer(), data, "on-time-start-rate");
        Assert.Equal((ScoreStatus.NotApplicable, (double?)null, 0, 3), (card.Status, card.Value, card.EvidenceCount, card.ExcludedCount));
        Assert.Equal("No visit in the period records a first clinician contact time (FHIR: the in-progress start in Encounter.statusHistory), so the on-time start rate cannot be measured.",
                     card.StatusReason);
        Assert.Equal(3.0, Component(card, "excluded:first-contact-not-recorded"));
    }

    [Fact]
    public void OnTimeStart_SomeVisitsWithFirstContact_BelowTheMinimum_StaysInsufficientData()
    {
        var data = Data([Kept(Jan(10, 9), arrived: Jan(10, 8, 50), seen: Jan(10, 9, 5)), Kept(Jan(10, 10), arrived: Jan(10, 9, 55))]);
        var card = Assert.Single(new OnTimeStartScorer().Score(data, Context(BuiltInProfiles.PrimaryCareValueBased)));
        Assert.Equal((ScoreStatus.InsufficientData, 1, 1), (card.Status, card.EvidenceCount, card.ExcludedCount));
        Assert.Equal("Fewer events in the denominator than the minimum of 20.", card.StatusReason);
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
    public void Calls_NoCallRecordsAnOutcome_AreNotApplicable_NotInsufficientData()
    {
        // A call log with queue-entry times only: abandonment, speed and service level cannot be seen.
        var t0 = Jan(10, 9);
        var data = Data() with { Calls = [new("c1", "primary-care", t0), new("c2", "primary-care", t0.AddMinutes(5))] };
        var cards = new CallCenterScorer().Score(data, Context());
        Assert.Equal(["call-abandonment-rate", "average-speed-of-answer", "call-service-level"], cards.Select(c => c.MeasureKey));
        Assert.All(cards, c =>
        {
            Assert.Equal((ScoreStatus.NotApplicable, (double?)null, 0, 2), (c.Status, c.Value, c.EvidenceCount, c.ExcludedCount));
            Assert.Equal("No call in the period records an answer or abandonment time, so phone access cannot be measured.", c.StatusReason);
            Assert.Equal(2.0, Component(c, "excluded:call-outcome-not-recorded"));
        });
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
