namespace PatientCentric.Jobs;

/// <summary>Counts of jobs per <see cref="JobState"/>, with the timeliness and completion rates they give (docs/jobs.md#timeliness-of-labs-follow-ups-and-forms).
/// A mergeable partial aggregate: counting shards separately and adding them gives exactly the one-pass counts.</summary>
/// <param name="OnTime">Jobs completed on time.</param>
/// <param name="Late">Jobs completed late.</param>
/// <param name="Pending">Open jobs not yet due.</param>
/// <param name="Overdue">Open jobs past due, not yet missed.</param>
/// <param name="Missed">Open jobs past the missed-after horizon.</param>
public readonly record struct JobStateCounts(int OnTime, int Late, int Pending, int Overdue, int Missed)
{
    /// <summary>Gets the jobs the rates count: on time + late + missed (pending and overdue are reported but excluded).</summary>
    public int Resolved => OnTime + Late + Missed;

    /// <summary>Gets <c>OnTime / (OnTime + Late + Missed)</c>, or <see langword="null"/> when that denominator is 0.</summary>
    public double? TimelinessRate => Resolved == 0 ? null : (double)OnTime / Resolved;

    /// <summary>Gets <c>(OnTime + Late) / (OnTime + Late + Missed)</c>, or <see langword="null"/> when that denominator is 0.</summary>
    public double? CompletionRate => Resolved == 0 ? null : (double)(OnTime + Late) / Resolved;

    /// <summary>Returns these counts with one more job in <paramref name="state"/>.</summary>
    /// <param name="state">The job's state.</param>
    /// <returns>The new counts.</returns>
    public JobStateCounts Add(JobState state) => state switch
    {
        JobState.OnTime => this with { OnTime = OnTime + 1 },
        JobState.Late => this with { Late = Late + 1 },
        JobState.Pending => this with { Pending = Pending + 1 },
        JobState.Overdue => this with { Overdue = Overdue + 1 },
        _ => this with { Missed = Missed + 1 },
    };

    /// <summary>Adds two partial counts.</summary>
    /// <param name="a">One shard's counts.</param>
    /// <param name="b">Another shard's counts.</param>
    /// <returns>The counts of both.</returns>
    public static JobStateCounts operator +(JobStateCounts a, JobStateCounts b) =>
        new(a.OnTime + b.OnTime, a.Late + b.Late, a.Pending + b.Pending, a.Overdue + b.Overdue, a.Missed + b.Missed);
}
