namespace PatientCentric.Control;

/// <summary>The special-cause rule that labels a point (docs/spc.md). When several rules apply, the label is the first in
/// this priority order: astronomical, trend, two of three, shift.</summary>
public enum SpecialCauseRule
{
    /// <summary>No rule applies.</summary>
    None,

    /// <summary>Rule 1: the point is outside the process limits (strictly beyond a limit).</summary>
    Astronomical,

    /// <summary>Rule 2: the point is part of a run of 7 points each strictly greater (or strictly smaller) than the one before.</summary>
    Trend,

    /// <summary>Rule 3: the point is close to a limit (beyond a near limit, not outside) in a window of 3 consecutive points on one
    /// side of the mean with at least 2 close points.</summary>
    TwoOfThree,

    /// <summary>Rule 4: the point is part of a run of 7 consecutive points on one side of the mean (a point on the mean breaks it).</summary>
    Shift,
}
