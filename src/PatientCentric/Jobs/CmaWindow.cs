namespace PatientCentric.Jobs;

/// <summary>A follow-up or observation window for the continuous multiple-interval measures: a start offset and a
/// length, both in whole days (docs/adherence-cma.md).</summary>
/// <param name="StartDays">Days from the window's origin to its first day; 0 or more. The follow-up window's origin is
/// the date of the earliest medication event (AdhereR's <c>followup.window.start</c>); the observation window's origin
/// is the follow-up window's first day (AdhereR's <c>observation.window.start</c>, read as docs/adherence-cma.md defines it).</param>
/// <param name="DurationDays">The window's length in days; at least 1. The window is half-open: it covers
/// <c>[start, start + DurationDays)</c>, so an event dated <c>start + DurationDays</c> is outside.</param>
/// <remarks>Immutable. Validated by <see cref="ContinuousMultipleIntervalMeasures.Compute"/>, not on construction,
/// so <c>default(CmaWindow)</c> (length 0) is rejected there.</remarks>
public readonly record struct CmaWindow(int StartDays, int DurationDays)
{
    /// <summary>AdhereR's default window length: 730 days (two years), for both windows.</summary>
    public const int DefaultDurationDays = 730;

    /// <summary>Gets AdhereR's default follow-up window: starting at the earliest event, 730 days long.</summary>
    public static CmaWindow DefaultFollowUp => new(0, DefaultDurationDays);

    /// <summary>Gets AdhereR's default observation window: starting with the follow-up window, 730 days long.</summary>
    public static CmaWindow DefaultObservation => new(0, DefaultDurationDays);
}
