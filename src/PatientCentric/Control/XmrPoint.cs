namespace PatientCentric.Control;

/// <summary>One point of an XmR chart with its classification (docs/spc.md).</summary>
/// <param name="Value">The value, in the unit of the series.</param>
/// <param name="RelativeToMean">+1 above the mean, −1 below, 0 exactly on it.</param>
/// <param name="OutsideLimits">Whether the value is strictly beyond a process limit.</param>
/// <param name="CloseToLimits">Whether the value is strictly beyond a near limit but not outside the process limits.</param>
/// <param name="SpecialCause">The highest-priority rule that applies to the point, or <see cref="SpecialCauseRule.None"/>.</param>
/// <param name="PointType">The point type: the rule's side or direction multiplied by the improvement direction.</param>
public readonly record struct XmrPoint(double Value, int RelativeToMean, bool OutsideLimits, bool CloseToLimits,
                                       SpecialCauseRule SpecialCause, PointType PointType);
