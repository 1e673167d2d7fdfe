namespace PatientCentric.Control;

/// <summary>The classification of one point of an XmR chart (docs/spc.md): the side or direction of the special-cause
/// rule that labelled it, multiplied by the improvement direction.</summary>
public enum PointType
{
    /// <summary>No special-cause rule applies to the point.</summary>
    CommonCause,

    /// <summary>A special cause in the improving direction.</summary>
    SpecialCauseImprovement,

    /// <summary>A special cause in the worsening direction.</summary>
    SpecialCauseConcern,

    /// <summary>A special cause upwards (above the mean, or an increasing trend) with a neutral improvement direction.</summary>
    SpecialCauseNeutralHigh,

    /// <summary>A special cause downwards (below the mean, or a decreasing trend) with a neutral improvement direction.</summary>
    SpecialCauseNeutralLow,
}
