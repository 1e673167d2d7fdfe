namespace PatientCentric.Customers;

/// <summary>One node of a synthesised AHP hierarchy: its local priorities and its global weight.</summary>
/// <param name="Name">The node's name.</param>
/// <param name="GlobalWeight">The node's weight relative to the goal: the sum over paths from the goal of the product of local weights (1 for the goal).</param>
/// <param name="Priorities">The local priorities of its children and the consistency of its judgements.</param>
public sealed record AhpNodeResult(string Name, double GlobalWeight, AhpPriorities Priorities);
