namespace PatientCentric.Touchpoints;

/// <summary>The response scales CAHPS items use (docs/touchpoints.md#surveys-nps-and-cahps).</summary>
public enum CahpsScaleKind
{
    /// <summary>Two categories, such as No–Yes: top box = the most positive, bottom box = the least positive.</summary>
    TwoPoint,

    /// <summary>Three categories, such as No–Yes, somewhat–Yes, definitely: top box = the most positive, bottom box = the least positive.</summary>
    ThreePoint,

    /// <summary>Four categories, such as Never–Sometimes–Usually–Always: top box = the most positive, bottom box = the two least positive.</summary>
    FourPoint,

    /// <summary>The 0–10 rating, categories exactly <c>"0"</c>…<c>"10"</c>: top box 9–10, bottom box 0–6.</summary>
    Rating0To10,
}
