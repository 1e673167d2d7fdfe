namespace PatientCentric.Customers;

/// <summary>One node of an AHP hierarchy: a goal or criterion and the judgements comparing its children
/// (sub-criteria, or the alternatives for a leaf criterion) (docs/ahp.md).</summary>
/// <param name="Name">The node's name; its parent lists it among its items.</param>
/// <param name="Comparisons">The judgements over the node's children.</param>
public sealed record AhpNode(string Name, PairwiseComparisonMatrix Comparisons);
