using System.Collections.Immutable;
using System.Text.Json;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PatientCentric.Jobs;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Serialization;
using PatientCentric.Tests.Touchpoints;
using static PatientCentric.Tests.TestData;

namespace PatientCentric.Tests.Scoring;

/// <summary>The whole evaluation as accumulate, merge, finish (docs/scale.md#the-evaluation-in-pieces): a data set's
/// patients and practice-level records split into random shards, each accumulated, merged in a random tree and order
/// (also through the serialized partial) and finished, give the results JSON of one <see cref="PracticeEvaluator.Evaluate(PracticeDataSet, MeasurementPeriod?, Profile?, CancellationToken)"/>.</summary>
public sealed class EvaluationPartialTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<PracticeDataSet> Sample = new(ShardMergeTests.LoadSample);

    [Property(MaxTest = 30)]
    public bool Finish_OfMergedRandomShards_EqualsEvaluate(int seed)
    {
        var random = new Random(seed);
        var data = WithJobsAndReviews(ShardMergeTests.SmallDataSet(random), random);
        var evaluator = Evaluator();
        string expected = Json(evaluator.Evaluate(data, January, Lenient));
        var partials = Shards(data, random.Next(1, 6), random).Select(s => evaluator.Accumulate(s, January, Lenient))
            .Select(p => random.Next(2) == 0 ? RoundTrip(p) : p).ToList();
        return Json(evaluator.Finish(MergeRandomly(evaluator, partials, random, throughJson: true))) == expected;
    }

    [Fact]
    public void Finish_OfMergedShardsOfTheBundledSample_EqualsEvaluate()
    {
        var random = new Random(20260115);
        var data = Sample.Value;
        var evaluator = Evaluator();
        string expected = Json(evaluator.Evaluate(data));
        var partials = Shards(data, 4, random).Select(s => evaluator.Accumulate(s)).ToList();
        Assert.Equal(expected, Json(evaluator.Finish(MergeRandomly(evaluator, partials, random, throughJson: true))));
    }

    [Property(MaxTest = 30)]
    public bool PatientsOnDisk_MergedBack_GiveTheSamePatientCardsAndPlans_AndTheRestIsUnchanged(int seed)
    {
        var random = new Random(seed);
        var data = WithJobsAndReviews(ShardMergeTests.SmallDataSet(random), random);
        var evaluator = Evaluator();
        var whole = evaluator.Evaluate(data, January, Lenient);
        var partials = Shards(data, random.Next(1, 6), random).Select(s => evaluator.Accumulate(s, January, Lenient)).ToList();
        var files = partials.Select(p =>
        {
            var file = new MemoryStream();
            p.WritePatientsTo(file);
            file.Position = 0;
            return (Stream)file;
        }).ToList();
        var population = partials.Select(p => p.WithoutPatients()).ToList();
        var finished = evaluator.Finish(MergeRandomly(evaluator, population, random, throughJson: true));
        var patients = EvaluationPartial.ReadPatients(files).ToList();
        return population.All(p => p.PatientCount == 0)
               && partials.Sum(p => p.PatientCount) == patients.Count
               && finished.PatientCards.IsEmpty && finished.SupportPlans.IsEmpty
               && Json(finished with { PatientCards = [.. patients.SelectMany(p => p.Cards)], SupportPlans = [.. patients.Select(p => p.Plan).OfType<SupportPlan>()] }) == Json(whole);
    }

    [Fact]
    public void ReadPatients_OfADamagedLine_IsADataError_WithoutTheLine()
    {
        using var file = new MemoryStream("[\"P-SENTINEL-2\"]\n"u8.ToArray());
        var error = Assert.Throws<PatientCentricDataException>(() => EvaluationPartial.ReadPatients([file]).ToList());
        Assert.Contains("PC0123", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("P-SENTINEL-2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_OfTheSamePatientInTwoShards_IsRefused()
    {
        var evaluator = Evaluator();
        var data = Data() with { MedicationFills = [new MedicationFill("F1", "P-SENTINEL-1", "DRUG", new DateOnly(2025, 1, 2), 30)] };
        var a = evaluator.Accumulate(data, January, Lenient);
        var error = Assert.Throws<PatientCentricDataException>(() => evaluator.Merge(a, evaluator.Accumulate(data, January, Lenient)));
        Assert.Contains("PC0113", error.Message, StringComparison.Ordinal);
        Assert.Contains("shards must split the data by patient", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("P-SENTINEL-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_OfDifferentSurveyItems_NamesTheConfiguration()
    {
        var evaluator = Evaluator();
        var a = evaluator.Accumulate(Data(), January, Lenient);
        var b = evaluator.Accumulate(Data(items: [new SurveyItem("recommend", "Recommend?", SurveyItemKind.LikelihoodToRecommend, ZeroToTen, InteractionRole.Customer)]), January, Lenient);
        var error = Assert.Throws<PatientCentricDataException>(() => evaluator.Merge(a, b));
        Assert.Contains("the practice configurations differ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_OfDifferentPeriods_IsRefused()
    {
        var evaluator = Evaluator();
        var a = evaluator.Accumulate(Data(), January, Lenient);
        var b = evaluator.Accumulate(Data(), new MeasurementPeriod(new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 28)), Lenient);
        Assert.Contains("the measurement periods differ", Assert.Throws<PatientCentricDataException>(() => evaluator.Merge(a, b)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_WithAHostScorerThatIsNotACombiner_NamesTheScorer_ButOneShardStillFinishes()
    {
        using var services = new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider(AsOf))
            .AddPatientCentric(pc => pc.AddTouchpointScorer<PlainCount>()).BuildServiceProvider();
        var evaluator = services.GetRequiredService<PracticeEvaluator>();
        var profile = Lenient with { EnabledStrategies = Lenient.EnabledStrategies.Add(PlainCount.Name) };
        var data = Data([Kept(Jan(6, 9)), Kept(Jan(7, 9))]);
        var partial = evaluator.Accumulate(data, January, profile);
        Assert.Equal(Json(evaluator.Evaluate(data, January, profile)), Json(evaluator.Finish(partial)));
        var error = Assert.Throws<PatientCentricDataException>(() => evaluator.Merge(partial, evaluator.Accumulate(Data(), January, profile)));
        Assert.Contains($"the scorer \"{PlainCount.Name}\" is not a combiner", error.Message, StringComparison.Ordinal);
    }

    // Merges partials two at a time, picked at random, until one is left.
    internal static EvaluationPartial MergeRandomly(PracticeEvaluator evaluator, List<EvaluationPartial> partials, Random random, bool throughJson)
    {
        while (partials.Count > 1)
        {
            int i = random.Next(partials.Count), j = random.Next(partials.Count - 1);
            if (j >= i) j++;
            var merged = evaluator.Merge(partials[i], partials[j]);
            if (throughJson && random.Next(2) == 0)
                merged = RoundTrip(merged);
            partials.RemoveAt(Math.Max(i, j));
            partials.RemoveAt(Math.Min(i, j));
            partials.Insert(random.Next(partials.Count + 1), merged);
        }
        return partials[0];
    }

    internal static EvaluationPartial RoundTrip(EvaluationPartial partial)
    {
        using var buffer = new MemoryStream();
        partial.WriteTo(buffer);
        buffer.Position = 0;
        return EvaluationPartial.ReadFrom(buffer);
    }

    internal static PracticeEvaluator Evaluator() =>
        new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider(AsOf)).AddPatientCentric().BuildServiceProvider()
            .GetRequiredService<PracticeEvaluator>();

    internal static string Json(PracticeEvaluation evaluation) => JsonSerializer.Serialize(evaluation, PatientCentricJsonContext.Default.PracticeEvaluation);

    // Adds fills, referrals, jobs, clinician ratings and barriers for the data set's patients, reviews, a second service
    // line and a second clinician, with dates that tie, so every per-patient and practice-level path is reached.
    private static PracticeDataSet WithJobsAndReviews(PracticeDataSet data, Random random)
    {
        var patients = Enumerable.Range(0, 6).Select(i => $"P{i}").ToArray();
        DateOnly Day() => new(2025, 1, random.Next(1, 32));
        string Line() => random.Next(3) == 0 ? "dermatology" : "primary-care";
        return data with
        {
            Appointments = [.. data.Appointments.Select(a => random.Next(3) == 0 ? a with { ServiceLine = "dermatology", ClinicianKey = "C2" } : a)],
            MedicationFills = [.. Enumerable.Range(0, random.Next(0, 12)).Select(i => new MedicationFill($"F{i}", patients[random.Next(6)], random.Next(2) == 0 ? "STATIN" : "METFORMIN", Day().AddDays(-random.Next(60)), 30))],
            Referrals = [.. Enumerable.Range(0, random.Next(0, 6)).Select(i => new Referral($"R{i}", patients[random.Next(6)], Line(), "cardiology", Day(), random.Next(2) == 0 ? null : Day()))],
            Jobs = [.. Enumerable.Range(0, random.Next(0, 10)).Select(i =>
            {
                var assigned = Day();
                return new PatientJob($"J{i}", patients[random.Next(6)], Line(), PatientJobKind.CompletePreVisitForm, assigned, assigned.AddDays(random.Next(0, 10)),
                    random.Next(3) == 0 ? null : assigned.AddDays(random.Next(0, 14)));
            })],
            ClinicianRatings = [.. Enumerable.Range(0, random.Next(0, 5)).Select(_ => new ClinicianRating(patients[random.Next(6)], PatientJobKind.TakeMedication, random.Next(1, 6), Day()))],
            Reviews = [.. Enumerable.Range(0, random.Next(0, 6)).Select(i => new Review($"V{i}", Line(), Day(),
                random.Next(2) == 0 ? "The wait was long and nobody called back." : "Friendly staff, on time and clear about the bill."))],
        };
    }

    // Every record of one patient goes to one random shard; practice-level records (calls, snapshots, complaints,
    // reviews) to any shard; the primary-customer block to a random non-empty set of shards; settings travel whole.
    internal static IEnumerable<PracticeDataSet> Shards(PracticeDataSet data, int count, Random random)
    {
        var shardOf = new Dictionary<string, int>(StringComparer.Ordinal);
        int Of(string patientKey) => shardOf.TryGetValue(patientKey, out int k) ? k : shardOf[patientKey] = random.Next(count);
        int[] Anywhere<T>(ImmutableArray<T> records) => [.. records.Select(_ => random.Next(count))];
        var calls = Anywhere(data.Calls);
        var snapshots = Anywhere(data.AvailabilitySnapshots);
        var complaints = Anywhere(data.BillingComplaints);
        var reviews = Anywhere(data.Reviews);
        var withPractice = Enumerable.Range(0, count).Select(_ => random.Next(2) == 0).ToArray();
        withPractice[random.Next(count)] = true;
        return Enumerable.Range(0, count).Select(k => data with
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
            Calls = [.. data.Calls.Where((_, i) => calls[i] == k)],
            AvailabilitySnapshots = [.. data.AvailabilitySnapshots.Where((_, i) => snapshots[i] == k)],
            BillingComplaints = [.. data.BillingComplaints.Where((_, i) => complaints[i] == k)],
            Reviews = [.. data.Reviews.Where((_, i) => reviews[i] == k)],
            PrimaryCustomer = withPractice[k] ? data.PrimaryCustomer : null,
            KpiSeries = withPractice[k] ? data.KpiSeries : [],
            AssumptionBindings = withPractice[k] ? data.AssumptionBindings : [],
        }).ToList();
    }

    // A host's scorer that is not a combiner: the number of kept visits.
    private sealed class PlainCount : PatientCentric.Touchpoints.ITouchpointScorer
    {
        public const string Name = "test-plain-count";

        public string Key => Name;

        public PatientCentric.Touchpoints.TouchpointKind Kind => PatientCentric.Touchpoints.TouchpointKind.Access;

        public MeasureCategory Category => MeasureCategory.Operational;

        public ImmutableArray<ScoreCard> Score(PracticeDataSet data, ScoringContext context) =>
            [ScoreCard.Ok(Name, context.Scope, data.Appointments.Count(a => a.Outcome == AppointmentOutcome.Kept), ScoreScale.Count, 1, 0, [])];
    }
}
