namespace PatientCentric.Peers;

/// <summary>Whether a practice's measure could be placed among its peers, and if not, why (docs/peers.md).</summary>
public enum PeerComparisonStatus
{
    /// <summary>The practice has a value and at least <see cref="PeerComparison.MinimumPeers"/> other practices have one:
    /// the percentile rank and the peer median and quartiles are given.</summary>
    Ranked,

    /// <summary>The practice has a value but fewer than <see cref="PeerComparison.MinimumPeers"/> other practices have one:
    /// no rank and no peer statistics, which would nearly give away the few peers' own values.</summary>
    TooFewPeers,

    /// <summary>The practice has no value for the measure (no card, or a card that is not <see cref="Scoring.ScoreStatus.Ok"/>):
    /// no rank; the peer median and quartiles are still given when enough other practices have a value.</summary>
    NotScored,
}
