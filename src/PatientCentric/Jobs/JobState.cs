namespace PatientCentric.Jobs;

/// <summary>Where a patient job stands as of an evaluation date (docs/jobs.md#timeliness-of-labs-follow-ups-and-forms), for due date D, grace g, completion
/// c, evaluation date t and missed-after m.</summary>
public enum JobState
{
    /// <summary>Completed by the due date plus grace: <c>c ≤ D + g</c>.</summary>
    OnTime,

    /// <summary>Completed after the due date plus grace: <c>c &gt; D + g</c>.</summary>
    Late,

    /// <summary>Not completed and not yet due: <c>t ≤ D + g</c>. Reported, excluded from rates.</summary>
    Pending,

    /// <summary>Not completed, past due but not yet missed: <c>D + g &lt; t ≤ D + g + m</c>. Reported, excluded from rates.</summary>
    Overdue,

    /// <summary>Not completed and past the missed-after horizon: <c>t &gt; D + g + m</c>.</summary>
    Missed,
}
