namespace PatientCentric.Control;

/// <summary>One unit of a funnel plot: its value, z-score, limits at its own volume and whether it lies outside them.</summary>
/// <param name="Value">numerator ÷ denominator × multiplier.</param>
/// <param name="Z">(Y − target) ÷ spread on the chart's scale (arcsine square root, or log), with the overdispersion adjustment
/// that was applied.</param>
/// <param name="Limits">The limits at the unit's denominator.</param>
/// <param name="Outside95">Whether <paramref name="Value"/> is strictly outside the 95 % limits (a value on a limit is inside).</param>
/// <param name="Outside998">Whether <paramref name="Value"/> is strictly outside the 99.8 % limits.</param>
public readonly record struct FunnelUnit(double Value, double Z, FunnelLimits Limits, bool Outside95, bool Outside998);
