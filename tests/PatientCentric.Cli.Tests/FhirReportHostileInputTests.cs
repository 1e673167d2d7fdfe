using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PatientCentric.Fhir.Tests;

namespace PatientCentric.Cli.Tests;

/// <summary><c>report --fhir</c> on hostile FHIR input (issue 12): it exits 0 with one finite JSON document on standard
/// output, or 2 with one line on standard error; never 1 (an unexpected failure), never a stack trace, never the patient id.</summary>
public sealed class FhirReportHostileInputTests : IDisposable
{
    private readonly string _tempDir = Directory.CreateTempSubdirectory("pc-cli-hostile-").FullName;

    public void Dispose() => Directory.Delete(_tempDir, recursive: true);

    private bool ExitsZeroWithFiniteJson_OrTwoWithOneLine(string path, bool strict)
    {
        string[] args = ["report", "--fhir", path, "--format", "json", "--as-of", "2026-01-15T12:00:00Z"];
        var r = CliRunner.Run(strict ? [.. args, "--strict"] : args);
        Assert.DoesNotContain(HostileFhir.Sentinel, r.Stdout + r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
        if (r.ExitCode == 2)
        {
            Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal("", r.Stdout);
            return true;
        }
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}: {r.Stderr}");
        using var json = JsonDocument.Parse(r.Stdout);   // one document: JSON has no NaN or Infinity tokens
        Assert.DoesNotContain("NaN", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", r.Stdout, StringComparison.Ordinal);
        return true;
    }

    [Property(MaxTest = 15)]
    public Property HostileNdjson_ExitsZeroWithFiniteJson_OrTwoWithOneLine() =>
        Prop.ForAll(HostileFhir.Ndjson().ToArbitrary(), Arb.From(Gen.Elements(false, true)), (bytes, strict) =>
        {
            var path = Path.Combine(_tempDir, Guid.NewGuid().ToString("N") + ".ndjson");
            File.WriteAllBytes(path, bytes);
            return ExitsZeroWithFiniteJson_OrTwoWithOneLine(path, strict);
        });

    [Property(MaxTest = 10)]
    public Property HostileGzip_ExitsZeroWithFiniteJson_OrTwoWithOneLine() =>
        Prop.ForAll(HostileFhir.Gzip().ToArbitrary(), Arb.From(Gen.Elements(false, true)), (input, strict) =>
        {
            var (gz, cut, junk) = input;
            var path = Path.Combine(_tempDir, Guid.NewGuid().ToString("N") + ".ndjson.gz");
            File.WriteAllBytes(path, junk ? [.. gz, 0x00] : cut > 0 ? gz[..cut] : gz);
            return ExitsZeroWithFiniteJson_OrTwoWithOneLine(path, strict);
        });

    [Fact]
    public void TruncatedGzip_WithStrict_ExitsTwoWithOneLine_NamingNoFile()
    {
        var gz = HostileFhir.Compress(System.Text.Encoding.UTF8.GetBytes("""{"resourceType":"Patient","id":"p1"}""" + "\n"));
        var path = Path.Combine(_tempDir, "Given_Family_1234.ndjson.gz");
        File.WriteAllBytes(path, gz[..^8]);
        var r = CliRunner.Run("report", "--fhir", path, "--strict");
        Assert.Equal(2, r.ExitCode);
        var line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("(FHIR input problem: Malformed in file 1 of 1 (.ndjson.gz) line 1)", line, StringComparison.Ordinal);   // held back until the trailer
        Assert.DoesNotContain("Given_Family", line, StringComparison.Ordinal);
    }
}
