namespace PatientCentric.Orleans;

/// <summary>Scores one shard into a partial evaluation. Keyed by <c>{runId}/{shardIndex}/{attempt}</c>: every attempt at a
/// shard is a new activation, so a re-run after a silo died never waits on the dead silo's directory entry.</summary>
internal interface IShardScoringGrain : IGrainWithStringKey
{
    /// <summary>Reads the shard, accumulates it and returns its partial as the bytes of
    /// <see cref="Scoring.EvaluationPartial.WriteTo"/>, or the reason its data cannot be scored.</summary>
    Task<ShardScoringResult> ScoreAsync(ShardScoringRequest request, CancellationToken cancellationToken);
}

/// <summary>One shard to score, in Orleans' own wire types (the core's types travel as JSON bytes, never through Orleans' serializer).</summary>
[GenerateSerializer, Immutable]
internal sealed record ShardScoringRequest(
    [property: Id(0)] string RunId,
    [property: Id(1)] int ShardIndex,
    [property: Id(2)] string Kind,
    [property: Id(3)] string Path,
    [property: Id(4)] int? PeriodStartDayNumber,
    [property: Id(5)] int? PeriodEndDayNumber,
    [property: Id(6)] string? ProfileKey,
    [property: Id(7)] DateTimeOffset AsOf);

/// <summary>A shard's partial (the bytes <see cref="Scoring.EvaluationPartial.WriteTo"/> wrote), or why its data cannot be
/// scored; exactly one of the two is set.</summary>
[GenerateSerializer, Immutable]
internal sealed record ShardScoringResult([property: Id(0)] byte[]? Partial, [property: Id(1)] string? Failure)
{
    public static ShardScoringResult Scored(byte[] partial) => new(partial, null);

    public static ShardScoringResult Failed(string reason) => new(null, reason);
}

/// <summary>Test seam: called on the silo before a shard is read and after it is scored. Not registered outside tests.</summary>
internal interface IShardScoringHook
{
    Task BeforeScoringAsync(string runId, int shardIndex, string silo, CancellationToken cancellationToken);

    void Scored(string runId, int shardIndex, string silo);
}
