namespace PatientCentric.Jobs;

/// <summary>What gets in the way of a patient doing a job, as recorded by the care team (docs/jobs.md#support-plans).</summary>
public enum JobBarrier
{
    /// <summary>No barrier recorded: the plan suggests an outreach call to ask.</summary>
    Unknown,

    /// <summary>Forgetting or routine.</summary>
    Forgetting,

    /// <summary>Cost.</summary>
    Cost,

    /// <summary>Access or logistics (transport, scheduling, time off work).</summary>
    Access,

    /// <summary>Knowledge or skill (how to use a device, why the job matters).</summary>
    Knowledge,

    /// <summary>A complex regimen.</summary>
    Complexity,
}
