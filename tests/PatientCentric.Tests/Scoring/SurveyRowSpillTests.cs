using System.Collections.Immutable;
using System.Globalization;
using FsCheck.Xunit;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Serialization;
using static PatientCentric.Tests.TestData;

namespace PatientCentric.Tests.Scoring;

/// <summary>The coded survey rows behind the loyalty drivers written to storage per partial
/// (<see cref="EvaluationPartial.WriteSurveyRowsTo"/>), the partials merged without them, and the merge finished with the
/// rows read back (<see cref="PracticeEvaluator.Finish(EvaluationPartial, IReadOnlyList{Stream}, CancellationToken)"/>):
/// the same evaluation as one pass, bit for bit (docs/scale.md#per-patient-outputs-on-disk).</summary>
public sealed class SurveyRowSpillTests
{
    private static readonly ImmutableArray<string> Frequency = ["Never", "Sometimes", "Usually", "Always"];

    [Property(MaxTest = 40)]
    public void RowsOnDisk_MergedBack_GiveTheLoyaltyDriversOfOnePass_BitForBit(int seed)
    {
        var random = new Random(seed);
        var data = Surveys(random);
        var evaluator = EvaluationPartialTests.Evaluator();
        var whole = evaluator.Evaluate(data, January, Lenient);
        var partials = EvaluationPartialTests.Shards(data, random.Next(1, 7), random).Select(s => evaluator.Accumulate(s, January, Lenient)).ToList();
        var files = partials.Select(p => (Stream)Spilled(p)).ToList();
        var population = partials.Select(p => p.WithoutSurveyRows()).ToList();
        // Some of the rows stay in the merged partial (a partial not spilled); the rest come back from the streams.
        int kept = random.Next(-1, partials.Count);
        if (kept >= 0)
        {
            population[kept] = partials[kept];
            files[kept] = new MemoryStream();
        }
        Assert.All(population.Where((_, i) => i != kept), p => Assert.Equal(0, p.SurveyRowCount));
        var merged = EvaluationPartialTests.MergeRandomly(evaluator, population, random, throughJson: true);   // consumes the list
        var finished = evaluator.Finish(merged, files);
        var drivers = Assert.IsType<PatientCentric.Value.LoyaltyDrivers>(whole.LoyaltyDrivers);
        Assert.Equal(data.SurveyReturns.Length, partials.Sum(p => p.SurveyRowCount));
        Assert.True(SameBits(drivers, finished.LoyaltyDrivers!));
        Assert.Equal(EvaluationPartialTests.Json(whole), EvaluationPartialTests.Json(finished));
    }

    // Rows concatenated shard by shard instead of merged into the canonical order give other sums: the order matters, so
    // the property above can fail.
    [Fact]
    public void RowsInAnotherOrder_GiveOtherBits()
    {
        var random = new Random(11);
        var data = Surveys(random);
        var evaluator = EvaluationPartialTests.Evaluator();
        var whole = evaluator.Evaluate(data, January, Lenient);
        var shuffled = data with { SurveyReturns = [.. data.SurveyReturns.Select((r, i) => r with { Id = $"S{(i * 7919) % data.SurveyReturns.Length:D5}" })] };
        var other = evaluator.Evaluate(shuffled, January, Lenient);
        Assert.False(SameBits(whole.LoyaltyDrivers!, other.LoyaltyDrivers!));
    }

    [Fact]
    public void Finish_WithADamagedRowLine_IsADataError_WithoutTheLine()
    {
        var evaluator = EvaluationPartialTests.Evaluator();
        var partial = evaluator.Accumulate(Surveys(new Random(3)), January, Lenient).WithoutSurveyRows();
        using var file = new MemoryStream("{\"returnedOn\":\"2025-01-03\",\"id\":\"S-SENTINEL-7\",\"codes\":[1]}\n"u8.ToArray());
        var error = Assert.Throws<PatientCentricDataException>(() => evaluator.Finish(partial, [file]));
        Assert.Equal("PC0123", Assert.Single(error.Errors).Code);
        Assert.Equal(1, error.Errors[0].Line);
        Assert.DoesNotContain("SENTINEL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Finish_WithRowsOutOfOrder_IsADataError()
    {
        var evaluator = EvaluationPartialTests.Evaluator();
        var full = evaluator.Accumulate(Surveys(new Random(5)), January, Lenient);
        var lines = Encoding(Spilled(full)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var file = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines.Reverse()) + "\n"));
        var error = Assert.Throws<PatientCentricDataException>(() => evaluator.Finish(full.WithoutSurveyRows(), [file]));
        Assert.Equal("PC0123", Assert.Single(error.Errors).Code);
        Assert.Equal(2, error.Errors[0].Line);
    }

    private static string Encoding(MemoryStream stream) => System.Text.Encoding.UTF8.GetString(stream.ToArray());

    private static MemoryStream Spilled(EvaluationPartial partial)
    {
        var file = new MemoryStream();
        partial.WriteSurveyRowsTo(file);
        file.Position = 0;
        return file;
    }

    private static bool SameBits(PatientCentric.Value.LoyaltyDrivers a, PatientCentric.Value.LoyaltyDrivers b) =>
        BitConverter.DoubleToInt64Bits(a.Weights.RSquared) == BitConverter.DoubleToInt64Bits(b.Weights.RSquared)
        && a.Weights.Weights.Length == b.Weights.Weights.Length
        && a.Weights.Weights.Zip(b.Weights.Weights).All(w => w.First.Predictor == w.Second.Predictor
                                                            && BitConverter.DoubleToInt64Bits(w.First.RawWeight) == BitConverter.DoubleToInt64Bits(w.Second.RawWeight));

    // 60 to 400 survey returns of 30 patients on random January days, with random (and some missing) answers; recommend
    // depends on the first item so the analysis runs.
    private static PracticeDataSet Surveys(Random random)
    {
        var items = new List<SurveyItem>
        {
            new("recommend", "Recommend?", SurveyItemKind.LikelihoodToRecommend, ZeroToTen, InteractionRole.Customer),
            new("access", "Access", SurveyItemKind.Report, Frequency, InteractionRole.Customer),
            new("parking", "Parking", SurveyItemKind.Report, Frequency, InteractionRole.Customer),
            new("courtesy", "Courtesy", SurveyItemKind.Report, Frequency, InteractionRole.Customer),
        };
        int count = random.Next(80, 401);
        var returns = new List<SurveyReturn>();
        for (int i = 0; i < count; i++)
        {
            int access = random.Next(4), parking = random.Next(4), courtesy = random.Next(4);
            int recommend = Math.Clamp((access * 2) + courtesy + random.Next(-2, 3), 0, 10);
            var answers = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal)
                .Add("recommend", recommend.ToString(CultureInfo.InvariantCulture)).Add("access", Frequency[access]).Add("courtesy", Frequency[courtesy]);
            if (random.Next(10) != 0)
                answers = answers.Add("parking", Frequency[parking]);   // sometimes missing: listwise deletion
            returns.Add(new SurveyReturn($"S{random.Next(100_000):D5}-{i}", $"P{random.Next(30)}", "primary-care", new DateOnly(2025, 1, random.Next(1, 32)), answers));
        }
        return Data(items: items, returns: returns);
    }
}
