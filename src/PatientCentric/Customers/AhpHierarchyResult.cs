using System.Collections.Immutable;

namespace PatientCentric.Customers;

/// <summary>The synthesis of an AHP hierarchy: the alternatives' global weights and every node's priorities (docs/ahp.md).</summary>
/// <param name="Goal">The name of the goal node (the node that is no other node's item).</param>
/// <param name="Alternatives">The alternatives, in the order given.</param>
/// <param name="Weights">The alternatives' global weights, aligned with <paramref name="Alternatives"/>: the sum over
/// paths from the goal of the product of local weights, without rounding at any node; they sum to 1.</param>
/// <param name="Nodes">Every node, goal first, then in the order given.</param>
public sealed record AhpHierarchyResult(string Goal, ImmutableArray<string> Alternatives, ImmutableArray<double> Weights,
                                        ImmutableArray<AhpNodeResult> Nodes)
{
    /// <summary>Gets whether every node's consistency ratio is at most 0.10.</summary>
    public bool IsConsistent => Nodes.All(n => n.Priorities.IsConsistent);
}
