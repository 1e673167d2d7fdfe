namespace PatientCentric.Control;

/// <summary>How a funnel plot's limits allow for overdispersion: more spread between units than chance alone gives.</summary>
public enum FunnelOverdispersion
{
    /// <summary>No adjustment: exact Poisson limits for ratios and rates, arcsine limits for proportions (eval key <c>none</c>).</summary>
    None,

    /// <summary>Each unit's standard error is multiplied by √φ (eval key <c>multiplicative</c>).</summary>
    Multiplicative,

    /// <summary>A between-unit variance τ² is added to each unit's variance: √(s² + τ²) (a random-effects model; eval key
    /// <c>additive</c>).</summary>
    Additive,
}
