using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;
using PatientCentric.Serialization;

namespace PatientCentric.Orleans.Tests;

/// <summary><see cref="PatientCentricClusterClient"/> on an in-process cluster of 3 silos (Orleans' InProcessTestCluster,
/// whose in-memory membership makes no silo special): the bundled sample split by patient into 6 JSON shards.</summary>
public sealed class ClusterEvaluationTests(ShardFiles files) : IClassFixture<ShardFiles>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EvaluateAsync_OfTheSampleInSixShards_EqualsOneProcess()
    {
        await using var cluster = await StartAsync(hook: null);

        var evaluation = await Client(cluster).EvaluateAsync(files.Manifest(), Ct);

        Assert.Equal(files.Expected, ShardFiles.Json(evaluation));
    }

    [Fact]
    public async Task EvaluateAsync_WhenASiloDiesMidRun_ReRunsItsShardsElsewhereAndEqualsOneProcess()
    {
        var hook = new BlockingHook(blockedShard: 1);
        await using var cluster = await StartAsync(hook);

        var run = Client(cluster).EvaluateAsync(files.Manifest(), Ct);
        string victim = await hook.Blocked.WaitAsync(TimeSpan.FromSeconds(45), Ct);   // a guard against a hang, not a timing claim
        Assert.NotEmpty(hook.ScoredShards);                                           // another shard had completed first
        await cluster.KillSiloAsync(cluster.Silos.Single(s => s.SiloAddress.ToString() == victim), Ct);
        hook.Release();
        var evaluation = await run;

        Assert.Equal(files.Expected, ShardFiles.Json(evaluation));
        Assert.Contains(hook.ScoredShards, s => s.Index == 1 && s.Silo != victim);
    }

    [Fact]
    public async Task EvaluateAsync_WithAShardOfBadData_FailsNamingTheShardAndTheReason()
    {
        const string Broken = """{ "schemaVersion": 1, "practiceName": "x", "timeZone": "UTC", "appointments": [ { "id": 7 } ] }""";
        var bad = files.WriteText(Broken, "shard-bad.json");
        string reason = Assert.Throws<PatientCentricDataException>(() =>
            PracticeDataSetReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Broken)), "shard-bad.json")).Message;
        await using var cluster = await StartAsync(hook: null);

        var error = await Assert.ThrowsAsync<ShardFailedException>(() => Client(cluster).EvaluateAsync(files.Manifest([.. files.Shards[..3], bad, .. files.Shards[3..]]), Ct));

        Assert.Equal(3, error.ShardIndex);
        Assert.Equal(bad, error.Shard);
        Assert.Equal(reason, error.Reason);
        Assert.Equal($"Shard 3 (data-set {bad.Path}) failed: {reason}", error.Message);
    }

    [Fact]
    public async Task EvaluateAsync_WithAPatientInTwoShards_FailsRatherThanCountingThePatientTwice()
    {
        await using var cluster = await StartAsync(hook: null);

        var error = await Assert.ThrowsAsync<ShardFailedException>(() => Client(cluster).EvaluateAsync(files.Manifest([.. files.Shards, files.Shards[2]]), Ct));

        Assert.Equal(ShardFiles.Count, error.ShardIndex);
        Assert.StartsWith($"Shard {ShardFiles.Count} (data-set {files.Shards[2].Path}) failed: its partial cannot be merged with those of shards 0–{ShardFiles.Count - 1}: ", error.Message);
    }

    private static PatientCentricClusterClient Client(InProcessTestCluster cluster) =>
        cluster.Client.ServiceProvider.GetRequiredService<PatientCentricClusterClient>();

    private static async Task<InProcessTestCluster> StartAsync(BlockingHook? hook)
    {
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSilo((_, silo) => silo.AddPatientCentricScoring());
        if (hook is not null)
            builder.ConfigureSiloHost((_, host) => host.Services.AddSingleton<IShardScoringHook>(hook));
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(20)));
        builder.ConfigureClientHost(host => host.Services.AddPatientCentricClusterClient(o =>
        {
            o.MaxAttemptsPerShard = 6;
            o.RetryDelayMilliseconds = 500;
        }));
        var cluster = builder.Build();
        await cluster.DeployAsync(Ct);
        return cluster;
    }

    /// <summary>Blocks the first attempt at one shard, once another shard has been scored, until the test releases it.</summary>
    private sealed class BlockingHook(int blockedShard) : IShardScoringHook
    {
        private readonly TaskCompletionSource<string> _blocked = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _firstScored = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _armed = 1;

        public Task<string> Blocked => _blocked.Task;

        public ConcurrentQueue<(int Index, string Silo)> ScoredShards { get; } = new();

        public void Release() => _release.TrySetResult();

        public async Task BeforeScoringAsync(string runId, int shardIndex, string silo, CancellationToken cancellationToken)
        {
            if (shardIndex != blockedShard || Interlocked.Exchange(ref _armed, 0) == 0)
                return;
            await _firstScored.Task.WaitAsync(cancellationToken);
            _blocked.TrySetResult(silo);
            await _release.Task.WaitAsync(cancellationToken);
        }

        public void Scored(string runId, int shardIndex, string silo)
        {
            ScoredShards.Enqueue((shardIndex, silo));
            _firstScored.TrySetResult();
        }
    }
}
