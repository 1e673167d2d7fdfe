using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using PatientCentric.Scoring;
using PatientCentric.Serialization;

namespace PatientCentric.Orleans;

/// <summary>Scores a manifest of shards on an Orleans cluster and returns the evaluation one process gives on their union:
/// fans the shards out to <c>IShardScoringGrain</c>s across the silos, re-runs a shard whose silo died or did not answer,
/// merges each shard's partial exactly once (by its index, in index order) and finishes (docs/scale.md#a-cluster-on-orleans).
/// Registered by <c>services.AddPatientCentricClusterClient()</c>; thread-safe, one instance serves concurrent runs.</summary>
public sealed class PatientCentricClusterClient
{
    private readonly IClusterClient _cluster;
    private readonly PracticeEvaluator _evaluator;
    private readonly TimeProvider _time;
    private readonly PatientCentricClusterOptions _options;
    private readonly ILogger _logger;

    internal PatientCentricClusterClient(IClusterClient cluster, PracticeEvaluator evaluator, TimeProvider time,
                                         IOptions<PatientCentricClusterOptions> options, ILogger<PatientCentricClusterClient>? logger)
    {
        _cluster = cluster;
        _evaluator = evaluator;
        _time = time;
        _options = options.Value;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Scores every shard of <paramref name="manifest"/> on the cluster, merges the partials and finishes them.</summary>
    /// <param name="manifest">The shards, period, profile and instant.</param>
    /// <param name="cancellationToken">Cancels the run and the shards being scored.</param>
    /// <returns>The evaluation of the shards' union: the same as <see cref="PracticeEvaluator.Evaluate(Records.PracticeDataSet, MeasurementPeriod?, Profile?, CancellationToken)"/> on all their data
    /// in one process, as of the same instant.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="manifest"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="manifest"/> has no shards.</exception>
    /// <exception cref="ShardFailedException">A shard's data cannot be read or scored, its partial cannot be read or merged
    /// with the others, or no silo scored it within <see cref="PatientCentricClusterOptions.MaxAttemptsPerShard"/> attempts;
    /// the message names the shard and the reason. No partial evaluation is returned.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<PracticeEvaluation> EvaluateAsync(ScoringManifest manifest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (manifest.Shards.IsEmpty)
            throw new ArgumentException("The manifest has no shards.", nameof(manifest));
        string runId = Guid.NewGuid().ToString("N");
        var asOf = manifest.AsOf ?? _time.GetUtcNow();
        var shards = manifest.Shards;
        Log.RunStarted(_logger, runId, shards.Length);

        var partials = new EvaluationPartial?[shards.Length];
        int retries = 0;
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(_options.MaxShardsInFlight);
        ShardFailedException? failure = null;

        async Task ScoreOne(int index)
        {
            await slots.WaitAsync(run.Token).ConfigureAwait(false);
            try
            {
                var partial = await ScoreShard(runId, index, shards[index], manifest, asOf, () => Interlocked.Increment(ref retries), run.Token)
                    .ConfigureAwait(false);
                // Each index is written once, by its own task: a re-run replaces a lost attempt, never adds to it.
                if (Interlocked.CompareExchange(ref partials[index], partial, null) is not null)
                    throw new InvalidOperationException($"Shard {index} was scored twice.");
            }
            catch (ShardFailedException e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
                Log.ShardFailed(_logger, runId, index);
                await run.CancelAsync().ConfigureAwait(false);   // the run has failed: stop the other shards
            }
            finally
            {
                slots.Release();
            }
        }

        var all = Task.WhenAll(Enumerable.Range(0, shards.Length).Select(ScoreOne));
        try
        {
            await all.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (failure is not null)
        {
            // the other shards, cancelled because one failed
        }
        if (failure is not null)
            throw failure;
        cancellationToken.ThrowIfCancellationRequested();

        var merged = partials[0]!;
        for (int i = 1; i < partials.Length; i++)
        {
            try
            {
                merged = _evaluator.Merge(merged, partials[i]!);
            }
            catch (PatientCentricDataException e)
            {
                throw new ShardFailedException(i, shards[i], $"its partial cannot be merged with those of shards 0–{i - 1}: {e.Message}", e);
            }
        }
        var evaluation = _evaluator.Finish(merged, cancellationToken);
        Log.RunFinished(_logger, runId, shards.Length, retries);
        return evaluation;
    }

    private async Task<EvaluationPartial> ScoreShard(string runId, int index, ShardDescriptor shard, ScoringManifest manifest, DateTimeOffset asOf,
                                                     Action retried, CancellationToken cancellationToken)
    {
        var request = new ShardScoringRequest(runId, index, shard.Kind, shard.Path, manifest.Period?.Start.DayNumber, manifest.Period?.End.DayNumber,
                                              manifest.ProfileKey, asOf);
        for (int attempt = 1; ; attempt++)
        {
            var grain = _cluster.GetGrain<IShardScoringGrain>($"{runId}/{index}/{attempt}");
            ShardScoringResult result;
            try
            {
                result = await grain.ScoreAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsSiloLoss(e, cancellationToken))
            {
                if (attempt >= _options.MaxAttemptsPerShard)
                    throw new ShardFailedException(index, shard, $"no silo scored it in {attempt} attempts (last: {e.GetType().Name}: {e.Message})", e);
                Log.ShardRetried(_logger, runId, index, attempt, e.GetType().Name);
                retried();
                if (_options.RetryDelayMilliseconds > 0)
                    await Task.Delay(TimeSpan.FromMilliseconds((double)_options.RetryDelayMilliseconds * attempt), _time, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new ShardFailedException(index, shard, $"{e.GetType().Name}: {e.Message}", e);
            }
            if (result.Failure is { } reason)
                throw new ShardFailedException(index, shard, reason);
            try
            {
                using var bytes = new MemoryStream(result.Partial!, writable: false);
                return EvaluationPartial.ReadFrom(bytes);
            }
            catch (PatientCentricDataException e)
            {
                throw new ShardFailedException(index, shard, $"its partial cannot be read: {e.Message}", e);
            }
        }
    }

    // The shard's silo died, left or did not answer in time: the shard is re-run elsewhere. An OperationCanceledException
    // that the run did not ask for is a silo cancelling its requests as it shuts down.
    private static bool IsSiloLoss(Exception e, CancellationToken cancellationToken) =>
        e is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException or GatewayTooBusyException or ClientNotAvailableException
        || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}
