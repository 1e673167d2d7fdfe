using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Serialization;
using PatientCentric.Touchpoints;
using static PatientCentric.Tests.TestData;

namespace PatientCentric.Tests.Scoring;

/// <summary>The serialized partial evaluation (docs/scale.md#the-serialized-partial): what <see cref="EvaluationPartial.WriteTo"/>
/// writes, <see cref="EvaluationPartial.ReadFrom"/> reads back into a partial that finishes and merges exactly as the
/// original; a stream that is not such a partial is refused with its code and JSON path, never a value.</summary>
public sealed class EvaluationPartialSerializationTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);
    // Signed zeros, the smallest subnormal, the largest subnormal, the extremes and values with no short decimal form.
    private static readonly double[] EdgeDoubles = [-0.0, 0.0, double.Epsilon, -double.Epsilon, 2.2250738585072009e-308, double.MaxValue, double.MinValue, 0.1, 1.0 / 3];
    private static readonly Lazy<PracticeDataSet> Sample = new(Touchpoints.ShardMergeTests.LoadSample);

    // One small partial with every kind of slot, written once: the damaged copies below are made from it.
    private static readonly Lazy<string> Written = new(() =>
    {
        var evaluator = EvaluationPartialTests.Evaluator();
        var data = Data([Kept(Jan(6, 9)), Kept(Jan(7, 9)), With(Jan(8, 9), AppointmentOutcome.NoShow)]) with
        {
            MedicationFills = [new MedicationFill("F1", "P-SENTINEL-7", "STATIN", new DateOnly(2025, 1, 2), 30)],
        };
        return Text(evaluator.Accumulate(data, January, Lenient));
    });

    [Fact]
    public void ReadFrom_OfWriteTo_OfTheBundledSample_FinishesToTheSameResultsJson()
    {
        var evaluator = EvaluationPartialTests.Evaluator();
        var partial = evaluator.Accumulate(Sample.Value);
        string expected = EvaluationPartialTests.Json(evaluator.Finish(partial));
        var read = EvaluationPartialTests.RoundTrip(partial);
        Assert.Equal(expected, EvaluationPartialTests.Json(evaluator.Finish(read)));
        Assert.Equal(Text(partial), Text(read));   // and writing what was read gives the same bytes
    }

    [Fact]
    public void WriteTo_StartsWithTheHeader()
    {
        Assert.StartsWith("{\"schema\":\"patientcentric.partial\",\"version\":1,\"body\":{", Written.Value, StringComparison.Ordinal);
    }

    [Property(MaxTest = 30)]
    public bool Doubles_RoundTripExactly(long[] bits)
    {
        var values = (bits ?? []).Select(BitConverter.Int64BitsToDouble).Where(double.IsFinite).Concat(EdgeDoubles).ToArray();
        var accumulator = new TnaaScorer.Accumulator();
        foreach (double v in values)
            accumulator.Values.Add(v);
        string json = JsonSerializer.Serialize(accumulator.ToState(), PartialJsonContext.Default.TnaaState);
        var back = TnaaScorer.Accumulator.FromState(JsonSerializer.Deserialize(json, PartialJsonContext.Default.TnaaState)!, "$");
        // The multiset keeps values, not their order, and counts negative zero as zero (no scorer produces it).
        var expected = values.Select(v => v == 0 ? 0.0 : v).ToList();
        expected.Sort();
        return back.Values.ToSortedArray().Select(BitConverter.DoubleToInt64Bits).SequenceEqual(expected.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void DurationValues_AreWrittenAsAscendingValueCountPairs()
    {
        var accumulator = new LeadTimeScorer.Accumulator();
        foreach (double v in new[] { 3.0, 0.0, 3.0, 12.5, 3.0, -0.0 })
            accumulator.Values.Add(v);
        string json = JsonSerializer.Serialize(accumulator.ToState(), PartialJsonContext.Default.LeadTimeState);
        Assert.StartsWith("{\"values\":[[0,2],[3,3],[12.5,1]],", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[[2,1],[1,1]]", "[1][0]", "strictly ascending")]
    [InlineData("[[1,1],[1,2]]", "[1][0]", "strictly ascending")]
    [InlineData("[[1,0]]", "[0][1]", "whole number from 1")]
    [InlineData("[[1,-2]]", "[0][1]", "whole number from 1")]
    [InlineData("[[1,1.5]]", "[0][1]", "whole number from 1")]
    [InlineData("[[1,2147483648]]", "[0][1]", "whole number from 1")]
    [InlineData("[[1]]", "[0]", "[value, count] pair")]
    [InlineData("[[1,2,3]]", "[0]", "[value, count] pair")]
    public void ReadFrom_WithDurationValuesNoMultisetHolds_IsPC0123_NamingThePair(string values, string at, string message)
    {
        var document = JsonNode.Parse(Written.Value)!;
        var slots = document["body"]!["scopes"]![0]!["slots"]!.AsArray();
        int slot = slots.Select((s, i) => (s, i)).First(x => (string?)x.s!["buckets"]?[0]?["accumulatorType"] == "leadTime").i;
        slots[slot]!["buckets"]![0]!["accumulator"]!["values"] = JsonNode.Parse(values);
        var error = Refused(Encoding.UTF8.GetBytes(document.ToJsonString()));
        Assert.Equal(("PC0123", $"$.body.scopes[0].slots[{slot}].buckets[0].accumulator.values{at}"), (error.Code, error.Path));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DurationValues_FromState_RefusesANonFiniteValue_AndCountsThatAddUpPastIntMax()
    {
        var infinite = Assert.Throws<PatientCentricDataException>(() => DurationValues.FromState([[double.PositiveInfinity, 1]], "$.v")).Errors.Single();
        Assert.Equal(("PC0123", "$.v[0][0]"), (infinite.Code, infinite.Path));
        var tooMany = Assert.Throws<PatientCentricDataException>(() => DurationValues.FromState([[1, int.MaxValue], [2, 1]], "$.v")).Errors.Single();
        Assert.Equal(("PC0123", "$.v"), (tooMany.Code, tooMany.Path));
    }

    [Fact]
    public void ReadFrom_OfATruncatedPartial_IsPC0120_AtEveryCut()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(Written.Value);
        for (int k = 1; k <= 10; k++)
        {
            int cut = bytes.Length * k / 11;
            var error = Refused(bytes[..cut]);
            Assert.Equal("PC0120", error.Code);
            Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ReadFrom_OfAnEmptyStream_IsPC0120()
    {
        var error = Refused([]);
        Assert.Equal(("PC0120", "$"), (error.Code, error.Path));
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFrom_OfTextThatIsNotJson_IsPC0120_WithoutEchoingIt()
    {
        var error = Refused(Encoding.UTF8.GetBytes("P-SENTINEL-7 is not JSON"));
        Assert.Equal("PC0120", error.Code);
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SENTINEL", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFrom_OfAnotherSchema_IsPC0121()
    {
        var error = Refused(Encoding.UTF8.GetBytes(Written.Value.Replace("\"patientcentric.partial\"", "\"patientcentric.dataset\"", StringComparison.Ordinal)));
        Assert.Equal(("PC0121", "$.schema"), (error.Code, error.Path));
        Assert.Contains("not a partial evaluation", error.Message, StringComparison.Ordinal);
        Assert.Equal("PC0121", Refused(Encoding.UTF8.GetBytes("{\"schemaVersion\":1}")).Code);
        Assert.Equal("PC0121", Refused(Encoding.UTF8.GetBytes("[1,2]")).Code);
    }

    [Fact]
    public void ReadFrom_OfAnOlderOrNewerVersion_IsPC0122_NamingBothVersions_EvenWhenItsBodyIsTruncated()
    {
        foreach (int version in new[] { 0, 2 })
        {
            string other = Written.Value.Replace("\"version\":1,", $"\"version\":{version},", StringComparison.Ordinal);
            foreach (string text in new[] { other, other[..(other.Length / 2)] })
            {
                var error = Refused(Encoding.UTF8.GetBytes(text));
                Assert.Equal(("PC0122", "$.version"), (error.Code, error.Path));
                Assert.Contains($"version {version}", error.Message, StringComparison.Ordinal);
                Assert.Contains("reads version 1", error.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void ReadFrom_WithAFieldRemoved_IsPC0123_NamingItsPath()
    {
        var document = JsonNode.Parse(Written.Value)!;
        document["body"]!.AsObject().Remove("fingerprint");
        var error = Refused(Encoding.UTF8.GetBytes(document.ToJsonString()));
        Assert.Equal("PC0123", error.Code);
        Assert.StartsWith("$.body", error.Path, StringComparison.Ordinal);
        Assert.Contains("fingerprint", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFrom_WithAServiceLineListedTwice_IsPC0123_NamingItsPath()
    {
        var document = JsonNode.Parse(Written.Value)!;
        var lines = document["body"]!["serviceLines"]!.AsArray();
        lines.Add(lines[0]!.DeepClone());
        var error = Refused(Encoding.UTF8.GetBytes(document.ToJsonString()));
        Assert.Equal(("PC0123", $"$.body.serviceLines[{lines.Count - 1}].key"), (error.Code, error.Path));
        Assert.Contains("listed twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFrom_WithANegativeCount_IsPC0123_NamingItsPath()
    {
        var document = JsonNode.Parse(Written.Value)!;
        var scopes = document["body"]!["scopes"]!.AsArray();
        // With trends on (the default) a built-in combiner's slot carries one accumulator per period bucket.
        int slot = scopes[0]!["slots"]!.AsArray().Select((s, i) => (s, i)).First(x => (string?)x.s!["buckets"]?[0]?["accumulatorType"] == "noShowDenominator").i;
        scopes[0]!["slots"]![slot]!["buckets"]![0]!["accumulator"]!["kept"] = -1;
        var error = Refused(Encoding.UTF8.GetBytes(document.ToJsonString()));
        Assert.Equal("PC0123", error.Code);
        Assert.Equal($"$.body.scopes[0].slots[{slot}].buckets[0].accumulator.kept", error.Path);
        Assert.Contains("0 or more", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFrom_WithABucketTooMany_IsPC0123_NamingTheSlot()
    {
        var document = JsonNode.Parse(Written.Value)!;
        var slots = document["body"]!["scopes"]![0]!["slots"]!.AsArray();
        int slot = slots.Select((s, i) => (s, i)).First(x => x.s!["buckets"] is JsonArray { Count: > 0 }).i;
        var buckets = slots[slot]!["buckets"]!.AsArray();
        buckets.Add(buckets[0]!.DeepClone());   // one bucket more than the partial's period and grain call for
        var error = Refused(Encoding.UTF8.GetBytes(document.ToJsonString()));
        Assert.Equal(("PC0123", $"$.body.scopes[0].slots[{slot}]"), (error.Code, error.Path));
        Assert.Contains("period bucket", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFrom_WithAFieldOfTheWrongType_IsPC0123_NamingItsPath()
    {
        var document = JsonNode.Parse(Written.Value)!;
        document["body"]!["patients"]![0]!["rank"]!["category"] = "first";
        var error = Refused(Encoding.UTF8.GetBytes(document.ToJsonString()));
        Assert.Equal(("PC0123", "$.body.patients[0].rank.category"), (error.Code, error.Path));
        Assert.DoesNotContain("SENTINEL", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CountsThatContradictEachOther_AreRefused_NotMerged()
    {
        var clean = Assert.Throws<PatientCentricDataException>(() => new ClaimRatesState(0, 1, 0, 0, 0, 0).ToRates("$.rates")).Errors.Single();
        Assert.Equal(("PC0123", "$.rates.clean"), (clean.Code, clean.Path));
        var timed = Assert.Throws<PatientCentricDataException>(() => NoShowDenominator.FromState(
            new NoShowDenominatorState(0, 0, 2, 0, 0, 0, 0, 1, 0, 0, []), "$.d")).Errors.Single();
        Assert.Equal(("PC0123", "$.d.timedPatientCancellations"), (timed.Code, timed.Path));
    }

    [Fact]
    public void AHistogram_RoundTripsItsState_AndRefusesOneThatDoesNotFitItsMaximum()
    {
        var histogram = new DurationHistogram(10);
        foreach (int v in new[] { 0, 3, 3, 7, 10 })
            histogram.Add(v);
        var back = DurationHistogram.FromState(histogram.ToState(), "$.h");
        Assert.Equal((histogram.Count, histogram.Median(), histogram.Quantile(0.9)), (back.Count, back.Median(), back.Quantile(0.9)));
        var shortList = Assert.Throws<PatientCentricDataException>(() => DurationHistogram.FromState(new DurationHistogramState(10, [1, 2]), "$.h")).Errors.Single();
        Assert.Equal(("PC0123", "$.h.counts"), (shortList.Code, shortList.Path));
        var negative = Assert.Throws<PatientCentricDataException>(() => DurationHistogram.FromState(new DurationHistogramState(1, [1, -1]), "$.h")).Errors.Single();
        Assert.Equal(("PC0123", "$.h.counts[1]"), (negative.Code, negative.Path));
    }

    [Fact]
    public void AHostSerializableCombiner_RoundTrips_AndMergesThroughBytes()
    {
        var evaluator = HostEvaluator<KeptVisitTally>(out var profile);
        var data = Data([Kept(Jan(6, 9)), Kept(Jan(7, 9)), Kept(Jan(8, 9))]);
        var shards = EvaluationPartialTests.Shards(data, 2, new Random(7)).ToList();
        var merged = evaluator.Merge(EvaluationPartialTests.RoundTrip(evaluator.Accumulate(shards[0], January, profile)),
                                     EvaluationPartialTests.RoundTrip(evaluator.Accumulate(shards[1], January, profile)));
        var finished = evaluator.Finish(EvaluationPartialTests.RoundTrip(merged));
        Assert.Equal(EvaluationPartialTests.Json(evaluator.Evaluate(data, January, profile)), EvaluationPartialTests.Json(finished));
        Assert.Equal(3, finished.Cards.First(c => c.MeasureKey == KeptVisitTally.Name && c.Scope == ScoreScope.Practice).Value);
        Assert.Contains($"\"scorer\":\"{KeptVisitTally.Name}\"", Text(merged), StringComparison.Ordinal);
    }

    [Fact]
    public void AHostCombinerThatIsNotSerializable_RefusesWriteTo_NamingItsKey()
    {
        var evaluator = HostEvaluator<PlainKeptVisitTally>(out var profile);
        var partial = evaluator.Accumulate(Data([Kept(Jan(6, 9))]), January, profile);
        var error = Assert.Throws<NotSupportedException>(() => partial.WriteTo(Stream.Null));
        Assert.Contains($"\"{PlainKeptVisitTally.Name}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("ISerializableTouchpointCombiner", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHostAccumulator_FinishedByAnEvaluatorWithoutItsCombiner_IsPC0123_NamingTheScorer()
    {
        var evaluator = HostEvaluator<KeptVisitTally>(out var profile);
        var read = EvaluationPartialTests.RoundTrip(evaluator.Accumulate(Data([Kept(Jan(6, 9))]), January, profile));
        var error = Assert.Throws<PatientCentricDataException>(() => EvaluationPartialTests.Evaluator().Finish(read));
        Assert.Equal("PC0123", error.Errors.Single().Code);
        Assert.Contains($"\"{KeptVisitTally.Name}\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedJsonInAPartial_IsPC0120_WithoutQuotingTheInput()
    {
        var error = Refused(Encoding.UTF8.GetBytes("""{"schema":"patientcentric.partial","version":1,"body": P-SENTINEL-7}"""));
        Assert.Equal("PC0120", error.Code);
        Assert.DoesNotContain("SENTINEL", error.Message, StringComparison.Ordinal);
    }

    private static DataError Refused(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var error = Assert.Throws<PatientCentricDataException>(() => EvaluationPartial.ReadFrom(stream));
        Assert.DoesNotContain("P-SENTINEL-7", error.Message, StringComparison.Ordinal);
        return error.Errors.Single();
    }

    private static string Text(EvaluationPartial partial)
    {
        using var buffer = new MemoryStream();
        partial.WriteTo(buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static PracticeEvaluator HostEvaluator<TScorer>(out Profile profile) where TScorer : class, ITouchpointScorer
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider(AsOf))
            .AddPatientCentric(pc => pc.AddTouchpointScorer<TScorer>()).BuildServiceProvider();
        profile = Lenient with { EnabledStrategies = Lenient.EnabledStrategies.AddRange(KeptVisitTally.Name, PlainKeptVisitTally.Name) };
        return services.GetRequiredService<PracticeEvaluator>();
    }

    // A host combiner with its own accumulator and source-generated context: kept visits.
    private sealed class KeptVisitTally : ISerializableTouchpointCombiner<KeptVisits>
    {
        public const string Name = "test-kept-visit-tally";

        public string Key => Name;

        public TouchpointKind Kind => TouchpointKind.Access;

        public MeasureCategory Category => MeasureCategory.Operational;

        public JsonTypeInfo<KeptVisits> AccumulatorTypeInfo => HostJsonContext.Default.KeptVisits;

        public KeptVisits CreateAccumulator(ScoringContext context) => new();

        public KeptVisits Add(KeptVisits accumulator, PracticeDataSet shard, ScoringContext context)
        {
            accumulator.Visits += shard.Appointments.Count(a => a.Outcome == AppointmentOutcome.Kept && context.Period.Contains(context.LocalDate(a.Start)));
            return accumulator;
        }

        public KeptVisits Merge(KeptVisits left, KeptVisits right)
        {
            left.Visits += right.Visits;
            return left;
        }

        public ImmutableArray<ScoreCard> Finish(KeptVisits accumulator, ScoringContext context) =>
            [ScoreCard.Ok(Key, context.Scope, accumulator.Visits, ScoreScale.Count, accumulator.Visits, 0, [])];
    }

    // The same combiner without the serializable contract.
    private sealed class PlainKeptVisitTally : ITouchpointCombiner<KeptVisits>
    {
        public const string Name = "test-plain-kept-visit-tally";

        public string Key => Name;

        public TouchpointKind Kind => TouchpointKind.Access;

        public MeasureCategory Category => MeasureCategory.Operational;

        public KeptVisits CreateAccumulator(ScoringContext context) => new();

        public KeptVisits Add(KeptVisits accumulator, PracticeDataSet shard, ScoringContext context) => accumulator;

        public KeptVisits Merge(KeptVisits left, KeptVisits right) => left;

        public ImmutableArray<ScoreCard> Finish(KeptVisits accumulator, ScoringContext context) => [];
    }
}

/// <summary>The accumulator of the test's host combiner.</summary>
public sealed class KeptVisits
{
    /// <summary>Gets or sets the kept visits counted.</summary>
    public int Visits { get; set; }
}

/// <summary>The test host's own source-generated context.</summary>
[JsonSerializable(typeof(KeptVisits))]
internal sealed partial class HostJsonContext : JsonSerializerContext;
