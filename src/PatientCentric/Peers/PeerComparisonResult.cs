using System.Collections.Immutable;

namespace PatientCentric.Peers;

/// <summary>The peer comparison of a group of practices: the measures compared and, per practice in input order, each
/// measure placed among the other practices (docs/peers.md).</summary>
/// <param name="MeasureKeys">The measures compared, in the order given.</param>
/// <param name="MinimumPeers">The fewest other practices with a value that a rank and peer statistics need
/// (<see cref="PeerComparison.MinimumPeers"/>).</param>
/// <param name="Practices">One entry per practice, in input order.</param>
/// <param name="Purpose">What the comparison is for (<see cref="PeerComparison.Purpose"/>); reports show it with the table.</param>
public sealed record PeerComparisonResult(ImmutableArray<string> MeasureKeys, int MinimumPeers,
                                          ImmutableArray<PracticePeerComparison> Practices, string Purpose)
{
    /// <summary>Gets the measures compared.</summary>
    public ImmutableArray<string> MeasureKeys { get; init; } = MeasureKeys.IsDefault ? [] : MeasureKeys;

    /// <summary>Gets one entry per practice, in input order.</summary>
    public ImmutableArray<PracticePeerComparison> Practices { get; init; } = Practices.IsDefault ? [] : Practices;
}
