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
}
