using System.IO.Compression;
using PatientCentric.Cli.Report;
using PatientCentric.Fhir;

namespace PatientCentric.Cli.Tests;

/// <summary>The CLI names a FHIR input file by its position in the read; the positions must be the reader's own order.</summary>
public sealed class FhirInputFilesTests
{
    /// <summary>Records the file names the reader reports as done, in order (reports arrive on the reading thread).</summary>
    private sealed class FileOrder : IProgress<FhirReadProgress>
    {
        public List<string> Names { get; } = [];

        public void Report(FhirReadProgress value)
        {
            if (value.FilesDone > Names.Count)
                Names.Add(value.FileName);
        }
    }

    private static string TempFolder(params string[] names)
    {
        string dir = Path.Combine(Path.GetTempPath(), $"pc-files-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        foreach (string name in names)
        {
            string path = Path.Combine(dir, name);
            if (name.EndsWith(".gz", StringComparison.Ordinal))
            {
                using var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest);
                gz.Write("{\"resourceType\":\"Basic\",\"id\":\"b\"}\n"u8);
            }
            else
            {
                File.WriteAllText(path, "{\"resourceType\":\"Basic\",\"id\":\"b\"}\n");
            }
        }
        return dir;
    }

    private static readonly string[] Awkward =
        ["b.json", "B.json", "a.json", "Ärzte.json", "_x.json", "a.json.bak", "c.JSON", "readme.txt", "Z_1.json", "z_10.json", "z_9.json"];

    [Fact]
    public void Find_JsonFolder_ListsTheFilesInTheOrderTheReaderReadsThem()
    {
        string dir = TempFolder(Awkward);
        try
        {
            var files = FhirInputFiles.Find(dir)!;
            Assert.Equal(FhirInputKind.JsonFolder, files.Kind);
            var order = new FileOrder();
            new FhirPracticeReader().ReadJsonFolder(dir, order, TestContext.Current.CancellationToken);
            Assert.Equal(order.Names, files.Paths.Select(Path.GetFileName));
            Assert.Equal(9, files.Count);   // c.JSON too: the extension matches in any case, as for .ndjson
            Assert.Equal(["B.json", "Z_1.json", "_x.json", "a.json", "b.json", "c.JSON", "z_10.json", "z_9.json", "Ärzte.json"], files.Paths.Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Find_NdjsonFolder_ListsTheFilesInTheOrderOfReadNdjsonFolder_WithoutTheExportLog()
    {
        string dir = TempFolder("Patient.000.ndjson", "Encounter.000.ndjson.gz", "log.ndjson", "claim.NDJSON", "a.json", "Encounter.001.ndjson", "notes.txt");
        try
        {
            var files = FhirInputFiles.Find(dir)!;
            Assert.Equal(FhirInputKind.NdjsonFolder, files.Kind);
            var order = new FileOrder();
            new FhirPracticeReader().ReadNdjsonFolder(dir, order, TestContext.Current.CancellationToken);
            Assert.Equal(order.Names, files.Paths.Select(Path.GetFileName));
            Assert.Equal(["Encounter.000.ndjson.gz", "Encounter.001.ndjson", "Patient.000.ndjson", "claim.NDJSON"], files.Paths.Select(Path.GetFileName));
            // What the CLI reads (from the list) gives what the folder method gives.
            Assert.Equal(new FhirPracticeReader().ReadNdjsonFolder(dir, cancellationToken: TestContext.Current.CancellationToken).Quality.ResourcesIgnored, files.Read(new FhirPracticeReader(), null, TestContext.Current.CancellationToken).Quality.ResourcesIgnored);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Describe_GivesPositionCountAndExtension_NeverTheName()
    {
        string dir = TempFolder("Eboni_Brekke_ae30.json", "Max_Kris_f912.json", "Thanh_Considine_b7a8.json");
        try
        {
            var files = FhirInputFiles.Find(dir)!;
            Assert.Equal("file 2 of 3 (.json)", files.Describe("Max_Kris_f912.json"));
            Assert.Equal("file 3 of 3 (.json) entry 12", files.Locate(new FhirDataIssue(FhirIssueCode.MissingField, "Thanh_Considine_b7a8.json", 12, "Encounter", "Encounter.period.start")));
            Assert.Equal("file 1 of 3 (.json)", files.Locate(new FhirDataIssue(FhirIssueCode.Malformed, "Eboni_Brekke_ae30.json", 0, null)));
            Assert.Equal("file ? of 3 (.json)", files.Describe("not-in-the-read.json"));
            string message = $"Access to the path '{Path.Combine(dir, "Max_Kris_f912.json")}' is denied; Thanh_Considine_b7a8.json too.";
            Assert.Equal("Access to the path 'file 2 of 3 (.json)' is denied; file 3 of 3 (.json) too.", files.Scrub(message));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("Patient.000.ndjson", ".ndjson")]
    [InlineData("Patient.000.NDJSON.GZ", ".ndjson.gz")]
    [InlineData("Given_Family_1234.JSON", ".json")]
    [InlineData("Given.Family_1234", "")]
    [InlineData("bundle", "")]
    public void Extension_IsOneOfTheReadersOrEmpty(string name, string expected) =>
        Assert.Equal(expected, FhirInputFiles.Extension(name));

    [Fact]
    public void Locate_NdjsonLine_SaysLine()
    {
        string dir = TempFolder("Encounter.000.ndjson", "Patient.000.ndjson");
        try
        {
            var files = FhirInputFiles.Find(dir)!;
            Assert.Equal("file 1 of 2 (.ndjson) line 412", files.Locate(new FhirDataIssue(FhirIssueCode.Malformed, "Encounter.000.ndjson", 412, null)));
            Assert.Null(FhirInputFiles.Find(Path.Combine(dir, "missing")));
            Assert.Equal(FhirInputKind.NdjsonFile, FhirInputFiles.Find(Path.Combine(dir, "Patient.000.ndjson"))!.Kind);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
