namespace PatientCentric.Value;

/// <summary>The four quadrants of Martilla &amp; James's (1977) importance–performance grid (docs/ipa.md).</summary>
public enum IpaQuadrant
{
    /// <summary>A: high importance, low performance; allocate resources here first.</summary>
    ConcentrateHere,

    /// <summary>B: high importance, high performance; maintain.</summary>
    KeepUpTheGoodWork,

    /// <summary>C: low importance, low performance; monitor.</summary>
    LowPriority,

    /// <summary>D: low importance, high performance; a candidate to release resources.</summary>
    PossibleOverkill,
}
