using System.Collections.Immutable;

namespace PatientCentric.Peers;

/// <summary>One practice's compared measures, in the order of <see cref="PeerComparisonResult.MeasureKeys"/>.</summary>
/// <param name="Name">The practice's display name, as given in <see cref="PeerPractice.Name"/>.</param>
/// <param name="Measures">One comparison per measure key.</param>
public sealed record PracticePeerComparison(string Name, ImmutableArray<PeerMeasureComparison> Measures)
{
    /// <summary>Gets one comparison per measure key.</summary>
    public ImmutableArray<PeerMeasureComparison> Measures { get; init; } = Measures.IsDefault ? [] : Measures;
}
