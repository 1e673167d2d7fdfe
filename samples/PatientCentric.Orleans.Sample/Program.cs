// The PatientCentric.Orleans sample host (docs/scale.md, "A cluster on Orleans"):
//   split FILE COUNT DIR            splits a JSON data set by patient into COUNT shard files in DIR
//   score DIR [--as-of INSTANT]     starts a silo and a client in one Generic Host and scores every shard in DIR
//   throughput DIR [--rounds N]     scores DIR on 1, 2 and 3 in-process silos, N rounds each, against one process
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;
using PatientCentric.Orleans;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Serialization;

if (args is ["split", var file, var countText, var outDir] && int.TryParse(countText, CultureInfo.InvariantCulture, out int count) && count > 0)
{
    PracticeDataSet data;
    using (var stream = File.OpenRead(file))
        data = PracticeDataSetReader.Read(stream, Path.GetFileName(file));
    Directory.CreateDirectory(outDir);
    var shards = data.SplitByPatient(count);   // a patient's records in one shard; practice-level records in shard 0
    for (int i = 0; i < shards.Length; i++)
        File.WriteAllBytes(Path.Combine(outDir, $"shard-{i:D3}.json"), JsonSerializer.SerializeToUtf8Bytes(shards[i], PatientCentricJsonContext.Default.PracticeDataSet));
    Console.WriteLine($"{shards.Length} shards written to {outDir}");
    return 0;
}
if (args is ["score", var dir, .. var rest])
{
    var manifest = Shards.Manifest(dir, AsOf(rest));
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.UseOrleans(silo => silo.UseLocalhostClustering().AddPatientCentricScoring());
    builder.Services.AddPatientCentricClusterClient();
    using var host = builder.Build();
    await host.StartAsync();
    var evaluation = await host.Services.GetRequiredService<PatientCentricClusterClient>().EvaluateAsync(manifest);
    Console.WriteLine($"{evaluation.PracticeName} · {manifest.Shards.Length} shards · period {evaluation.Period} · as of {evaluation.AsOf:yyyy-MM-dd HH:mm} UTC");
    foreach (var card in evaluation.Cards.Where(c => c.Scope == ScoreScope.Practice))
        Console.WriteLine($"{card.MeasureKey}: {card.Value?.ToString("0.####", CultureInfo.InvariantCulture) ?? card.Status.ToString()} (n = {card.EvidenceCount})");
    await host.StopAsync();
    return 0;
}
if (args is ["throughput", var dir2, .. var rest2])
{
    int rounds = rest2 is ["--rounds", var r] ? int.Parse(r, CultureInfo.InvariantCulture) : 3;
    await Throughput.RunAsync(Shards.Manifest(dir2, DateTimeOffset.UnixEpoch.AddYears(56)), rounds);
    return 0;
}
Console.Error.WriteLine("usage: split FILE COUNT DIR | score DIR [--as-of INSTANT] | throughput DIR [--rounds N]");
return 2;

static DateTimeOffset? AsOf(string[] rest) =>
    rest is ["--as-of", var text] ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : null;

internal static class Shards
{
    // A shard per JSON file (a PatientCentric data set) and per sub-folder holding NDJSON (a FHIR Bulk Data export or
    // partition), in ordinal order of name. Paths are absolute: every silo must read the same file.
    public static ScoringManifest Manifest(string dir, DateTimeOffset? asOf)
    {
        var root = Path.GetFullPath(dir);
        var files = Directory.GetFiles(root, "*.json").Order(StringComparer.Ordinal).Select(ShardDescriptor.DataSet);
        var folders = Directory.GetDirectories(root).Where(d => Directory.EnumerateFiles(d, "*.ndjson").Any()).Order(StringComparer.Ordinal)
            .Select(ShardDescriptor.FhirNdjson);
        return new ScoringManifest([.. files, .. folders]) { AsOf = asOf };
    }
}

internal static class Throughput
{
    private const int BaseSiloPort = 11111, BaseGatewayPort = 30000;

    // One process (read every shard, Accumulate, Merge, Finish) is the baseline; then the same manifest on 1, 2 and 3 silo
    // hosts in this process, with a client host. Each configuration runs one warm-up and `rounds` timed runs.
    public static async Task RunAsync(ScoringManifest manifest, int rounds)
    {
        Console.WriteLine($"{manifest.Shards.Length} shards, {rounds} timed rounds per configuration, {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
        using var local = new ServiceCollection().AddPatientCentric().AddSingleton<TimeProvider>(new Fixed(manifest.AsOf!.Value)).BuildServiceProvider();
        var evaluator = local.GetRequiredService<PracticeEvaluator>();
        string? expected = null;
        double baseline = Measure(rounds, () =>
        {
            var partials = manifest.Shards.Select(s =>
            {
                using var file = File.OpenRead(s.Path);
                return evaluator.Accumulate(PracticeDataSetReader.Read(file, Path.GetFileName(s.Path)));
            }).ToList();
            expected = Json(evaluator.Finish(partials.Skip(1).Aggregate(partials[0], evaluator.Merge)));
        });
        Console.WriteLine($"| one process (baseline) | {baseline:0.00} s | 1.00 |");
        for (int silos = 1; silos <= 3; silos++)
        {
            var hosts = new List<IHost>();
            for (int i = 0; i < silos; i++)
            {
                int n = i;
                var builder = Host.CreateApplicationBuilder();
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
                builder.UseOrleans(silo => silo.UseLocalhostClustering(BaseSiloPort + n, BaseGatewayPort + n, new IPEndPoint(IPAddress.Loopback, BaseSiloPort))
                    .AddPatientCentricScoring());
                var host = builder.Build();
                await host.StartAsync();
                hosts.Add(host);
            }
            var clientBuilder = Host.CreateApplicationBuilder();
            clientBuilder.Logging.SetMinimumLevel(LogLevel.Warning);
            clientBuilder.UseOrleansClient(client => client.UseLocalhostClustering([.. Enumerable.Range(BaseGatewayPort, silos)]));
            clientBuilder.Services.AddPatientCentricClusterClient();
            using var clientHost = clientBuilder.Build();
            await clientHost.StartAsync();
            var cluster = clientHost.Services.GetRequiredService<PatientCentricClusterClient>();
            string? got = null;
            double seconds = Measure(rounds, () => got = Json(cluster.EvaluateAsync(manifest).GetAwaiter().GetResult()));
            Console.WriteLine($"| {silos} silo{(silos == 1 ? "" : "s")} | {seconds:0.00} s | {seconds / baseline:0.00} | {(got == expected ? "identical" : "DIFFERENT")} |");
            await clientHost.StopAsync();
            foreach (var host in Enumerable.Reverse(hosts))
            {
                await host.StopAsync();
                host.Dispose();
            }
        }
    }

    // Median wall time of `rounds` runs after one warm-up run.
    private static double Measure(int rounds, Action run)
    {
        run();
        var times = new List<double>();
        for (int i = 0; i < rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            run();
            times.Add(watch.Elapsed.TotalSeconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }

    private static string Json(PracticeEvaluation e) => JsonSerializer.Serialize(e, PatientCentricJsonContext.Default.PracticeEvaluation);

    private sealed class Fixed(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
