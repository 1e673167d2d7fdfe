namespace PatientCentric.Control;

/// <summary>One point of an <see cref="SpcChart"/> with its centre line, its own limits and its classification, all in the unit
/// of the plotted values (after the multiplier).</summary>
/// <param name="Value">The plotted value; <see langword="null"/> for a period with no data (a gap), which has no limits and no
/// special cause.</param>
/// <param name="CentreLine">The centre line at this point.</param>
/// <param name="LowerProcessLimit">The lower process (3-sigma) limit; <see langword="null"/> on a run chart or a gap.</param>
/// <param name="UpperProcessLimit">The upper process (3-sigma) limit; <see langword="null"/> on a run chart or a gap.</param>
/// <param name="LowerNearLimit">The lower near (2-sigma) limit; <see langword="null"/> on a run chart or a gap.</param>
/// <param name="UpperNearLimit">The upper near (2-sigma) limit; <see langword="null"/> on a run chart or a gap.</param>
/// <param name="LowerOneSigma">The lower one-sigma limit; <see langword="null"/> on a run chart or a gap.</param>
/// <param name="UpperOneSigma">The upper one-sigma limit; <see langword="null"/> on a run chart or a gap.</param>
/// <param name="OutsideLimits">Whether the value is strictly beyond a process limit (a value on a limit is inside).</param>
/// <param name="CloseToLimits">Whether the value is strictly beyond a near limit but not outside the process limits.</param>
/// <param name="SpecialCause">The highest-priority special-cause rule that applies, or <see cref="SpecialCauseRule.None"/>.</param>
/// <param name="PointType">The point type; <see cref="PointType.CommonCause"/> for a gap.</param>
public readonly record struct SpcPoint(double? Value, double CentreLine,
                                       double? LowerProcessLimit, double? UpperProcessLimit,
                                       double? LowerNearLimit, double? UpperNearLimit,
                                       double? LowerOneSigma, double? UpperOneSigma,
                                       bool OutsideLimits, bool CloseToLimits, SpecialCauseRule SpecialCause, PointType PointType)
{
    /// <summary>Gets whether the period has data (<see cref="Value"/> is not <see langword="null"/>).</summary>
    public bool HasValue => Value.HasValue;
}
