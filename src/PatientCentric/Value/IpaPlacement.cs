namespace PatientCentric.Value;

/// <summary>Where one attribute falls on the importance–performance grid, and the effort it is suggested (docs/ipa.md).</summary>
/// <param name="Name">The attribute's name.</param>
/// <param name="Importance">I.</param>
/// <param name="Performance">P.</param>
/// <param name="Quadrant">The quadrant; a value equal to a crosshair counts as high.</param>
/// <param name="Gap">P − I (meaningful when both share a scale).</param>
/// <param name="Priority">For quadrant A, <c>max(0, I) · max(0, best − P)</c>; otherwise 0.</param>
/// <param name="EffortShare">The share of improvement effort suggested, 0 to 1: <c>Priority / Σ Priority</c> over quadrant A
/// (equal shares when every priority in A is 0); 0 outside quadrant A. The shares of quadrant A sum to 1.</param>
public sealed record IpaPlacement(string Name, double Importance, double Performance, IpaQuadrant Quadrant, double Gap, double Priority, double EffortShare);
