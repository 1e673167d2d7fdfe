using PatientCentric.Jobs;
using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Tests.Jobs;

public sealed class ReferralLoopClosureTests
{
    private static readonly MeasurementPeriod Year = new(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));

    private static Referral R(string id, string patient, int month, int day, DateOnly? received) =>
        new(id, patient, "primary-care", "cardiology", new DateOnly(2025, month, day), received);

    [Fact]
    public void ReferralLevel_CountsReportsInsideTheWindow_AndLeavesOpenWindowsPending()
    {
        Referral[] referrals =
        [
            R("R1", "A", 1, 10, new DateOnly(2025, 3, 11)),   // day 60: closed (window end inclusive)
            R("R2", "A", 1, 10, new DateOnly(2025, 3, 12)),   // day 61: late, open loop
            R("R3", "B", 2, 1, null),                         // never: open loop
            R("R4", "B", 12, 1, new DateOnly(2025, 12, 5)),   // window not over at 31 Dec: pending even though closed
            R("R5", "C", 1, 5, new DateOnly(2025, 1, 4)),     // report dated before the referral: not evidence
            new("R6", "C", "primary-care", "x", new DateOnly(2024, 12, 20), null),   // authored before the period: ignored
        ];
        var r = ReferralLoopClosure.Compute(referrals, Year, new DateOnly(2025, 12, 31));
        Assert.Equal((4, 1, 1), (r.Eligible, r.Closed, r.Pending));
        Assert.Equal(0.25, r.Rate);
        Assert.Equal(["R5", "R2", "R3"], r.OpenLoops.Select(o => o.ReferralId));   // oldest first
        Assert.Equal(360, r.OpenLoops[0].AgeDays);
    }

    [Fact]
    public void Cms50_UsesEachPatientsFirstReferralInTheFirstTenMonths()
    {
        Referral[] referrals =
        [
            R("R2", "A", 3, 1, null),
            R("R1", "A", 3, 1, new DateOnly(2025, 4, 1)),     // same date: lowest id is first, and it closed
            R("R3", "B", 11, 1, new DateOnly(2025, 11, 2)),   // after 31 October: not in the initial population
            R("R4", "C", 10, 31, new DateOnly(2026, 1, 2)),   // report after the period: not in the numerator
            R("R5", "D", 6, 1, new DateOnly(2025, 6, 1)),     // same-day report counts
        ];
        var r = ReferralLoopClosure.Compute(referrals, Year, new DateOnly(2026, 3, 1), ReferralClosureMode.Cms50);
        Assert.Equal((3, 2), (r.Eligible, r.Closed));
        Assert.Equal(["R4"], r.OpenLoops.Select(o => o.ReferralId));
    }

    [Fact]
    public void NothingEligible_HasNoRate() => Assert.Null(ReferralLoopClosure.Compute([], Year, Year.End).Rate);

    // --- closure unknown (Referral.ClosureUnknown: FHIR input without any Task) ---

    private static Referral Unknown(string id, string patient, int month, int day) => R(id, patient, month, day, null) with { ClosureUnknown = true };

    [Fact]
    public void ReferralLevel_NoClosureUnknown_IsUnchanged()
    {
        Referral[] referrals = [R("R1", "A", 1, 10, new DateOnly(2025, 2, 1)), R("R2", "A", 2, 1, null)];
        var r = ReferralLoopClosure.Compute(referrals, Year, new DateOnly(2025, 12, 31));
        Assert.Equal((2, 1, 0, 0), (r.Eligible, r.Closed, r.Pending, r.ClosureUnknown));
        Assert.Equal(["R2"], r.OpenLoops.Select(o => o.ReferralId));
    }

    [Fact]
    public void ReferralLevel_ClosureUnknown_IsLeftOutAndCounted_NeverOpenNorPending()
    {
        Referral[] referrals =
        [
            R("R1", "A", 1, 10, new DateOnly(2025, 2, 1)),   // closed
            R("R2", "A", 2, 1, null),                        // open loop
            Unknown("R3", "B", 3, 1),                        // window passed, closure unknown: not an open loop
            Unknown("R4", "B", 12, 1),                       // window not over, closure unknown: not pending either
            Unknown("R5", "B", 1, 1) with { AuthoredOn = new DateOnly(2024, 6, 1) },   // authored before the period: not counted
        ];
        var r = ReferralLoopClosure.Compute(referrals, Year, new DateOnly(2025, 12, 31));
        Assert.Equal((2, 1, 0, 2), (r.Eligible, r.Closed, r.Pending, r.ClosureUnknown));
        Assert.Equal(0.5, r.Rate);
        Assert.Equal(["R2"], r.OpenLoops.Select(o => o.ReferralId));
    }

    [Fact]
    public void ReferralLevel_EveryClosureUnknown_HasNoRate_NotZero()
    {
        var r = ReferralLoopClosure.Compute([Unknown("R1", "A", 1, 10), Unknown("R2", "B", 2, 1)], Year, new DateOnly(2025, 12, 31));
        Assert.Equal((0, 0, 0, 2), (r.Eligible, r.Closed, r.Pending, r.ClosureUnknown));
        Assert.Null(r.Rate);
        Assert.Empty(r.OpenLoops);
    }

    [Fact]
    public void Cms50_FirstReferralWithClosureUnknown_LeavesThePatientOut()
    {
        Referral[] referrals =
        [
            Unknown("R1", "A", 3, 1),                         // A's first referral: closure unknown, so A is left out
            R("R2", "A", 4, 1, new DateOnly(2025, 4, 20)),    // not A's first: does not stand in for it
            R("R3", "B", 5, 1, null),                         // B: open
            R("R4", "C", 6, 1, new DateOnly(2025, 7, 1)),     // C: closed
        ];
        var r = ReferralLoopClosure.Compute(referrals, Year, new DateOnly(2026, 3, 1), ReferralClosureMode.Cms50);
        Assert.Equal((2, 1, 1), (r.Eligible, r.Closed, r.ClosureUnknown));
        Assert.Equal(["R3"], r.OpenLoops.Select(o => o.ReferralId));
        var none = ReferralLoopClosure.Compute([Unknown("R1", "A", 3, 1), Unknown("R2", "B", 4, 1)], Year, new DateOnly(2026, 3, 1), ReferralClosureMode.Cms50);
        Assert.Equal((0, 2), (none.Eligible, none.ClosureUnknown));
        Assert.Null(none.Rate);
    }
}
