using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace PatientCentric.Fhir.Tests;

/// <summary>What the collector's compact bookkeeping must keep exact: versions compared as instants, the keyed
/// pseudonyms of a reused HMAC, and the capacity hint's bounds.</summary>
public sealed class ResourceCollectorTests : IDisposable
{
    private static readonly ImmutableArray<byte> Key = [.. Enumerable.Range(7, 32).Select(i => (byte)i)];
    private readonly string _tempDir = Directory.CreateTempSubdirectory("pc-collector-").FullName;

    public void Dispose() => Directory.Delete(_tempDir, recursive: true);

    [Fact]
    public void DuplicateId_ComparesLastUpdatedAsInstants_NotAsClockTimes()
    {
        // 10:00 at +02:00 is 08:00 UTC: earlier than 09:00 UTC although its clock time is later.
        var earlier = Encounter("e1", "p1", "2024-01-01T09:00:00Z", "2024-03-02T10:00:00+02:00");
        var later = Encounter("e1", "p1", "2024-03-01T09:00:00Z", "2024-03-02T09:00:00Z");
        foreach (var lines in new[] { new[] { Patient("p1"), earlier, later }, new[] { Patient("p1"), later, earlier } })
        {
            var result = Read(lines);
            var a = Assert.Single(result.Data.Appointments);
            Assert.Equal(new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.Zero), a.Start);
            Assert.Equal(1, result.Quality.DuplicatesReplaced);
        }
    }

    [Fact]
    public void DuplicateId_WithTheSameInstantInAnotherOffset_KeepsTheFirstRead()
    {
        var first = Encounter("e1", "p1", "2024-01-01T09:00:00Z", "2024-03-02T11:00:00+02:00");
        var second = Encounter("e1", "p1", "2024-03-01T09:00:00Z", "2024-03-02T09:00:00Z");
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 9, 0, 0, TimeSpan.Zero), Assert.Single(Read([Patient("p1"), first, second]).Data.Appointments).Start);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.Zero), Assert.Single(Read([Patient("p1"), second, first]).Data.Appointments).Start);
    }

    [Fact]
    public void DuplicateId_WithoutLastUpdated_NeverReplacesOneWithIt_AndIsReplacedByOne()
    {
        var dated = Encounter("e1", "p1", "2024-01-01T09:00:00Z", "2024-03-02T09:00:00Z");
        var undated = Encounter("e1", "p1", "2024-03-01T09:00:00Z", null);
        foreach (var lines in new[] { new[] { Patient("p1"), dated, undated }, new[] { Patient("p1"), undated, dated } })
            Assert.Equal(new DateTimeOffset(2024, 1, 1, 9, 0, 0, TimeSpan.Zero), Assert.Single(Read(lines).Data.Appointments).Start);
    }

    [Fact]
    public void EveryPatientKey_IsTheKeyedHashOfItsId()
    {
        // One HMAC serves every pseudonym of a read: each must be the hash of its own id alone.
        string[] ids = ["p1", "p2", "a-much-longer-patient-id-0123456789", "p1x"];
        var lines = ids.Select(Patient).Concat(ids.Select((id, i) => Encounter("e" + i, id, $"2024-01-0{i + 1}T09:00:00Z", null))).ToArray();
        var keys = Read(lines).Data.Appointments.Select(a => a.PatientKey).ToArray();
        Assert.Equal(ids.Select(Expected), keys);

        static string Expected(string id) =>
            "P-" + Convert.ToHexString(HMACSHA256.HashData(Key.AsSpan(), Encoding.UTF8.GetBytes(id)).AsSpan(0, 8));
    }

    [Theory]
    [InlineData(0L, 0)]
    [InlineData(ResourceCollector.MinBytesPerResource - 1L, 0)]
    [InlineData(ResourceCollector.MinBytesPerResource * 1000L, 1000)]
    [InlineData(long.MaxValue, ResourceCollector.MaxExpectedResources)]
    public void ExpectedResources_IsTheBytesOverTheMinimumResourceSize_Capped(long bytes, int expected) =>
        Assert.Equal(expected, ResourceCollector.ExpectedResources(bytes));

    private FhirReadResult Read(string[] lines)
    {
        var path = Path.Combine(_tempDir, Guid.NewGuid().ToString("N") + ".ndjson");
        File.WriteAllLines(path, lines);
        return new FhirPracticeReader(new FhirReadOptions { PseudonymKey = Key }).ReadNdjson([path]);
    }

    private static string Patient(string id) =>
        """{"resourceType":"Patient","id":"@ID@"}""".Replace("@ID@", id, StringComparison.Ordinal);

    private static string Encounter(string id, string patient, string start, string? lastUpdated) =>
        """{"resourceType":"Encounter","id":"@ID@",@META@"status":"finished","class":{"code":"AMB"},"subject":{"reference":"Patient/@PAT@"},"period":{"start":"@START@","end":"@START@"}}"""
            .Replace("@ID@", id, StringComparison.Ordinal).Replace("@PAT@", patient, StringComparison.Ordinal).Replace("@START@", start, StringComparison.Ordinal)
            .Replace("@META@", lastUpdated is null ? "" : "\"meta\":{\"lastUpdated\":\"" + lastUpdated + "\"},", StringComparison.Ordinal);
}
