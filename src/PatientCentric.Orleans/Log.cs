using Microsoft.Extensions.Logging;

namespace PatientCentric.Orleans;

/// <summary>Every log message of the package, with fixed event ids (5001–5099). Run ids, shard indexes, counts and
/// exception type names only: never a path's content, a record's value or a patient identifier.</summary>
internal static partial class Log
{
    [LoggerMessage(5001, LogLevel.Information, "Run {RunId}: scoring {ShardCount} shards on the cluster.")]
    public static partial void RunStarted(ILogger logger, string runId, int shardCount);

    [LoggerMessage(5002, LogLevel.Warning, "Run {RunId}: shard {ShardIndex} attempt {Attempt} was lost with its silo ({ExceptionType}); re-running it.")]
    public static partial void ShardRetried(ILogger logger, string runId, int shardIndex, int attempt, string exceptionType);

    [LoggerMessage(5003, LogLevel.Error, "Run {RunId}: shard {ShardIndex} failed; the run returns no evaluation.")]
    public static partial void ShardFailed(ILogger logger, string runId, int shardIndex);

    [LoggerMessage(5004, LogLevel.Information, "Run {RunId}: {ShardCount} shards merged and finished ({Retries} re-runs).")]
    public static partial void RunFinished(ILogger logger, string runId, int shardCount, int retries);

    [LoggerMessage(5010, LogLevel.Debug, "Run {RunId}: shard {ShardIndex} scored into a partial of {Bytes} bytes.")]
    public static partial void ShardScored(ILogger logger, string runId, int shardIndex, int bytes);

    [LoggerMessage(5011, LogLevel.Warning, "Run {RunId}: shard {ShardIndex} cannot be scored ({ExceptionType}).")]
    public static partial void ShardRefused(ILogger logger, string runId, int shardIndex, string exceptionType);
}
