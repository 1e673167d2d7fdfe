using System.Collections.Immutable;
using System.Text.Json;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Serialization;

namespace PatientCentric.Tests.Scoring;

/// <summary>Exactness of the population cards' accumulate–merge–finish shape (docs/scale.md#population-cards): the
/// bundled sample's patient cards, split into random shards and added in random order, merged in a random tree and order
/// and finished, give the population cards of one pass, compared as the results JSON.</summary>
public sealed class PopulationMergeTests
{
    private static readonly Lazy<Sample> Bundled = new(LoadSample);

    [Property(MaxTest = 200)]
    public bool Merge_OfRandomShardsOfTheSamplesPatients_EqualsOnePass(int seed)
    {
        var random = new Random(seed);
        var sample = Bundled.Value;
        // Sometimes all the patients, sometimes a random subset (so small populations reach InsufficientData too).
        var patients = random.Next(3) == 0 ? sample.Patients : [.. sample.Patients.Where(_ => random.Next(2) == 0)];
        var context = sample.Context with { Scope = random.Next(2) == 0 ? ScoreScope.Practice : ScoreScope.ServiceLine("primary-care") };
        return Sharded(patients, context, random) == OnePass(patients, context);
    }

    [Property(MaxTest = 300)]
    public bool Merge_OfRandomShardsOfRandomPatientCards_EqualsOnePass(int seed)
    {
        var random = new Random(seed);
        var context = TestData.Context() with { Scope = ScoreScope.Practice };
        return Sharded(RandomPatients(random), context, random) == OnePass(RandomPatients(new Random(seed)), context);
    }

    // The patients' values are kept as a run-length multiset: the quartiles it gives are, bit for bit, those of the list
    // of every patient's value, sorted (what the accumulator kept before), whatever the shards and the merge order.
    [Property(MaxTest = 200)]
    public bool Quartiles_EqualThoseOfTheSortedListOfThePatientsValues_BitForBit(int seed, bool wide)
    {
        var random = new Random(seed);
        int count = random.Next(1, 4000);
        var values = new double[count];
        var patients = new (string Key, ImmutableArray<ScoreCard> Cards)[count];
        for (int i = 0; i < count; i++)
        {
            // Rates as the job scorers make them (covered days of a year, closed of a few referrals: values repeat), or,
            // when wide, rates of large denominators, nearly all distinct.
            int d = wide ? random.Next(1, 1_000_000) : random.Next(2) == 0 ? 365 : random.Next(1, 6);
            int n = random.Next(d + 1);
            values[i] = (double)n / d;
            patients[i] = ($"P{i:00000}", [ScoreCard.Ok("m", ScoreScope.Practice, values[i], ScoreScale.Proportion, d, 0,
                [ScoreComponent.Describe("numerator", n, ScoreScale.Count, "n"), ScoreComponent.Describe("denominator", d, ScoreScale.Count, "d")])]);
        }
        int shards = random.Next(1, 6);
        var accumulators = Enumerable.Range(0, shards).Select(_ => PopulationAccumulator.Create()).ToArray();
        foreach (var (key, cards) in patients)
            accumulators[random.Next(shards)].Add(key, cards);
        var merged = accumulators.OrderBy(_ => random.Next()).Aggregate(PopulationAccumulator.Create(), (a, b) => a.Merge(b));
        var card = merged.Finish(TestData.Context() with { Scope = ScoreScope.Practice }).Single();
        Array.Sort(values);
        double At(string name) => card.Components.Single(c => c.Name == name).InputValue!.Value;
        static bool Same(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);
        return Same(At("patient-p25"), Quantiles.HyndmanFanType7(values, 0.25))
               && Same(At("patient-median"), Quantiles.Median(values))
               && Same(At("patient-p75"), Quantiles.HyndmanFanType7(values, 0.75));
    }

    [Fact]
    public void Finish_OfTheSamplesPatients_HasPopulationCardsWithExclusions()
    {
        var sample = Bundled.Value;
        var cards = PopulationAccumulator.Create().Add("P", []).Finish(sample.Context);
        Assert.Empty(cards);
        string json = OnePass(sample.Patients, sample.Context);
        Assert.Contains("\"patient-median\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Finish_ListsExclusionCodesByTheFirstPatientInKeyOrder_WhateverTheOrderOfAdding()
    {
        static ScoreCard Card(params string[] codes) => ScoreCard.WithoutValue("m", ScoreScope.Practice, ScoreScale.Proportion,
            ScoreStatus.InsufficientData, "none", 0, codes.Length,
            [.. codes.Select(c => ScoreComponent.Describe(ScoreComponent.ExclusionPrefix + c, 1, ScoreScale.Count, "Excluded."))]);
        var context = TestData.Context();
        var forward = PopulationAccumulator.Create().Add("P1", [Card("b")]).Add("P2", [Card("a", "b")]).Finish(context);
        var backward = PopulationAccumulator.Create().Add("P2", [Card("a", "b")]).Merge(PopulationAccumulator.Create().Add("P1", [Card("b")])).Finish(context);
        Assert.Equal(Json(forward), Json(backward));
        Assert.Equal([ScoreComponent.ExclusionPrefix + "b", ScoreComponent.ExclusionPrefix + "a"],
            forward.Single().Components.Where(c => c.Name.StartsWith(ScoreComponent.ExclusionPrefix, StringComparison.Ordinal)).Select(c => c.Name));
        Assert.Equal(2, forward.Single().Components.Single(c => c.Name == ScoreComponent.ExclusionPrefix + "b").InputValue);
    }

    // Up to 12 patients in key order, each with up to 3 cards of two measures: rates with values, cards excluded for
    // reasons that differ in code and order, and cards that lack an input the source never records (NotApplicable).
    private static ImmutableArray<(string Key, ImmutableArray<ScoreCard> Cards)> RandomPatients(Random random) =>
        [.. Enumerable.Range(0, random.Next(1, 13)).Select(i => (Key: $"P{i:00}", Cards: Enumerable.Range(0, random.Next(4)).Select(_ =>
        {
            string measure = random.Next(2) == 0 ? "m1" : "m2";
            int kind = random.Next(3);
            if (kind == 0)
            {
                int d = random.Next(1, 20), n = random.Next(d + 1);
                return ScoreCard.Ok(measure, ScoreScope.Practice, (double)n / d, ScoreScale.Proportion, d, 0,
                    [ScoreComponent.Describe("numerator", n, ScoreScale.Count, "n"), ScoreComponent.Describe("denominator", d, ScoreScale.Count, "d")]);
            }
            string[] codes = kind == 1
                ? [.. new[] { "a", "b", "c", "d" }.Where(_ => random.Next(2) == 0).OrderBy(_ => random.Next())]
                : [PatientCentric.Jobs.ReferralClosureScorer.ClosureNotRecordedCode];
            return ScoreCard.WithoutValue(measure, ScoreScope.Practice, ScoreScale.Proportion, ScoreStatus.NotApplicable,
                $"Reason {random.Next(3)}.", 0, codes.Length,
                [.. codes.Select(c => ScoreComponent.Describe(ScoreComponent.ExclusionPrefix + c, random.Next(1, 4), ScoreScale.Count, $"Excluded as {c} ({random.Next(2)})."))]);
        }).ToImmutableArray()))];

    // One pass: every patient added to one accumulator, in the sample's order, as PracticeEvaluator does.
    private static string OnePass(ImmutableArray<(string Key, ImmutableArray<ScoreCard> Cards)> patients, ScoringContext context)
    {
        var accumulator = PopulationAccumulator.Create();
        foreach (var (key, cards) in patients)
            accumulator.Add(key, cards);
        return Json(accumulator.Finish(context));
    }

    // Splits the patients into 1–8 random shards, adds each shard's patients in random order to its own accumulator,
    // merges in a random tree and order.
    private static string Sharded(ImmutableArray<(string Key, ImmutableArray<ScoreCard> Cards)> patients, ScoringContext context, Random random)
    {
        int count = random.Next(1, 9);
        var shardOf = patients.Select(_ => random.Next(count)).ToArray();
        var partials = Enumerable.Range(0, count).Select(k =>
        {
            var accumulator = PopulationAccumulator.Create();
            foreach (var (key, cards) in patients.Where((_, i) => shardOf[i] == k).OrderBy(_ => random.Next()))
                accumulator.Add(key, cards);
            return accumulator;
        }).ToList();
        while (partials.Count > 1)
        {
            int i = random.Next(partials.Count), j = random.Next(partials.Count - 1);
            if (j >= i) j++;
            var merged = partials[i].Merge(partials[j]);
            partials.RemoveAt(Math.Max(i, j));
            partials.RemoveAt(Math.Min(i, j));
            partials.Insert(random.Next(partials.Count + 1), merged);
        }
        return Json(partials[0].Finish(context));
    }

    private static string Json(ImmutableArray<ScoreCard> cards) =>
        JsonSerializer.Serialize(cards, PatientCentricJsonContext.Default.ImmutableArrayScoreCard);

    // The bundled sample's patient cards, scored with the enabled job scorers as PracticeEvaluator scores them.
    private static Sample LoadSample()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, "src", "PatientCentric.Cli", "Sample", "sample-practice.json");
            if (!File.Exists(path))
                continue;
            PracticeDataSet data;
            using (var stream = File.OpenRead(path))
                data = PracticeDataSetReader.Read(stream, "sample-practice.json");
            var context = new ScoringContext(data.Period!.Value, new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero),
                TimeZoneInfo.FindSystemTimeZoneById(data.TimeZone), BuiltInProfiles.PrimaryCareValueBased);
            using var provider = new ServiceCollection().AddPatientCentric().BuildServiceProvider();
            var scorers = provider.GetRequiredService<StrategyRegistry>().JobScorers.Where(s => context.Profile.IsEnabled(s.Key)).ToList();
            var employee = context with { Role = InteractionRole.Employee };
            var patients = data.ToTimelines().Select(t => (t.PatientKey, scorers.SelectMany(s => PracticeEvaluator.Score(s, t, employee)).ToImmutableArray()));
            return new Sample(context, [.. patients]);
        }
        throw new InvalidOperationException("The bundled sample (src/PatientCentric.Cli/Sample/sample-practice.json) was not found above the test binaries.");
    }

    private sealed record Sample(ScoringContext Context, ImmutableArray<(string Key, ImmutableArray<ScoreCard> Cards)> Patients);
}
