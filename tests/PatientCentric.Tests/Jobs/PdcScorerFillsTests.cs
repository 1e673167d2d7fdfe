using System.Collections.Immutable;
using System.Text.Json;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;
using PatientCentric.Jobs;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Serialization;

namespace PatientCentric.Tests.Jobs;

/// <summary>The PDC scorer finds a repeated fill id by comparing with the earlier fills for a patient with few fills and
/// with a set for one with many: fills of drugs outside every class (which the scorer skips before it reads the id) must
/// not change a card, whichever way the ids are checked. Random fills: ids from a small pool (so some repeat, also between a
/// skipped fill and a measured one), drugs of the three classes in mixed case, unknown drugs, blank drugs, days' supply
/// from 0, dates around the period.</summary>
public sealed class PdcScorerFillsTests
{
    private static readonly string[] Drugs = ["metformin", "LISINOPRIL", "Atorvastatin", "glipizide", "losartan", "ASPIRIN", " ", "simvastatin"];

    [Property(MaxTest = 200)]
    public bool Cards_DoNotDependOnSkippedFills_NorOnHowRepeatedIdsAreFound(int seed)
    {
        var random = new Random(seed);
        var fills = Enumerable.Range(0, random.Next(1, 14)).Select(_ => Fill(random, Drugs[random.Next(Drugs.Length)])).ToList();
        // Enough fills of unknown drugs, anywhere among them, to take the patient past the few-fills check.
        var padded = new List<MedicationFill>(fills);
        for (int i = 0, n = random.Next(5, 30); i < n; i++)
            padded.Insert(random.Next(padded.Count + 1), Fill(random, random.Next(2) == 0 ? "IBUPROFEN" : ""));
        return Json(Score(fills)) == Json(Score(padded));
    }

    [Fact]
    public void RepeatedIds_AreExcludedOnce_WithFewFillsAndWithMany()
    {
        MedicationFill F(string id, int day) => new(id, "P", "METFORMIN", new DateOnly(2025, 1, 1).AddDays(day), 30);
        var few = new List<MedicationFill> { F("a", 0), F("b", 30), F("a", 60), F("c", 90) };
        var many = new List<MedicationFill>(few);
        for (int i = 0; i < 20; i++)
            many.Add(F("x" + i, 120 + (5 * i)));
        many.Add(F("b", 300));
        var fewCard = Assert.Single(Score(few));
        var manyCard = Assert.Single(Score(many));
        Assert.Equal(1, fewCard.ExcludedCount);
        Assert.Equal(2, manyCard.ExcludedCount);
        Assert.Equal(2, manyCard.Components.Single(c => c.Name == "excluded:duplicate-fill").InputValue);
    }

    private static MedicationFill Fill(Random random, string drug) =>
        new($"f{random.Next(12)}", "P", drug, new DateOnly(2024, 12, 1).AddDays(random.Next(420)), random.Next(0, 91));

    private static ImmutableArray<ScoreCard> Score(List<MedicationFill> fills)
    {
        using var provider = new ServiceCollection().AddPatientCentric().BuildServiceProvider();
        var scorer = provider.GetRequiredService<StrategyRegistry>().JobScorers.Single(s => s.Key == PdcScorer.ScorerKey);
        var context = new ScoringContext(new MeasurementPeriod(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)),
            new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero), TimeZoneInfo.FindSystemTimeZoneById("America/Chicago"), TestData.Lenient)
            { Role = InteractionRole.Employee };
        return scorer.Score(new PatientTimeline("P", [.. fills], []), context);
    }

    private static string Json(ImmutableArray<ScoreCard> cards) =>
        JsonSerializer.Serialize(cards, PatientCentricJsonContext.Default.Options);
}
