using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Serialization;

namespace PatientCentric.Orleans.Tests;

/// <summary>The bundled sample, its one-process evaluation and the sample split by patient into JSON shard files in a
/// temporary folder (deleted when the test class is done).</summary>
public sealed class ShardFiles : IDisposable
{
    public const int Count = 6;

    public static readonly DateTimeOffset AsOf = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    public ShardFiles()
    {
        Folder = Path.Combine(Path.GetTempPath(), "pc-orleans-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Sample = LoadSample();
        Shards = [.. Split(Sample, Count).Select((shard, i) => Write(shard, $"shard-{i}.json"))];
        using var services = new ServiceCollection().AddPatientCentric().AddSingleton<TimeProvider>(new FakeTimeProvider(AsOf)).BuildServiceProvider();
        Expected = Json(services.GetRequiredService<PracticeEvaluator>().Evaluate(Sample));
    }

    public string Folder { get; }

    public PracticeDataSet Sample { get; }

    public ImmutableArray<ShardDescriptor> Shards { get; }

    /// <summary>The results JSON of <see cref="PracticeEvaluator.Evaluate(PracticeDataSet, MeasurementPeriod?, Profile?, CancellationToken)"/>
    /// on the whole sample in this process, as of <see cref="AsOf"/>.</summary>
    public string Expected { get; }

    public ScoringManifest Manifest(IEnumerable<ShardDescriptor>? shards = null) => new([.. shards ?? Shards]) { AsOf = AsOf };

    public ShardDescriptor Write(PracticeDataSet data, string fileName)
    {
        string path = Path.Combine(Folder, fileName);
        File.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(data, PatientCentricJsonContext.Default.PracticeDataSet));
        return ShardDescriptor.DataSet(path);
    }

    public ShardDescriptor WriteText(string text, string fileName)
    {
        string path = Path.Combine(Folder, fileName);
        File.WriteAllText(path, text);
        return ShardDescriptor.DataSet(path);
    }

    public static string Json(PracticeEvaluation evaluation) => JsonSerializer.Serialize(evaluation, PatientCentricJsonContext.Default.PracticeEvaluation);

    public void Dispose()
    {
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }

    // Every record of one patient in one shard (patients dealt round-robin in order of first appearance); the
    // practice-level records and the primary-customer block in shard 0; the practice's settings whole in every shard.
    internal static IReadOnlyList<PracticeDataSet> Split(PracticeDataSet data, int count)
    {
        var shardOf = new Dictionary<string, int>(StringComparer.Ordinal);
        int Of(string patientKey) => shardOf.TryGetValue(patientKey, out int k) ? k : shardOf[patientKey] = shardOf.Count % count;
        return [.. Enumerable.Range(0, count).Select(k => data with
        {
            Appointments = [.. data.Appointments.Where(a => Of(a.PatientKey) == k)],
            OutreachContacts = [.. data.OutreachContacts.Where(c => Of(c.PatientKey) == k)],
            PortalThreads = [.. data.PortalThreads.Where(t => Of(t.PatientKey) == k)],
            SurveyReturns = [.. data.SurveyReturns.Where(r => Of(r.PatientKey) == k)],
            Claims = [.. data.Claims.Where(c => Of(c.PatientKey) == k)],
            PriceEstimates = [.. data.PriceEstimates.Where(e => Of(e.PatientKey) == k)],
            Statements = [.. data.Statements.Where(t => Of(t.PatientKey) == k)],
            MedicationFills = [.. data.MedicationFills.Where(f => Of(f.PatientKey) == k)],
            Referrals = [.. data.Referrals.Where(r => Of(r.PatientKey) == k)],
            Jobs = [.. data.Jobs.Where(j => Of(j.PatientKey) == k)],
            ClinicianRatings = [.. data.ClinicianRatings.Where(r => Of(r.PatientKey) == k)],
            Barriers = [.. data.Barriers.Where(b => Of(b.PatientKey) == k)],
            Calls = k == 0 ? data.Calls : [],
            AvailabilitySnapshots = k == 0 ? data.AvailabilitySnapshots : [],
            BillingComplaints = k == 0 ? data.BillingComplaints : [],
            Reviews = k == 0 ? data.Reviews : [],
            PrimaryCustomer = k == 0 ? data.PrimaryCustomer : null,
            KpiSeries = k == 0 ? data.KpiSeries : [],
            AssumptionBindings = k == 0 ? data.AssumptionBindings : [],
        })];
    }

    private static PracticeDataSet LoadSample()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, "src", "PatientCentric.Cli", "Sample", "sample-practice.json");
            if (File.Exists(path))
            {
                using var stream = File.OpenRead(path);
                return PracticeDataSetReader.Read(stream, "sample-practice.json");
            }
        }
        throw new InvalidOperationException("The bundled sample (src/PatientCentric.Cli/Sample/sample-practice.json) was not found above the test binaries.");
    }
}
