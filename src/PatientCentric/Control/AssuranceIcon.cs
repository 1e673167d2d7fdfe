namespace PatientCentric.Control;

/// <summary>The "Making Data Count" assurance icon: where a target lies against the process limits (docs/spc.md).</summary>
public enum AssuranceIcon
{
    /// <summary>The whole process range lies on the passing side of the target: the target will be met consistently.</summary>
    ConsistentPass,

    /// <summary>The whole process range lies on the failing side of the target: the target will be missed consistently.</summary>
    ConsistentFail,

    /// <summary>The target lies within the process limits (or on one): it will be hit and missed at random.</summary>
    Inconsistent,
}
