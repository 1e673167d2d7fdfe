using System.ComponentModel.DataAnnotations;

namespace PatientCentric.Orleans;

/// <summary>How <see cref="PatientCentricClusterClient"/> runs a manifest on the cluster.</summary>
public sealed class PatientCentricClusterOptions
{
    /// <summary>Gets or sets how many times a shard is sent to the cluster when its silo dies or does not answer in
    /// time (Orleans' <c>SiloUnavailableException</c>, <c>OrleansMessageRejectionException</c>, <c>TimeoutException</c>)
    /// before the run fails. A shard that fails for its data is never retried.</summary>
    /// <value>1 to 100. The default is 3.</value>
    [Range(1, 100)]
    public int MaxAttemptsPerShard { get; set; } = 3;

    /// <summary>Gets or sets how many shards are being scored on the cluster at once.</summary>
    /// <value>1 to 10,000. The default is 64.</value>
    [Range(1, 10_000)]
    public int MaxShardsInFlight { get; set; } = 64;

    /// <summary>Gets or sets the pause before a lost shard's re-run, multiplied by the attempt number, so that the cluster
    /// can declare the dead silo dead before the shard is placed again.</summary>
    /// <value>0 to 600,000 milliseconds (10 minutes). The default is 1,000 (1 second).</value>
    [Range(0, 600_000)]
    public int RetryDelayMilliseconds { get; set; } = 1_000;
}
