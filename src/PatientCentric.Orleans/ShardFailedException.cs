namespace PatientCentric.Orleans;

/// <summary>A cluster run failed because of one shard: its data could not be read or scored (bad data, a missing file or
/// folder, an unknown time zone), its partial could not be merged with the others, or it could not be scored on any silo
/// within the allowed attempts. The run returns no evaluation: a result without the shard would not be the whole.</summary>
/// <remarks>The message names the shard (its index, kind and path) and the reason, never a record's value or a patient
/// identifier.</remarks>
public sealed class ShardFailedException : Exception
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public ShardFailedException() : this("A shard failed.") { }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message.</param>
    public ShardFailedException(string message) : base(message) => Reason = message;

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ShardFailedException(string message, Exception innerException) : base(message, innerException) => Reason = message;

    internal ShardFailedException(int shardIndex, ShardDescriptor shard, string reason, Exception? innerException = null)
        : base($"Shard {shardIndex} ({shard}) failed: {reason}", innerException)
    {
        ShardIndex = shardIndex;
        Shard = shard;
        Reason = reason;
    }

    /// <summary>Gets the failing shard's index in <see cref="ScoringManifest.Shards"/>, or -1 when not known.</summary>
    public int ShardIndex { get; } = -1;

    /// <summary>Gets the failing shard, or <see langword="null"/> when not known.</summary>
    public ShardDescriptor? Shard { get; }

    /// <summary>Gets why the shard failed, without the shard's name.</summary>
    public string Reason { get; }
}
