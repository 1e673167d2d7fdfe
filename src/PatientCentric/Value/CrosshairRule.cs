namespace PatientCentric.Value;

/// <summary>Where importance–performance analysis draws its crosshairs (docs/ipa.md).</summary>
public enum CrosshairRule
{
    /// <summary>The mean of the attribute means on each axis (data-centred); the default.</summary>
    GrandMeans,

    /// <summary>The median of the attribute means on each axis (for even counts, the mean of the two middle values).</summary>
    Median,

    /// <summary>A fixed point of the rating scale, the same on both axes (such as 3 on a 1–5 scale).</summary>
    ScaleMidpoint,
}
