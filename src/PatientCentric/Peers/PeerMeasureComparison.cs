using PatientCentric.Control;
using PatientCentric.Scoring;

namespace PatientCentric.Peers;

/// <summary>One practice's value of one measure placed among the other practices' values of it (docs/peers.md).</summary>
/// <param name="MeasureKey">The measure's key, such as <c>"no-show-rate"</c>.</param>
/// <param name="Status">Whether the practice is ranked, and if not, why.</param>
/// <param name="Value">The practice's own value on <paramref name="Scale"/>; <see langword="null"/> when
/// <paramref name="Status"/> is <see cref="PeerComparisonStatus.NotScored"/>.</param>
/// <param name="Scale">The scale of <paramref name="Value"/> and of the peer statistics: the practice's card's, else the
/// first scored practice's; <see langword="null"/> when no practice has a card for the measure.</param>
/// <param name="Direction">Which way the measure improves (<see cref="MeasureCatalog.DirectionOf"/>):
/// <see cref="ImprovementDirection.Neutral"/> or <see langword="null"/> (a key the library does not define) mean that
/// neither side of the peers is called better.</param>
/// <param name="ScoredPractices">How many of the compared practices have a value for the measure, this one included when
/// it has one: the N of <paramref name="PercentileRank"/>.</param>
/// <param name="PeerCount">How many other practices have a value for the measure (this one never counts as its own peer).</param>
/// <param name="PercentileRank">The mid-rank percentile of <paramref name="Value"/> among the
/// <paramref name="ScoredPractices"/> values, in value order (ascending, whatever the direction):
/// (values below + ½ × values equal, itself included) ÷ N × 100, strictly between 0 and 100; <see langword="null"/>
/// unless <paramref name="Status"/> is <see cref="PeerComparisonStatus.Ranked"/>.</param>
/// <param name="PeerMedian">The median of the peers' values (this practice left out); <see langword="null"/> when there
/// are fewer than <see cref="PeerComparison.MinimumPeers"/> peers.</param>
/// <param name="PeerQ1">The first quartile of the peers' values (Hyndman–Fan type 7); <see langword="null"/> with the median.</param>
/// <param name="PeerQ3">The third quartile of the peers' values (Hyndman–Fan type 7); <see langword="null"/> with the median.</param>
/// <param name="StatusReason">Why the practice is not ranked, as one sentence without counts; <see langword="null"/> when it is.</param>
public sealed record PeerMeasureComparison(string MeasureKey, PeerComparisonStatus Status, double? Value, ScoreScale? Scale,
                                           ImprovementDirection? Direction, int ScoredPractices, int PeerCount,
                                           double? PercentileRank, double? PeerMedian, double? PeerQ1, double? PeerQ3,
                                           string? StatusReason);
