using PatientCentric.Scoring;

namespace PatientCentric.Jobs;

/// <summary>Classifies jobs as on time, late, pending, overdue or missed, and counts them into timeliness and completion
/// rates (docs/jobs.md#timeliness-of-labs-follow-ups-and-forms).</summary>
public static class JobTimeliness
{
    /// <summary>The default grace after the due date: 0 days.</summary>
    public const int DefaultGraceDays = 0;

    /// <summary>The default horizon after which an open job counts as missed: 30 days after due + grace.</summary>
    public const int DefaultMissedAfterDays = 30;

    /// <summary>Classifies one job as of <paramref name="asOf"/>.</summary>
    /// <param name="dueOn">D, the due date.</param>
    /// <param name="completedOn">c, the completion date, or <see langword="null"/>. A completion dated after
    /// <paramref name="asOf"/> is not yet known as of that date and is treated as absent.</param>
    /// <param name="asOf">t, the evaluation date.</param>
    /// <param name="graceDays">g, 0 or more.</param>
    /// <param name="missedAfterDays">m, 0 or more.</param>
    /// <returns>The state.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="graceDays"/> or <paramref name="missedAfterDays"/> is negative.</exception>
    public static JobState Classify(DateOnly dueOn, DateOnly? completedOn, DateOnly asOf, int graceDays = DefaultGraceDays, int missedAfterDays = DefaultMissedAfterDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(graceDays);
        ArgumentOutOfRangeException.ThrowIfNegative(missedAfterDays);
        DateOnly deadline = CalendarMath.AddDays(dueOn, graceDays);
        if (completedOn is { } c && c <= asOf)
            return c <= deadline ? JobState.OnTime : JobState.Late;
        if (asOf <= deadline)
            return JobState.Pending;
        return asOf <= CalendarMath.AddDays(deadline, missedAfterDays) ? JobState.Overdue : JobState.Missed;
    }
}
