using System.Collections.Immutable;
using PatientCentric.Scoring;

namespace PatientCentric.Peers;

/// <summary>Places each practice's headline measures among its peers': the percentile rank of its value and the peers'
/// median and interquartile range, computed exactly from the per-practice values (docs/peers.md).</summary>
/// <remarks>
/// <para>Definitions, for one measure: the <em>scored practices</em> are the compared practices whose practice-scope card
/// has status <see cref="ScoreStatus.Ok"/> (N of them); a practice's <em>peers</em> are the other scored practices, never
/// itself. The percentile rank is the mid-rank percentile of the practice's value among all N values, itself included:
/// (values below + ½ × values equal) ÷ N × 100, in value order whatever the measure's direction (so for a measure where
/// lower is better, a low rank is the better place). Values within 1e−9 of each other (absolute up to magnitude 1,
/// relative above) count as equal. The peer median, first and third quartiles are Hyndman–Fan type 7 quantiles
/// (p = 0.5, 0.25, 0.75) of the peers' values, this practice left out.</para>
/// <para>With fewer than <see cref="MinimumPeers"/> peers a measure is not ranked and no peer statistic is given
/// (<see cref="PeerComparisonStatus.TooFewPeers"/>): with one or two peers a median or quartile would nearly be a
/// peer's own value. A practice without a value is <see cref="PeerComparisonStatus.NotScored"/>, with the peer statistics
/// when it has enough peers.</para>
/// <para>Pure and thread-safe: no I/O, no clock; the result depends only on the values, not on the order of the practices
/// (which is kept in the output). Source for type 7: Hyndman RJ, Fan Y (1996), "Sample quantiles in statistical
/// packages", The American Statistician 50(4):361–365.</para>
/// </remarks>
public static class PeerComparison
{
    /// <summary>The fewest peers (other practices with a value) a rank and peer statistics need: 5.</summary>
    public const int MinimumPeers = 5;

    /// <summary>What a peer comparison is for, shown with every peer table.</summary>
    public const string Purpose =
        "Peer comparisons are for support and learning: a benchmark for each practice's own improvement, never a league table and never a basis for pay, contracts or sanctions.";

    /// <summary>Gets the headline measures compared by default, the same as the HTML report's headline cards:
    /// <c>nps:recommend</c>, <c>no-show-rate</c>, <c>lead-time</c>, <c>wait-to-be-seen</c>, <c>on-time-start-rate</c>,
    /// <c>portal-response</c>, <c>cahps:access</c> and <c>clean-claim-rate</c>.</summary>
    public static ImmutableArray<string> HeadlineMeasures { get; } =
        ["nps:recommend", "no-show-rate", "lead-time", "wait-to-be-seen", "on-time-start-rate", "portal-response", "cahps:access", "clean-claim-rate"];

    /// <summary>Compares the <see cref="HeadlineMeasures"/> of evaluated practices, each named by its
    /// <see cref="PracticeEvaluation.PracticeName"/>.</summary>
    /// <param name="evaluations">The practices' evaluations.</param>
    /// <returns>The comparison, practices in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="evaluations"/> or one of its items is <see langword="null"/>.</exception>
    public static PeerComparisonResult Compare(IEnumerable<PracticeEvaluation> evaluations)
    {
        ArgumentNullException.ThrowIfNull(evaluations);
        return Compare(evaluations.Select(e => PeerPractice.From(e)), HeadlineMeasures);
    }

    /// <summary>Compares the <see cref="HeadlineMeasures"/> of <paramref name="practices"/>.</summary>
    /// <param name="practices">The practices, each with its cards.</param>
    /// <returns>The comparison, practices in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="practices"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A practice's name is <see langword="null"/>, empty or white space.</exception>
    public static PeerComparisonResult Compare(IEnumerable<PeerPractice> practices) => Compare(practices, HeadlineMeasures);

    /// <summary>Compares the given measures of <paramref name="practices"/>.</summary>
    /// <param name="practices">The practices, each with its cards.</param>
    /// <param name="measureKeys">The measure keys to compare, such as <see cref="HeadlineMeasures"/>; a key given twice is compared once.</param>
    /// <returns>The comparison, practices in input order, measures in the order given.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="practices"/>, <paramref name="measureKeys"/> or an item of either is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A practice's name or a measure key is empty or white space.</exception>
    public static PeerComparisonResult Compare(IEnumerable<PeerPractice> practices, IEnumerable<string> measureKeys)
    {
        ArgumentNullException.ThrowIfNull(practices);
        ArgumentNullException.ThrowIfNull(measureKeys);
        var list = practices.ToList();
        foreach (var p in list)
        {
            ArgumentNullException.ThrowIfNull(p, nameof(practices));
            ArgumentException.ThrowIfNullOrWhiteSpace(p.Name, nameof(practices));
        }
        var keys = new List<string>();
        foreach (var key in measureKeys)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(key, nameof(measureKeys));
            if (!keys.Contains(key, StringComparer.Ordinal))
                keys.Add(key);
        }

        var perPractice = list.Select(_ => ImmutableArray.CreateBuilder<PeerMeasureComparison>(keys.Count)).ToList();
        foreach (string key in keys)
        {
            var cards = list.Select(p => p.Cards.FirstOrDefault(c => c.Scope.Level == ScopeLevel.Practice && c.MeasureKey == key)).ToList();
            var comparisons = CompareMeasure(key, cards);
            for (int i = 0; i < list.Count; i++)
                perPractice[i].Add(comparisons[i]);
        }
        return new PeerComparisonResult([.. keys], MinimumPeers,
            [.. list.Select((p, i) => new PracticePeerComparison(p.Name, perPractice[i].MoveToImmutable()))], Purpose);
    }

    /// <summary>One measure across the practices: <paramref name="cards"/> holds each practice's practice-scope card, or null.</summary>
    private static PeerMeasureComparison[] CompareMeasure(string key, List<ScoreCard?> cards)
    {
        var direction = MeasureCatalog.DirectionOf(key);
        ScoreScale? fallbackScale = (cards.FirstOrDefault(c => c?.Status == ScoreStatus.Ok) ?? cards.FirstOrDefault(c => c is not null))?.Scale;
        double[] scored = [.. cards.Where(c => c is { Status: ScoreStatus.Ok, Value: not null }).Select(c => c!.Value!.Value).Order()];
        int n = scored.Length;
        var result = new PeerMeasureComparison[cards.Count];
        for (int i = 0; i < cards.Count; i++)
        {
            var card = cards[i];
            double? own = card is { Status: ScoreStatus.Ok, Value: { } v } ? v : null;
            int peerCount = own is null ? n : n - 1;
            double? median = null, q1 = null, q3 = null;
            if (peerCount >= MinimumPeers)
            {
                double[] peers = own is { } self ? WithoutOne(scored, self) : scored;
                median = Quantiles.HyndmanFanType7(peers, 0.5);
                q1 = Quantiles.HyndmanFanType7(peers, 0.25);
                q3 = Quantiles.HyndmanFanType7(peers, 0.75);
            }
            var scale = card?.Scale ?? fallbackScale;
            result[i] = own switch
            {
                null => new(key, PeerComparisonStatus.NotScored, null, scale, direction, n, peerCount, null, median, q1, q3,
                            card is null ? "The practice has no card for this measure, so it is not ranked."
                                         : $"The practice has no value for this measure, so it is not ranked: {card.StatusReason ?? "no reason given."}"),
                { } value when peerCount < MinimumPeers =>
                    new(key, PeerComparisonStatus.TooFewPeers, value, scale, direction, n, peerCount, null, null, null, null,
                        "Fewer than 5 other practices have a value for this measure, so it is not ranked."),
                { } value => new(key, PeerComparisonStatus.Ranked, value, scale, direction, n, peerCount, PercentileRank(scored, value), median, q1, q3, null),
            };
        }
        return result;
    }

    /// <summary>The mid-rank percentile of <paramref name="value"/> (one of <paramref name="sorted"/>): (below + ½ × equal) ÷ N × 100.</summary>
    internal static double PercentileRank(ReadOnlySpan<double> sorted, double value)
    {
        int below = 0, equal = 0;
        foreach (double x in sorted)
        {
            if (AreEqual(x, value))
                equal++;
            else if (x < value)
                below++;
        }
        return (below + (0.5 * equal)) / sorted.Length * 100.0;
    }

    /// <summary>Equal within 1e−9: absolute up to magnitude 1 (the convention for scores on 0..1), relative above.</summary>
    private static bool AreEqual(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1.0, Math.Max(Math.Abs(a), Math.Abs(b)));

    /// <summary>The sorted values with one occurrence of <paramref name="self"/> removed (still sorted).</summary>
    private static double[] WithoutOne(double[] sorted, double self)
    {
        int at = Array.IndexOf(sorted, self);
        return [.. sorted[..at], .. sorted[(at + 1)..]];
    }
}
