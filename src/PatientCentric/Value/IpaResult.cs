using System.Collections.Immutable;

namespace PatientCentric.Value;

/// <summary>An importance–performance analysis: the crosshairs, each attribute's placement, and the allocation order (docs/ipa.md).</summary>
/// <param name="ImportanceCrosshair">The importance at or above which an attribute counts as highly important.</param>
/// <param name="PerformanceCrosshair">The performance at or above which an attribute counts as performing well.</param>
/// <param name="BestPerformance">The best performance used in the priorities (best − P).</param>
/// <param name="Attributes">The placements, in input order.</param>
/// <param name="AllocationOrder">The quadrant-A attributes by descending priority (input order breaks ties): where to allocate first.</param>
public sealed record IpaResult(double ImportanceCrosshair, double PerformanceCrosshair, double BestPerformance,
                               ImmutableArray<IpaPlacement> Attributes, ImmutableArray<string> AllocationOrder);
