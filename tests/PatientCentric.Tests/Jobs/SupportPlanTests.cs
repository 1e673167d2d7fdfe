using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using PatientCentric.Jobs;
using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Tests.Jobs;

public sealed class SupportPlanTests
{
    private static readonly MeasurementPeriod Year = new(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));

    private static PracticeEvaluation Evaluate(PracticeDataSet data)
    {
        using var provider = new ServiceCollection().AddSingleton<TimeProvider>(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)))
            .AddPatientCentric().BuildServiceProvider();
        return provider.GetRequiredService<PracticeEvaluator>().Evaluate(data, Year, TestData.Lenient);
    }

    private static PracticeDataSet Data(IEnumerable<MedicationFill>? fills = null, IEnumerable<PatientJob>? jobs = null,
                                        IEnumerable<BarrierReport>? barriers = null, IEnumerable<ClinicianRating>? ratings = null) =>
        TestData.Data() with
        {
            Period = Year,
            MedicationFills = [.. fills ?? []],
            Jobs = [.. jobs ?? []],
            Barriers = [.. barriers ?? []],
            ClinicianRatings = [.. ratings ?? []],
        };

    [Fact]
    public void LowPdcWithACostBarrier_SuggestsCostSupports_WithTheEvidence()
    {
        var fills = new[] { new MedicationFill("F1", "P1", "atorvastatin", new DateOnly(2025, 1, 1), 30), new MedicationFill("F2", "P1", "ATORVASTATIN", new DateOnly(2025, 6, 1), 30) };
        var e = Evaluate(Data(fills, barriers: [new BarrierReport("P1", PatientJobKind.TakeMedication, JobBarrier.Cost, new DateOnly(2025, 7, 1))]));
        var item = Assert.Single(Assert.Single(e.SupportPlans).Items);
        Assert.Equal(("pdc:statins", PatientJobKind.TakeMedication, JobBarrier.Cost), (item.MeasureKey, item.JobKind, item.Barrier));
        Assert.Equal([SupportAction.FinancialCounselling, SupportAction.LowerCostAlternative], item.Supports);
        Assert.Equal(60.0 / 365, item.Performance, precision: 15);
        Assert.Contains(item.Evidence, c => c.Name == "days-covered" && c.InputValue == 60);
    }

    [Fact]
    public void MissedLab_WithNoBarrierRecorded_SuggestsAnOutreachCall_AndNoMedicationOnlySupports()
    {
        var jobs = new[] { new PatientJob("J1", "P2", "primary-care", PatientJobKind.CompleteLab, new DateOnly(2025, 2, 1), new DateOnly(2025, 3, 3)) };
        var plan = Assert.Single(Evaluate(Data(jobs: jobs)).SupportPlans);
        Assert.Equal([SupportAction.OutreachCall], Assert.Single(plan.Items).Supports);

        var forgetting = Evaluate(Data(jobs: jobs, barriers: [new BarrierReport("P2", PatientJobKind.CompleteLab, JobBarrier.Forgetting, new DateOnly(2025, 4, 1))]));
        Assert.Equal([SupportAction.Reminders], Assert.Single(Assert.Single(forgetting.SupportPlans).Items).Supports);   // no refill synchronisation for a lab
    }

    [Fact]
    public void AdherentPatient_OnTimeJobs_HaveNoPlan()
    {
        var fills = Enumerable.Range(0, 4).Select(i => new MedicationFill($"F{i}", "P3", "LISINOPRIL", new DateOnly(2025, 1, 1).AddDays(90 * i), 90));
        var jobs = new[] { new PatientJob("J1", "P3", "primary-care", PatientJobKind.CompleteLab, new DateOnly(2025, 2, 1), new DateOnly(2025, 3, 3), new DateOnly(2025, 2, 20)) };
        Assert.Empty(Evaluate(Data(fills, jobs)).SupportPlans);
    }

    [Fact]
    public void ClinicianRatings_FeedThePlanOnlyWithAtLeastKRatings()
    {
        ClinicianRating Rate(int r, int day) => new("P4", PatientJobKind.TakeMedication, r, new DateOnly(2025, 5, day));
        Assert.Empty(Evaluate(Data(ratings: [Rate(1, 1), Rate(1, 2)])).SupportPlans);               // k = 3 not reached
        var item = Assert.Single(Assert.Single(Evaluate(Data(ratings: [Rate(1, 1), Rate(1, 2), Rate(2, 3)])).SupportPlans).Items);
        Assert.Equal("clinician-rating", item.MeasureKey);
        Assert.Equal((5.0 * 3 + 4) / 8, item.Performance, precision: 15);                           // shrunk: 19/8 < 3
        Assert.Empty(Evaluate(Data(ratings: [Rate(9, 1), Rate(9, 2), Rate(9, 3)])).SupportPlans);   // ratings off the scale are not used
    }

    [Fact]
    public void Population_SumsPatientsInto_AdherentOverEligible()
    {
        var fills = new List<MedicationFill>();
        for (int p = 0; p < 25; p++)   // 20 adherent (full year), 5 not (one 30-day fill then one in December)
        {
            bool adherent = p < 20;
            fills.Add(new MedicationFill($"F{p}a", $"P{p}", "METFORMIN", new DateOnly(2025, 1, 1), adherent ? 200 : 30));
            fills.Add(new MedicationFill($"F{p}b", $"P{p}", "METFORMIN", new DateOnly(2025, 7, 1), adherent ? 200 : 30));
        }
        var card = Evaluate(Data(fills)).Cards.Single(c => c.MeasureKey == "pdc:diabetes" && c.Scope == ScoreScope.Practice);
        Assert.Equal(20.0 / 25, card.Value!.Value, precision: 15);
        Assert.Equal(25, card.EvidenceCount);
    }

    [Fact]
    public void JobScorers_AreRefusedForNonEmployeeRoles()
    {
        using var provider = new ServiceCollection().AddPatientCentric().BuildServiceProvider();
        var scorer = provider.GetRequiredService<StrategyRegistry>().JobScorers.First();
        var card = Assert.Single(PracticeEvaluator.Score(scorer, new PatientTimeline("P", [], []), TestData.Context() with { Role = InteractionRole.Customer }));
        Assert.Equal(ScoreStatus.GuardrailBlocked, card.Status);
    }

    [Fact]
    public void NoPublicApi_OffersJobPerformanceAsAReasonToDenyCare()
    {
        // DOMAIN.md §9: job scores feed support plans only. No public member may even be named as a care decision.
        // Names are split into their PascalCase words, so "DurationDays" is not mistaken for "ration".
        string[] forbidden = ["deny", "denial", "decline", "discharge", "deprioritise", "deprioritize", "priority", "ration", "rationing", "refuse", "reject", "price", "grade"];
        var names = typeof(SupportPlan).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == "PatientCentric.Jobs")
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).Select(m => $"{t.Name}.{m.Name}")
                .Append(t.Name))
            .Concat(Enum.GetNames<SupportAction>());
        static IEnumerable<string> Words(string name) =>
            System.Text.RegularExpressions.Regex.Matches(name, "[A-Z]?[a-z]+|[A-Z]+(?![a-z])").Select(m => m.Value.ToLowerInvariant());
        Assert.DoesNotContain(names, n => Words(n).Any(w => forbidden.Contains(w)));
    }
}
