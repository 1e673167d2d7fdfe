using Microsoft.Extensions.DependencyInjection;
using PatientCentric.Jobs;
using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Tests.Jobs;

/// <summary>The <c>referral-closure</c> job scorer per patient and its population card (DOMAIN.md §4.3, referral level),
/// with referrals whose closure the source cannot show (<see cref="Referral.ClosureUnknown"/>).</summary>
public sealed class ReferralClosureScorerTests
{
    private static readonly MeasurementPeriod Year = new(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));

    private static PracticeEvaluation Evaluate(params Referral[] referrals) => Evaluate(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), referrals);

    private static PracticeEvaluation Evaluate(DateTimeOffset asOf, params Referral[] referrals)
    {
        using var provider = new ServiceCollection().AddSingleton<TimeProvider>(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(asOf))
            .AddPatientCentric().BuildServiceProvider();
        return provider.GetRequiredService<PracticeEvaluator>().Evaluate(TestData.Data() with { Period = Year, Referrals = [.. referrals] }, Year, TestData.Lenient);
    }

    private static Referral R(string id, string patient, int month, DateOnly? received = null, bool unknown = false) =>
        new Referral(id, patient, "primary-care", "cardiology", new DateOnly(2025, month, 1), received) { ClosureUnknown = unknown };

    private static ScoreCard Practice(PracticeEvaluation e) => e.Cards.Single(c => c.MeasureKey == "referral-closure" && c.Scope == ScoreScope.Practice);

    private static ScoreCard Patient(PracticeEvaluation e, string patient) =>
        e.PatientCards.Single(c => c.MeasureKey == "referral-closure" && c.Scope == ScoreScope.Patient(patient));

    private static double? Component(ScoreCard card, string name) => card.Components.SingleOrDefault(c => c.Name == name)?.InputValue;

    [Fact]
    public void Score_WhenEveryClosureIsKnowable_IsUnchanged_OpenLoopsCountAndCallForSupport()
    {
        var e = Evaluate(R("R1", "A", 1, new DateOnly(2025, 1, 20)), R("R2", "A", 2), R("R3", "B", 3));
        var practice = Practice(e);
        Assert.Equal((ScoreStatus.Ok, 1.0 / 3, 3, 0), (practice.Status, practice.Value, practice.EvidenceCount, practice.ExcludedCount));
        Assert.DoesNotContain(practice.Components, c => c.Name.StartsWith(ScoreComponent.ExclusionPrefix, StringComparison.Ordinal));
        Assert.Equal(0.0, Patient(e, "B").Value);
        Assert.Contains(e.SupportPlans, p => p.PatientKey == "B");
    }

    [Fact]
    public void Score_WhenSomeClosuresAreUnknown_LeavesThemOutAndCountsThem_UnderTheReasonCode()
    {
        // A: one closed, one open. B: two referrals whose closure cannot be seen. The rate is 1 of 2, not 1 of 4.
        var e = Evaluate(R("R1", "A", 1, new DateOnly(2025, 1, 20)), R("R2", "A", 2), R("R3", "B", 3, unknown: true), R("R4", "B", 12, unknown: true));
        var practice = Practice(e);
        Assert.Equal((ScoreStatus.Ok, 0.5, 2, 2), (practice.Status, practice.Value, practice.EvidenceCount, practice.ExcludedCount));
        Assert.Equal(2.0, Component(practice, "excluded:closure-not-recorded"));
        var b = Patient(e, "B");
        Assert.Equal((ScoreStatus.NotApplicable, 0, 2), (b.Status, b.EvidenceCount, b.ExcludedCount));
        Assert.Equal(ReferralClosureScorer.ClosureNotRecordedReason, b.StatusReason);
        Assert.Equal(0.0, Component(b, "open-loops"));   // an unknown closure is not an open loop
        Assert.DoesNotContain(e.SupportPlans, p => p.PatientKey == "B");
    }

    [Fact]
    public void Score_WhenNoClosureIsKnowable_IsNotApplicableWithTheReason_NotZeroPercent()
    {
        var e = Evaluate(R("R1", "A", 1, unknown: true), R("R2", "A", 2, unknown: true), R("R3", "B", 3, unknown: true));
        var practice = Practice(e);
        Assert.Equal(ScoreStatus.NotApplicable, practice.Status);
        Assert.Null(practice.Value);
        Assert.Equal((0, 3), (practice.EvidenceCount, practice.ExcludedCount));
        Assert.Equal(ReferralClosureScorer.ClosureNotRecordedReason, practice.StatusReason);
        Assert.StartsWith("No referral in the period can show whether its loop closed", practice.StatusReason, StringComparison.Ordinal);
        Assert.Equal(3.0, Component(practice, "excluded:closure-not-recorded"));
        Assert.All(e.PatientCards.Where(c => c.MeasureKey == "referral-closure"), c => Assert.Equal(ScoreStatus.NotApplicable, c.Status));
        Assert.Empty(e.SupportPlans);   // no made-up open loops to chase
    }

    [Fact]
    public void Score_WhenEveryReferralIsStillInsideItsWindow_StaysInsufficientData()
    {
        // Pending is not absent data: the evidence is still to come, so the population card keeps InsufficientData.
        var practice = Practice(Evaluate(new DateTimeOffset(2025, 12, 31, 0, 0, 0, TimeSpan.Zero), R("R1", "A", 12), R("R2", "B", 12)));
        Assert.Equal((ScoreStatus.InsufficientData, 0, 0), (practice.Status, practice.EvidenceCount, practice.ExcludedCount));
    }
}
