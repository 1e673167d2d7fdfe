using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;
using Microsoft.Extensions.Time.Testing;
using PatientCentric.Fhir;
using PatientCentric.Scoring;
using PatientCentric.Serialization;

namespace PatientCentric.Orleans.Tests;

/// <summary><see cref="PatientCentricClusterClient"/> on an in-process cluster of 3 silos (Orleans' InProcessTestCluster,
/// whose in-memory membership makes no silo special): the bundled sample split by patient into 6 JSON shards.</summary>
public sealed class ClusterEvaluationTests(ClusterEvaluationTests.Fixture fixture) : IClassFixture<ClusterEvaluationTests.Fixture>
{
    private readonly ShardFiles files = fixture.Files;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The shard files and one cluster of 3 silos, with a hook that is inert until a test arms it.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public ShardFiles Files { get; } = new();

        public BlockingHook Hook { get; } = new();

        public InProcessTestCluster Cluster { get; private set; } = null!;

        public async ValueTask InitializeAsync() => Cluster = await StartAsync(Hook);

        public async ValueTask DisposeAsync()
        {
            if (Cluster is not null)
                await Cluster.DisposeAsync();
            Files.Dispose();
        }
    }

    [Fact]
    public async Task EvaluateAsync_OfTheSampleInSixShards_EqualsOneProcess()
    {
        var evaluation = await Client(fixture.Cluster).EvaluateAsync(files.Manifest(), Ct);

        Assert.Equal(files.Expected, ShardFiles.Json(evaluation));
    }

    [Fact]
    public async Task EvaluateAsync_OfShardsThatDeclareDifferentServiceLines_EqualsOneProcess()
    {
        var (data, shards, expected) = files.WithDifferentServiceLines();
        Assert.Equal([3, 2, 2], data.Select(d => d.ServiceLines.Length));

        var evaluation = await Client(fixture.Cluster).EvaluateAsync(files.Manifest(shards), Ct);

        Assert.Equal(expected, ShardFiles.Json(evaluation));
    }

    [Fact]
    public async Task EvaluateAsync_WhenASiloDiesMidRun_ReRunsItsShardsElsewhereAndEqualsOneProcess()
    {
        var cluster = fixture.Cluster;
        await cluster.StartAdditionalSiloAsync();   // 4 silos, so that 3 remain for the other tests
        var hook = fixture.Hook;
        hook.Arm(blockedShard: 1);

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
    public async Task EvaluateAsync_OfAFhirBulkExportFolder_EqualsReadingAndEvaluatingItInOneProcess()
    {
        string folder = FhirBulkFolder();
        var read = new FhirPracticeReader(new FhirReadOptions { PseudonymKey = [.. PseudonymKey] }).ReadNdjsonFolder(folder, cancellationToken: Ct);
        using var services = new ServiceCollection().AddPatientCentric().AddSingleton<TimeProvider>(new FakeTimeProvider(ShardFiles.AsOf)).BuildServiceProvider();
        string expected = ShardFiles.Json(services.GetRequiredService<PracticeEvaluator>().Evaluate(read.Data, Ct));

        var evaluation = await Client(fixture.Cluster).EvaluateAsync(files.Manifest([ShardDescriptor.FhirNdjson(folder)]), Ct);

        Assert.Equal(expected, ShardFiles.Json(evaluation));
    }

    [Fact]
    public async Task EvaluateAsync_WithAShardOfBadData_FailsNamingTheShardAndTheReason()
    {
        const string Broken = """{ "schemaVersion": 1, "practiceName": "x", "timeZone": "UTC", "appointments": [ { "id": 7 } ] }""";
        var bad = files.WriteText(Broken, "shard-bad.json");
        string reason = Assert.Throws<PatientCentricDataException>(() =>
            PracticeDataSetReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Broken)), "shard-bad.json")).Message;
        var error = await Assert.ThrowsAsync<ShardFailedException>(() => Client(fixture.Cluster).EvaluateAsync(files.Manifest([.. files.Shards[..3], bad, .. files.Shards[3..]]), Ct));

        Assert.Equal(3, error.ShardIndex);
        Assert.Equal(bad, error.Shard);
        Assert.Equal(reason, error.Reason);
        Assert.Equal($"Shard 3 (data-set {bad.Path}) failed: {reason}", error.Message);
    }

    [Fact]
    public async Task EvaluateAsync_WithAPatientInTwoShards_FailsRatherThanCountingThePatientTwice()
    {
        var error = await Assert.ThrowsAsync<ShardFailedException>(() => Client(fixture.Cluster).EvaluateAsync(files.Manifest([.. files.Shards, files.Shards[2]]), Ct));

        Assert.Equal(ShardFiles.Count, error.ShardIndex);
        Assert.StartsWith($"Shard {ShardFiles.Count} (data-set {files.Shards[2].Path}) failed: its partial cannot be merged with those of shards 0–{ShardFiles.Count - 1}: ", error.Message);
    }

    private static readonly byte[] PseudonymKey = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    // The FHIR adapter's Synthea Bulk Data export (13 patients, 1,215 encounters), read where it lies in the repository.
    private static string FhirBulkFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, "tests", "PatientCentric.Fhir.Tests", "Data", "bulk");
            if (Directory.Exists(path))
                return path;
        }
        throw new InvalidOperationException("tests/PatientCentric.Fhir.Tests/Data/bulk was not found above the test binaries.");
    }

    private static PatientCentricClusterClient Client(InProcessTestCluster cluster) =>
        cluster.Client.ServiceProvider.GetRequiredService<PatientCentricClusterClient>();

    private static async Task<InProcessTestCluster> StartAsync(BlockingHook hook)
    {
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSilo((_, silo) => silo.AddPatientCentricScoring());
        builder.ConfigureSiloHost((_, host) => host.Services.AddSingleton<IShardScoringHook>(hook)
            .AddPatientCentricFhir(read => read.PseudonymKey = [.. PseudonymKey], static _ => { }));
        // A call whose silo was killed is given up after this long (a shard of the sample scores in well under a second).
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10)));
        builder.ConfigureClientHost(host => host.Services.AddPatientCentricClusterClient(o =>
        {
            o.MaxAttemptsPerShard = 6;
            o.RetryDelayMilliseconds = 250;
        }));
        var cluster = builder.Build();
        await cluster.DeployAsync(TestContext.Current.CancellationToken);
        return cluster;
    }

    /// <summary>Once armed, blocks the first attempt at one shard, after another shard has been scored, until the test
    /// releases it; records every scored shard and its silo.</summary>
    public sealed class BlockingHook : IShardScoringHook
    {
        private readonly TaskCompletionSource<string> _blocked = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _firstScored = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _blockedShard = -1;
        private int _taken;

        public Task<string> Blocked => _blocked.Task;

        public ConcurrentQueue<(int Index, string Silo)> ScoredShards { get; } = new();

        public void Arm(int blockedShard)
        {
            ScoredShards.Clear();
            Volatile.Write(ref _blockedShard, blockedShard);
        }

        public void Release() => _release.TrySetResult();

        public async Task BeforeScoringAsync(string runId, int shardIndex, string silo, CancellationToken cancellationToken)
        {
            if (shardIndex != Volatile.Read(ref _blockedShard) || Interlocked.Exchange(ref _taken, 1) == 1)
                return;
            await _firstScored.Task.WaitAsync(cancellationToken);
            _blocked.TrySetResult(silo);
            await _release.Task.WaitAsync(cancellationToken);
        }

        public void Scored(string runId, int shardIndex, string silo)
        {
            ScoredShards.Enqueue((shardIndex, silo));
            if (Volatile.Read(ref _blockedShard) >= 0)
                _firstScored.TrySetResult();
        }
    }
}
