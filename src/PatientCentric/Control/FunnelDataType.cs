namespace PatientCentric.Control;

/// <summary>What a funnel plot compares across units (clinicians, service lines, sites).</summary>
public enum FunnelDataType
{
    /// <summary>A proportion: events ÷ cases, on the arcsine square-root scale (eval key <c>proportion</c>).</summary>
    Proportion,

    /// <summary>An indirectly standardised ratio: observed ÷ expected events, on the log scale (eval key <c>ratio</c>).</summary>
    Ratio,

    /// <summary>A rate: events ÷ exposure (such as patient days), on the log scale (eval key <c>rate</c>).</summary>
    Rate,
}
