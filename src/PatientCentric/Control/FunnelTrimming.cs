namespace PatientCentric.Control;

/// <summary>How extreme units are kept out of the overdispersion estimate.</summary>
public enum FunnelTrimming
{
    /// <summary>z-scores beyond the chosen percentiles are pulled in to those percentiles (eval key <c>winsorise</c>).</summary>
    Winsorise,

    /// <summary>Units whose z-score lies beyond the chosen percentiles are left out of the estimate (eval key <c>truncate</c>).</summary>
    Truncate,
}
