using System.Security.Cryptography;
using PatientCentric.Cli.Sample;

namespace PatientCentric.Cli.Tests;

/// <summary><c>sample --fhir-out</c> written patient by patient (<see cref="SampleFhirExport.WriteStreaming"/>): the same
/// bytes as the in-memory export, runs written while the patients are generated, and nothing claimed complete when cancelled.</summary>
public sealed class SampleFhirStreamingTests : IDisposable
{
    private readonly string _root = Path.Combine(AppContext.BaseDirectory, "tmp-sample-fhir-streaming", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private string Dir(string name) => Path.Combine(_root, name);

    private static Dictionary<string, byte[]> Files(string dir) =>
        Directory.GetFiles(dir).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);

    private static void AssertSameFolders(string expected, string actual)
    {
        var a = Files(expected);
        var b = Files(actual);
        Assert.Equal(a.Keys.Order(StringComparer.Ordinal), b.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, bytes) in a)
            Assert.True(bytes.AsSpan().SequenceEqual(b[name]), name);
    }

    [Theory]
    [InlineData(7, 150, SampleFhirExport.DefaultRunBytes)]
    [InlineData(7, 150, 4096)]                                          // many small runs to merge
    [InlineData(SamplePracticeGenerator.DefaultSeed, 700, 16384)]       // enough C02 visits from August for the locum
    public void Streaming_WritesTheSameBytesAsTheInMemoryExport(int seed, int patients, int runBytes)
    {
        string memory = Dir("memory"), streaming = Dir("streaming");
        var expected = SampleFhirExport.Write(SamplePracticeGenerator.Generate(seed, patients), memory);
        var actual = SampleFhirExport.WriteStreaming(seed, patients, null, streaming, runBytes: runBytes, ct: TestContext.Current.CancellationToken);
        Assert.Equal(expected, actual);
        AssertSameFolders(memory, streaming);
        Assert.False(Directory.Exists(streaming + SampleFhirExport.PartialSuffix));
    }

    [Fact]
    public void Streaming_KeepsTheLocumAndTheHighNoShowClinician()
    {
        string dir = Dir("patterns");
        SampleFhirExport.WriteStreaming(SamplePracticeGenerator.DefaultSeed, 700, null, dir, runBytes: 16384, ct: TestContext.Current.CancellationToken);
        string appointments = File.ReadAllText(Path.Combine(dir, "Appointment.000.ndjson"));
        Assert.Contains("\"Practitioner/C13\"", appointments, StringComparison.Ordinal);
        Assert.Contains("\"Practitioner/C04\"", appointments, StringComparison.Ordinal);
        Assert.Contains("{\"resourceType\":\"Practitioner\",\"id\":\"C13\"}", File.ReadAllText(Path.Combine(dir, "Practitioner.000.ndjson")), StringComparison.Ordinal);
    }

    // SHA-256 of each file of the bundled default export (seed 20250101, 2,000 patients) as the in-memory exporter wrote
    // it before the streaming one existed.
    [Fact]
    public void Streaming_DefaultExport_MatchesTheGoldenChecksums()
    {
        string dir = Dir("default");
        SampleFhirExport.WriteStreaming(SamplePracticeGenerator.DefaultSeed, SamplePracticeGenerator.DefaultPatients, null, dir, ct: TestContext.Current.CancellationToken);
        var actual = Files(dir).ToDictionary(f => f.Key, f => Convert.ToHexStringLower(SHA256.HashData(f.Value)), StringComparer.Ordinal);
        Assert.Equal(GoldenDefault.OrderBy(g => g.Key, StringComparer.Ordinal), actual.OrderBy(g => g.Key, StringComparer.Ordinal));
    }

    private static readonly Dictionary<string, string> GoldenDefault = new(StringComparer.Ordinal)
    {
        ["Appointment.000.ndjson"] = "26c659711df29d9757b330be2f5243d2c5acff14881db3358de8f41beeeb3d23",
        ["Claim.000.ndjson"] = "0bd3c6da6c137f6dfa05821b11551ba68383a39d0e3b6eae9ed352bed1ed1572",
        ["ClaimResponse.000.ndjson"] = "ceabbf2d46aa6e55edda2e8e19edb650067523b2177f28746a06df5e7ce3ea0c",
        ["Communication.000.ndjson"] = "2829fbe880a05d8baa46be0fe6de28fb0933ac0784b69bb3e5b5c493a894b722",
        ["Encounter.000.ndjson"] = "72f14a2fd0b89e16fe2a91ed03c1a64c1ef3d4f8dc680c132011be38c1564b77",
        ["MedicationDispense.000.ndjson"] = "57b343936dfcdffc3e0388706ecefe613a043b1314234b53b1057123bbfd6a4f",
        ["Patient.000.ndjson"] = "8168a87c27eef8e5796d608be46cf54b3fa5e4489d6a89dca24af0eb55cbef4e",
        ["Practitioner.000.ndjson"] = "af239a9ef8144c6018f2b37a8d21baf8a971584bad323af372c2811d8992a8a2",
        ["QuestionnaireResponse.000.ndjson"] = "e21ab8ba80c500bbd6853f4742b4a86752b3794b3d5da85850603dcbd3dd6680",
        ["Schedule.000.ndjson"] = "fcdb9a89f91296a121e5f12abfc7ebdfd1e79684cf933712e161927343ff25bb",
        ["ServiceRequest.000.ndjson"] = "65af96a3ba26dc72c7f167a8717e234b606d5b899648b4579d95ffa994552d2a",
        ["Slot.000.ndjson"] = "b3427cf976d06ae15f4415becdc09442dbfffd558793d32241f8bd365cd9ce18",
        ["Task.000.ndjson"] = "3fbc095e49fbf5efb3ef791cc84b2d58a4ee890265dc7e117bd9fc63a9b5b99e",
        ["survey-items.json"] = "02d5f29be4ae57c4c2dd179205c914db6d59709939a75de8b95fa4ba338505dc",
    };

    [Fact]
    public void Streaming_WritesRunsWhileThePatientsAreGenerated()
    {
        string dir = Dir("runs");
        int runsSeenDuringGeneration = -1;
        var progress = new Inline(p =>
        {
            if (p.File is null && p.PatientsDone < p.PatientsTotal && runsSeenDuringGeneration < 0)
                runsSeenDuringGeneration = Directory.GetFiles(Path.Combine(dir + SampleFhirExport.PartialSuffix, ".runs")).Length;
        });
        SampleFhirExport.WriteStreaming(7, 1100, null, dir, progress, runBytes: 4096, ct: TestContext.Current.CancellationToken);
        Assert.True(runsSeenDuringGeneration > 0, $"runs on disk after 1,024 of 1,100 patients: {runsSeenDuringGeneration}");
        Assert.False(Directory.Exists(Path.Combine(dir, ".runs")));
    }

    [Fact]
    public void Streaming_Cancelled_LeavesNoFolderAndNoPartialFolder()
    {
        string dir = Dir("cancelled");
        using var cancel = new CancellationTokenSource();
        var progress = new Inline(_ => cancel.Cancel());   // at the first report, during generation
        Assert.ThrowsAny<OperationCanceledException>(() => SampleFhirExport.WriteStreaming(7, 1100, null, dir, progress, ct: cancel.Token));
        Assert.False(Directory.Exists(dir));
        Assert.False(Directory.Exists(dir + SampleFhirExport.PartialSuffix));
    }

    [Fact]
    public void Streaming_IntoAnExistingFolder_ReplacesItsFilesAndKeepsOthers()
    {
        string dir = Dir("existing");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "Patient.000.ndjson"), "stale\n");
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "mine\n");
        SampleFhirExport.WriteStreaming(7, 40, null, dir, ct: TestContext.Current.CancellationToken);
        Assert.StartsWith("{\"resourceType\":\"Patient\"", File.ReadAllText(Path.Combine(dir, "Patient.000.ndjson")), StringComparison.Ordinal);
        Assert.Equal("mine\n", File.ReadAllText(Path.Combine(dir, "notes.txt")));
        Assert.False(Directory.Exists(dir + SampleFhirExport.PartialSuffix));
    }

    [Fact]
    public void Cli_SampleFhirOut_Cancelled_Exits130_WithoutTheFolder()
    {
        string dir = Dir("cli-cancelled");
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var output = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var error = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        int code = new CliApp(TextReader.Null, output, error).Run(["sample", "--fhir-out", dir, "--patients", "300"], cancel.Token);
        Assert.Equal(CliApp.Cancelled, code);
        Assert.StartsWith("cancelled:", error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
        Assert.False(Directory.Exists(dir + SampleFhirExport.PartialSuffix));
    }

    private sealed class Inline(Action<SampleExportProgress> report) : IProgress<SampleExportProgress>
    {
        public void Report(SampleExportProgress value) => report(value);
    }
}
