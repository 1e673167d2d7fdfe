namespace PatientCentric.Control;

/// <summary>A funnel plot's limits at one volume, in the unit of the plotted values (after the multiplier).</summary>
/// <param name="Lower95">The lower 95 % limit (z = 1.959964).</param>
/// <param name="Upper95">The upper 95 % limit.</param>
/// <param name="Lower998">The lower 99.8 % limit (z = 3.090232).</param>
/// <param name="Upper998">The upper 99.8 % limit.</param>
public readonly record struct FunnelLimits(double Lower95, double Upper95, double Lower998, double Upper998);
