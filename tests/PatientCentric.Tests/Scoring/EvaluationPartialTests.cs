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

    // Shards that declare only the service lines their own records name (as FHIR shards do), so that their line sets
    // differ, merged in a random tree and order (some through bytes), give one pass over their union byte for byte: the
    // union's lines in the order of a shard that declares them all (sometimes one declares the data set's whole list,
    // lines without records included), or else in key order.
    [Property(MaxTest = 40)]
    public bool Finish_OfMergedShardsWithDifferentServiceLines_EqualsEvaluate(int seed)
    {
        var random = new Random(seed);
        var data = WithJobsAndReviews(ShardMergeTests.SmallDataSet(random), random);
        var evaluator = Evaluator();
        var shards = Shards(data, random.Next(2, 6), random).Select(WithItsOwnServiceLines).ToList();
        bool oneDeclaresAll = random.Next(2) == 0;
        if (oneDeclaresAll)
        {
            int k = random.Next(shards.Count);
            shards[k] = shards[k] with { ServiceLines = data.ServiceLines };
        }
        var lines = shards.SelectMany(s => s.ServiceLines).DistinctBy(l => l.Key).ToList();
        var union = data with
        {
            ServiceLines = shards.FirstOrDefault(s => s.ServiceLines.Length == lines.Count)?.ServiceLines ?? [.. lines.OrderBy(l => l.Key, StringComparer.Ordinal)],
        };
        string expected = Json(evaluator.Evaluate(union, January, Lenient));
        var partials = shards.Select(s => evaluator.Accumulate(s, January, Lenient)).Select(p => random.Next(2) == 0 ? RoundTrip(p) : p).ToList();
        return Json(evaluator.Finish(MergeRandomly(evaluator, partials, random, throughJson: true))) == expected;
    }

    [Fact]
    public void Merge_OfShardsWhereOneLacksAServiceLine_EqualsEvaluate_AndListsTheConfiguredOrder()
    {
        var evaluator = Evaluator();
        string other = Enumerable.Range(0, 50).Select(i => $"P{i}").First(k => StableHash.ShardOf(k, 2) != StableHash.ShardOf("P-TEST", 2));
        var data = Data([Kept(Jan(6, 10)), Kept(Jan(7, 9)), Kept(Jan(6, 9), line: "dermatology") with { PatientKey = other, ClinicianKey = "C2" }]);
        var shards = data.SplitByPatient(2).Select(WithItsOwnServiceLines).ToList();
        Assert.Contains(shards, s => s.ServiceLines.Length == 1);   // the split gives shards different lines

        var merged = evaluator.Finish(evaluator.Merge(evaluator.Accumulate(shards[1], January, Lenient), evaluator.Accumulate(shards[0], January, Lenient)));

        Assert.Equal(Json(evaluator.Evaluate(data with { ServiceLines = [.. data.ServiceLines.OrderBy(l => l.Key, StringComparer.Ordinal)] }, January, Lenient)), Json(merged));
        Assert.Equal(["dermatology", "primary-care"], merged.Cards.Where(c => c.Scope.Level == ScopeLevel.ServiceLine).Select(c => c.Scope.Key).Distinct());
    }

    [Fact]
    public void Merge_OfOneServiceLineKeyWithTwoNames_IsRefused_NamingTheLine()
    {
        var evaluator = Evaluator();
        var a = evaluator.Accumulate(Data() with { ServiceLines = [new ServiceLine("dermatology", "Dermatology")] }, January, Lenient);
        var b = evaluator.Accumulate(Data() with { ServiceLines = [new ServiceLine("dermatology", "Skin clinic")] }, January, Lenient);

        var error = Assert.Throws<PatientCentricDataException>(() => evaluator.Merge(a, RoundTrip(b)));

        Assert.Equal("PC0113", Assert.Single(error.Errors).Code);
        Assert.Contains("the service line \"dermatology\" has a different name in each partial", error.Message, StringComparison.Ordinal);
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
    // reviews) to any shard; the primary-customer block to a random non-empty set of shards; settings travel whole. The
    // split itself is PracticeDataSet.SplitByPatient's, with random choices.
    internal static IEnumerable<PracticeDataSet> Shards(PracticeDataSet data, int count, Random random)
    {
        var withPractice = Enumerable.Range(0, count).Select(_ => random.Next(2) == 0).ToArray();
        withPractice[random.Next(count)] = true;
        return data.Split(count, _ => random.Next(count), () => random.Next(count), k => withPractice[k]);
    }

    // The service lines a shard's records name, in the data set's order: what a FHIR shard declares (it derives its lines
    // from its own resources), so shards of one practice declare different lines.
    internal static PracticeDataSet WithItsOwnServiceLines(PracticeDataSet shard)
    {
        var used = shard.Appointments.Select(x => x.ServiceLine).Concat(shard.SurveyReturns.Select(x => x.ServiceLine))
            .Concat(shard.Referrals.Select(x => x.ServiceLine)).Concat(shard.Claims.Select(x => x.ServiceLine))
            .Concat(shard.Jobs.Select(x => x.ServiceLine)).Concat(shard.PortalThreads.Select(x => x.ServiceLine))
            .Concat(shard.Calls.Select(x => x.ServiceLine)).Concat(shard.PriceEstimates.Select(x => x.ServiceLine))
            .Concat(shard.Statements.Select(x => x.ServiceLine)).Concat(shard.BillingComplaints.Select(x => x.ServiceLine))
            .Concat(shard.OutreachContacts.Select(x => x.ServiceLine)).Concat(shard.AvailabilitySnapshots.Select(x => x.ServiceLine))
            .Concat(shard.Reviews.Select(x => x.ServiceLine)).ToHashSet(StringComparer.Ordinal);
        return shard with { ServiceLines = [.. shard.ServiceLines.Where(l => used.Contains(l.Key))] };
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
