using System.Collections.Immutable;
using System.Text.Json;
using FsCheck.Xunit;
using PatientCentric.Control;
using PatientCentric.Peers;
using PatientCentric.Scoring;
using PatientCentric.Serialization;

namespace PatientCentric.Tests.Peers;

/// <summary>Peer comparison (docs/peers.md): ranks, ties, the five-peer rule, quartiles and directions, with numbers
/// computed by hand.</summary>
public sealed class PeerComparisonTests
{
    private static ScoreCard Card(string key, double value, ScoreScale scale = ScoreScale.Proportion) =>
        ScoreCard.Ok(key, ScoreScope.Practice, value, scale, 100, 0, []);

    private static PeerPractice Practice(string name, params ScoreCard[] cards) => new(name, [.. cards]);

    private static ImmutableArray<PeerPractice> OneMeasure(string key, params double?[] values) =>
        [.. values.Select((v, i) => v is { } x ? Practice($"P{i + 1}", Card(key, x)) : Practice($"P{i + 1}"))];

    private static PeerMeasureComparison Single(PeerComparisonResult r, int practice) => Assert.Single(r.Practices[practice].Measures);

    [Fact]
    public void Compare_SixPracticesWithATie_GivesMidRankPercentilesAndPeerQuartiles()
    {
        // no-show rates 0.10, 0.20, 0.20, 0.30, 0.40, 0.50: N = 6, each practice has 5 peers.
        var r = PeerComparison.Compare(OneMeasure("no-show-rate", 0.10, 0.20, 0.20, 0.30, 0.40, 0.50), ["no-show-rate"]);

        var first = Single(r, 0);
        Assert.Equal(PeerComparisonStatus.Ranked, first.Status);
        Assert.Equal((6, 5), (first.ScoredPractices, first.PeerCount));
        Assert.Equal(0.5 / 6 * 100, first.PercentileRank!.Value, precision: 12);        // 0 below, itself equal
        // Peers 0.2, 0.2, 0.3, 0.4, 0.5: type 7 with h = (5 − 1)·p gives Q1 = x[1], median = x[2], Q3 = x[3].
        Assert.Equal((0.2, 0.3, 0.4), (first.PeerQ1!.Value, first.PeerMedian!.Value, first.PeerQ3!.Value));

        var tied = Single(r, 1);
        Assert.Equal(2.0 / 6 * 100, tied.PercentileRank!.Value, precision: 12);        // 1 below + ½ × 2 equal
        Assert.Equal(tied.PercentileRank, Single(r, 2).PercentileRank);
        Assert.Equal((0.2, 0.3, 0.4), (tied.PeerQ1!.Value, tied.PeerMedian!.Value, tied.PeerQ3!.Value));   // peers 0.1, 0.2, 0.3, 0.4, 0.5

        var last = Single(r, 5);
        Assert.Equal(5.5 / 6 * 100, last.PercentileRank!.Value, precision: 12);
        Assert.Equal((0.2, 0.2, 0.3), (last.PeerQ1!.Value, last.PeerMedian!.Value, last.PeerQ3!.Value));   // peers 0.1, 0.2, 0.2, 0.3, 0.4
        Assert.Equal(ImprovementDirection.Decrease, last.Direction);
        Assert.Equal(ScoreScale.Proportion, last.Scale);
        Assert.Null(last.StatusReason);
    }

    [Fact]
    public void Compare_SixPeers_InterpolatesTheQuartiles()
    {
        // lead times 10, 1, 2, 3, 4, 5, 6 days: the first practice's peers are 1..6, so with h = 5p:
        // Q1 = 2 + 0.25·1 = 2.25, median = 3 + 0.5·1 = 3.5, Q3 = 4 + 0.75·1 = 4.75; rank = (6 + ½) ÷ 7 × 100.
        var r = PeerComparison.Compare(OneMeasure("lead-time", 10, 1, 2, 3, 4, 5, 6), ["lead-time"]);
        var m = Single(r, 0);
        Assert.Equal(2.25, m.PeerQ1!.Value, precision: 12);
        Assert.Equal(3.5, m.PeerMedian!.Value, precision: 12);
        Assert.Equal(4.75, m.PeerQ3!.Value, precision: 12);
        Assert.Equal(6.5 / 7 * 100, m.PercentileRank!.Value, precision: 12);
    }

    [Fact]
    public void Compare_ValuesWithinOneBillionth_AreTies()
    {
        var r = PeerComparison.Compare(OneMeasure("no-show-rate", 0.3, 0.3 + 1e-12, 0.1, 0.2, 0.4, 0.5), ["no-show-rate"]);
        Assert.Equal(3.0 / 6 * 100, Single(r, 0).PercentileRank!.Value, precision: 12);   // 2 below + ½ × 2 equal
        Assert.Equal(Single(r, 0).PercentileRank, Single(r, 1).PercentileRank);
    }

    [Fact]
    public void Compare_FivePracticesHaveFourPeersEach_SoNoneIsRankedAndNoPeerStatisticIsGiven()
    {
        var r = PeerComparison.Compare(OneMeasure("no-show-rate", 0.1, 0.2, 0.3, 0.4, 0.5), ["no-show-rate"]);
        Assert.All(r.Practices, p =>
        {
            var m = Assert.Single(p.Measures);
            Assert.Equal(PeerComparisonStatus.TooFewPeers, m.Status);
            Assert.Equal((5, 4), (m.ScoredPractices, m.PeerCount));
            Assert.Null(m.PercentileRank);
            Assert.Null(m.PeerMedian);
            Assert.Null(m.PeerQ1);
            Assert.Null(m.PeerQ3);
            Assert.Equal("Fewer than 5 other practices have a value for this measure, so it is not ranked.", m.StatusReason);
            Assert.NotNull(m.Value);
        });
    }

    [Fact]
    public void Compare_APracticeWithoutAValue_IsNotScored_ButGetsThePeerStatistics_AndIsNoOnesPeer()
    {
        var insufficient = ScoreCard.WithoutValue("no-show-rate", ScoreScope.Practice, ScoreScale.Proportion, ScoreStatus.InsufficientData, "Too few appointments.");
        ImmutableArray<PeerPractice> practices =
        [
            Practice("P1", insufficient), .. OneMeasure("no-show-rate", 0.1, 0.2, 0.3, 0.4, 0.5), Practice("P7"),
        ];
        var r = PeerComparison.Compare(practices, ["no-show-rate"]);

        var none = Single(r, 0);
        Assert.Equal(PeerComparisonStatus.NotScored, none.Status);
        Assert.Null(none.Value);
        Assert.Null(none.PercentileRank);
        Assert.Equal((5, 5), (none.ScoredPractices, none.PeerCount));
        Assert.Equal(0.3, none.PeerMedian!.Value, precision: 12);
        Assert.Equal("The practice has no value for this measure, so it is not ranked: Too few appointments.", none.StatusReason);
        Assert.Equal("The practice has no card for this measure, so it is not ranked.", Single(r, 6).StatusReason);
        // The five with a value have four peers each: the two practices without one do not count.
        Assert.All(r.Practices.Skip(1).Take(5), p => Assert.Equal(PeerComparisonStatus.TooFewPeers, Assert.Single(p.Measures).Status));
    }

    [Fact]
    public void Compare_OnePractice_HasNoPeers()
    {
        var r = PeerComparison.Compare([Practice("Only", Card("no-show-rate", 0.1))], ["no-show-rate"]);
        var m = Single(r, 0);
        Assert.Equal((PeerComparisonStatus.TooFewPeers, 1, 0), (m.Status, m.ScoredPractices, m.PeerCount));
        Assert.Equal("Only", r.Practices[0].Name);
    }

    [Fact]
    public void Compare_NoPractices_IsEmpty() =>
        Assert.Empty(PeerComparison.Compare(Array.Empty<PeerPractice>()).Practices);

    [Fact]
    public void Compare_TakesDirectionsFromTheCatalog_NeutralAndUnknownKeysHaveNoBetterSide()
    {
        var practices = Enumerable.Range(0, 6).Select(i => Practice($"P{i}",
            Card("telehealth-share", i / 10.0), Card("on-time-start-rate", i / 10.0), Card("host-measure", i, ScoreScale.Count))).ToList();
        var r = PeerComparison.Compare(practices, ["telehealth-share", "on-time-start-rate", "host-measure"]);
        var m = r.Practices[3].Measures;
        Assert.Equal([ImprovementDirection.Neutral, ImprovementDirection.Increase, null], m.Select(x => x.Direction));
        Assert.All(m, x => Assert.Equal(3.5 / 6 * 100, x.PercentileRank!.Value, precision: 12));   // rank is in value order whatever the direction
        Assert.Equal(ScoreScale.Count, m[2].Scale);
    }

    [Fact]
    public void Compare_OnlyPracticeScopeCardsCount()
    {
        var lineCard = ScoreCard.Ok("no-show-rate", ScoreScope.ServiceLine("dermatology"), 0.9, ScoreScale.Proportion, 100, 0, []);
        var practices = OneMeasure("no-show-rate", 0.1, 0.2, 0.3, 0.4, 0.5).Add(Practice("P6", lineCard));
        var m = Single(PeerComparison.Compare(practices, ["no-show-rate"]), 5);
        Assert.Equal(PeerComparisonStatus.NotScored, m.Status);
        Assert.Equal("The practice has no card for this measure, so it is not ranked.", m.StatusReason);
    }

    [Fact]
    public void Compare_ByDefault_UsesTheHeadlineMeasures_InOrder_AndKeepsThePracticesOrder()
    {
        var r = PeerComparison.Compare([Practice("B"), Practice("A")]);
        Assert.Equal(PeerComparison.HeadlineMeasures, r.MeasureKeys);
        Assert.Equal(["B", "A"], r.Practices.Select(p => p.Name));
        Assert.All(r.Practices, p => Assert.Equal(PeerComparison.HeadlineMeasures, p.Measures.Select(m => m.MeasureKey)));
        Assert.Equal(PeerComparison.MinimumPeers, r.MinimumPeers);
        Assert.Equal(PeerComparison.Purpose, r.Purpose);
    }

    [Fact]
    public void Compare_BlankName_Throws() =>
        Assert.Throws<ArgumentException>(() => PeerComparison.Compare([Practice(" ")]));

    [Fact]
    public void Result_SerializesWithCamelCaseStatus()
    {
        var r = PeerComparison.Compare(OneMeasure("no-show-rate", 0.1, 0.2, 0.3, 0.4, 0.5, 0.6), ["no-show-rate"]);
        string json = JsonSerializer.Serialize(r, PatientCentricJsonContext.Default.PeerComparisonResult);
        using var doc = JsonDocument.Parse(json);
        var m = doc.RootElement.GetProperty("practices")[0].GetProperty("measures")[0];
        Assert.Equal("ranked", m.GetProperty("status").GetString());
        Assert.Equal("decrease", m.GetProperty("direction").GetString());
        Assert.Equal(5, m.GetProperty("peerCount").GetInt32());
    }

    // Mid-ranks are a permutation-free average: over all N practices they sum to N²/2, so the mean percentile rank is 50;
    // and the order of the practices changes no one's result.
    [Property(MaxTest = 300)]
    public bool Compare_MeanRankIsFifty_AndOrderDoesNotMatter(int seed)
    {
        var random = new Random(seed);
        double?[] values = [.. Enumerable.Range(0, random.Next(6, 30)).Select(_ => (double?)random.Next(0, 8))];
        var practices = OneMeasure("lead-time", values);
        var r = PeerComparison.Compare(practices, ["lead-time"]);
        double mean = r.Practices.Average(p => p.Measures[0].PercentileRank!.Value);
        var shuffled = practices.ToArray();
        random.Shuffle(shuffled);
        var byName = PeerComparison.Compare(shuffled, ["lead-time"]).Practices.ToDictionary(p => p.Name, p => p.Measures[0]);
        return Math.Abs(mean - 50) < 1e-9 && r.Practices.All(p => byName[p.Name] == p.Measures[0]);
    }
}
