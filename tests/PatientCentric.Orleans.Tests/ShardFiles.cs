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
        Shards = [.. Sample.SplitByPatient(Count).Select((shard, i) => Write(shard, $"shard-{i}.json"))];
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

    /// <summary>Three shards of the sample that declare different service lines, as FHIR shards do (each derives its lines
    /// from its own records): split by patient (<see cref="PracticeDataSet.SplitByPatient"/>), the patients of shard 1
    /// without their dermatology records and those of shard 2 without their aesthetics ones, each of those two shards
    /// declaring only the two lines left in it; shard 0 (with the practice-level records) declares all three. Returns the
    /// shard data sets, their files, and the results JSON of one process on the data they hold together.</summary>
    public (ImmutableArray<PracticeDataSet> Data, ImmutableArray<ShardDescriptor> Shards, string Expected) WithDifferentServiceLines()
    {
        var patientsOf = Sample.SplitByPatient(3).Select(PatientsOf).ToArray();
        bool Drop(string patientKey, string line) =>
            (line == "dermatology" && patientsOf[1].Contains(patientKey)) || (line == "aesthetics" && patientsOf[2].Contains(patientKey));
        var data = Sample with
        {
            Appointments = [.. Sample.Appointments.Where(x => !Drop(x.PatientKey, x.ServiceLine))],
            OutreachContacts = [.. Sample.OutreachContacts.Where(x => !Drop(x.PatientKey, x.ServiceLine))],
            PortalThreads = [.. Sample.PortalThreads.Where(x => !Drop(x.PatientKey, x.ServiceLine))],
            SurveyReturns = [.. Sample.SurveyReturns.Where(x => !Drop(x.PatientKey, x.ServiceLine))],
            Claims = [.. Sample.Claims.Where(x => !Drop(x.PatientKey, x.ServiceLine))],
            PriceEstimates = [.. Sample.PriceEstimates.Where(x => !Drop(x.PatientKey, x.ServiceLine))],
            Statements = [.. Sample.Statements.Where(x => !Drop(x.PatientKey, x.ServiceLine))],
            Referrals = [.. Sample.Referrals.Where(x => !Drop(x.PatientKey, x.ServiceLine))],
            Jobs = [.. Sample.Jobs.Where(x => !Drop(x.PatientKey, x.ServiceLine))],
        };
        var shards = data.SplitByPatient(3);
        shards = [shards[0],
                  shards[1] with { ServiceLines = [.. data.ServiceLines.Where(l => l.Key != "dermatology")] },
                  shards[2] with { ServiceLines = [.. data.ServiceLines.Where(l => l.Key != "aesthetics")] }];
        using var services = new ServiceCollection().AddPatientCentric().AddSingleton<TimeProvider>(new FakeTimeProvider(AsOf)).BuildServiceProvider();
        string expected = Json(services.GetRequiredService<PracticeEvaluator>().Evaluate(data));
        return (shards, [.. shards.Select((shard, i) => Write(shard, $"lines-shard-{i}.json"))], expected);
    }

    private static HashSet<string> PatientsOf(PracticeDataSet s) =>
        s.Appointments.Select(x => x.PatientKey).Concat(s.OutreachContacts.Select(x => x.PatientKey)).Concat(s.PortalThreads.Select(x => x.PatientKey))
            .Concat(s.SurveyReturns.Select(x => x.PatientKey)).Concat(s.Claims.Select(x => x.PatientKey)).Concat(s.PriceEstimates.Select(x => x.PatientKey))
            .Concat(s.Statements.Select(x => x.PatientKey)).Concat(s.Referrals.Select(x => x.PatientKey)).Concat(s.Jobs.Select(x => x.PatientKey))
            .ToHashSet(StringComparer.Ordinal);

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
