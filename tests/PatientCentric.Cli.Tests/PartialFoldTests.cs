using System.Collections.Immutable;
using System.Text.Json;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;
using PatientCentric.Cli.Sample;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Serialization;

namespace PatientCentric.Cli.Tests;

/// <summary>The partitioned run's fold of partials (<see cref="PartialFold"/>): whatever order the partitions finish in,
/// it finishes as one pass over the whole data set, and it holds a few partials at a time rather than one per partition.</summary>
public sealed class PartialFoldTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<(PracticeEvaluator Evaluator, PracticeDataSet Data, string OnePass)> Setup = new(() =>
    {
        var evaluator = new ServiceCollection().AddSingleton<TimeProvider>(new FixedTimeProvider(AsOf)).AddPatientCentric()
            .BuildServiceProvider().GetRequiredService<PracticeEvaluator>();
        var data = SamplePracticeGenerator.Generate(SamplePracticeGenerator.DefaultSeed, 120);
        return (evaluator, data, Json(evaluator.Evaluate(data)));
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    [Property(MaxTest = 15)]
    public bool Fold_OfPartitionsFinishingInAnyOrder_FinishesAsOnePass(int seed)
    {
        var random = new Random(seed);
        var (evaluator, data, onePass) = Setup.Value;
        int count = random.Next(1, 10);
        var partials = ByPatient(data, count, random).Select(shard => evaluator.Accumulate(shard, cancellationToken: TestContext.Current.CancellationToken)).ToArray();
        var fold = new PartialFold(evaluator, count);
        foreach (int k in Enumerable.Range(0, count).OrderBy(_ => random.Next()))
            fold.Add(k, partials[k]);
        return Json(evaluator.Finish(fold.Result(), TestContext.Current.CancellationToken)) == onePass;
    }

    [Property(MaxTest = 10)]
    public bool ChangeHeld_TakingThePatientsOutPartWay_LeavesThePopulationAsOnePass_AndEveryPatientOnce(int seed)
    {
        var random = new Random(seed);
        var (evaluator, data, _) = Setup.Value;
        int count = random.Next(2, 9);
        var partials = ByPatient(data, count, random).Select(shard => evaluator.Accumulate(shard, cancellationToken: TestContext.Current.CancellationToken)).ToArray();
        var fold = new PartialFold(evaluator, count);
        var order = Enumerable.Range(0, count).OrderBy(_ => random.Next()).ToArray();
        int changeAfter = random.Next(1, count);
        var taken = new List<EvaluationPartial>();
        for (int i = 0; i < count; i++)
        {
            fold.Add(order[i], partials[order[i]]);
            if (i + 1 == changeAfter)
            {
                fold.ChangeHeld(held =>
                {
                    Assert.True(held.PatientCount > 0);
                    taken.Add(held);
                    return held.WithoutPatients();
                });
                // Every partial added so far, waiting or merged, gave its patients: none is left to change.
                fold.ChangeHeld(_ => throw new InvalidOperationException("a held partial still has patients"));
                if (taken.Sum(p => p.PatientCount) != order.Take(changeAfter).Sum(k => partials[k].PatientCount))
                    return false;
            }
        }
        var merged = fold.Result();
        // The patients taken out and those left are the whole set, each once.
        int patients = partials.Sum(p => p.PatientCount);
        bool whole = taken.Sum(p => p.PatientCount) + merged.PatientCount == patients;
        var population = Json(evaluator.Finish(merged.WithoutPatients(), TestContext.Current.CancellationToken));
        var onePass = Json(evaluator.Finish(partials.Aggregate(evaluator.Merge).WithoutPatients(), TestContext.Current.CancellationToken));
        return whole && population == onePass;
    }

    [Fact]
    public void Fold_OfPartitionsFinishingInOrder_HoldsAboutLogTwoPartials()
    {
        var (evaluator, data, onePass) = Setup.Value;
        const int count = 16;
        var partials = ByPatient(data, count, new Random(7)).Select(shard => evaluator.Accumulate(shard, cancellationToken: TestContext.Current.CancellationToken)).ToArray();
        var fold = new PartialFold(evaluator, count);
        int most = 0;
        for (int k = 0; k < count; k++)
        {
            fold.Add(k, partials[k]);
            most = Math.Max(most, fold.Held);
        }
        Assert.Equal(1, fold.Held);   // 16 = 2^4 partitions merge into one
        Assert.Equal(4, most);         // at most one partial per binary digit of the partitions taken so far (15 = 1111₂)
        Assert.Equal(onePass, Json(evaluator.Finish(fold.Result(), TestContext.Current.CancellationToken)));
    }

    [Fact]
    public void Fold_RefusesAPartitionAddedTwice_AndAResultBeforeEveryPartition()
    {
        var (evaluator, data, _) = Setup.Value;
        var partial = evaluator.Accumulate(data, cancellationToken: TestContext.Current.CancellationToken);
        var fold = new PartialFold(evaluator, 2);
        fold.Add(1, partial);
        Assert.Throws<InvalidOperationException>(() => fold.Add(1, partial));
        Assert.Throws<InvalidOperationException>(fold.Result);
    }

    private static string Json(PracticeEvaluation evaluation) => JsonSerializer.Serialize(evaluation, PatientCentricJsonContext.Default.PracticeEvaluation);

    // Every record of one patient goes to one random shard; practice-level records and settings go to shard 0 (the
    // partitioned read puts records without a patient in partition 0 too).
    private static List<PracticeDataSet> ByPatient(PracticeDataSet data, int count, Random random)
    {
        var shardOf = new Dictionary<string, int>(StringComparer.Ordinal);
        int Of(string patientKey) => shardOf.TryGetValue(patientKey, out int k) ? k : shardOf[patientKey] = random.Next(count);
        return [.. Enumerable.Range(0, count).Select(k => data with
        {
            Appointments = [.. data.Appointments.Where(a => Of(a.PatientKey) == k)],
            OutreachContacts = [.. data.OutreachContacts.Where(c => Of(c.PatientKey) == k)],
            PortalThreads = [.. data.PortalThreads.Where(t => Of(t.PatientKey) == k)],
            SurveyReturns = [.. data.SurveyReturns.Where(r => Of(r.PatientKey) == k)],
            Claims = [.. data.Claims.Where(c => Of(c.PatientKey) == k)],
            PriceEstimates = [.. data.PriceEstimates.Where(e => Of(e.PatientKey) == k)],
            Statements = [.. data.Statements.Where(t => Of(t.PatientKey) == k)],
            MedicationFills = [.. data.MedicationFills.Where(f => Of(f.PatientKey) == k)],
            Referrals = [.. data.Referrals.Where(r => Of(r.PatientKey) == k)],
            Jobs = [.. data.Jobs.Where(j => Of(j.PatientKey) == k)],
            ClinicianRatings = [.. data.ClinicianRatings.Where(r => Of(r.PatientKey) == k)],
            Barriers = [.. data.Barriers.Where(b => Of(b.PatientKey) == k)],
            Calls = k == 0 ? data.Calls : [],
            AvailabilitySnapshots = k == 0 ? data.AvailabilitySnapshots : [],
            BillingComplaints = k == 0 ? data.BillingComplaints : [],
            Reviews = k == 0 ? data.Reviews : [],
            PrimaryCustomer = k == 0 ? data.PrimaryCustomer : null,
            KpiSeries = k == 0 ? data.KpiSeries : [],
            AssumptionBindings = k == 0 ? data.AssumptionBindings : [],
        })];
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
