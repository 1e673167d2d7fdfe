namespace PatientCentric.Control;

/// <summary>The "Making Data Count" variation icon: the point type of the last point of the chart (docs/spc.md).</summary>
public enum VariationIcon
{
    /// <summary>The last point is common cause.</summary>
    CommonCause,

    /// <summary>The last point is a special cause improvement.</summary>
    SpecialCauseImprovement,

    /// <summary>The last point is a special cause concern.</summary>
    SpecialCauseConcern,

    /// <summary>The last point is a special cause with a neutral improvement direction (high or low).</summary>
    SpecialCauseNeutral,
}
