using System.Text.Json;

namespace PatientCentric.Cli.Tests;

public sealed class ReportTests
{
    private const string AsOf = "2026-01-15T12:00:00Z";

    [Fact]
    public void Report_NoArguments_PrintsScoreCardsForTheBundledSample()
    {
        var r = CliRunner.Run("report");
        Assert.True(r.ExitCode == 0, r.Stderr);
        foreach (string expected in new[] { "Riverside Health Partners", "Profile primary-care-value-based", "lead-time", "no-show-rate", "wait-to-be-seen",
                                            "cycle-time", "nps:recommend", "cahps:office-staff", "Service line: Dermatology", "Guardrails", "different dimensions",
                                            "portal-response", "clean-claim-rate", "pdc:statins", "referral-closure", "job-timeliness:complete-lab", "Support plans",
                                            "Primary customer (weighted-sum): Patients", "Weight margin:", "Assumption monitors", "ALERT: Revisit the primary-customer decision",
                                            "What moves intent to recommend", "concentrate here",
                                            "tnaa", "on-time-start-rate", "call-abandonment-rate", "price-estimate-accuracy", "post-visit-contact-rate",
                                            "commitment:respecting-time", "What reviews say", "[name]", "target 95.0 %" })
            Assert.Contains(expected, r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_Json_HasEveryCardForThePracticeAndEachServiceLine_AndIsReproducibleWithAsOf()
    {
        var first = CliRunner.Run("report", "--format", "json", "--as-of", AsOf);
        var second = CliRunner.Run("report", "--format", "json", "--as-of", AsOf);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Stdout, second.Stdout);
        var root = JsonDocument.Parse(first.Stdout).RootElement;
        Assert.Equal("2026-01-15T12:00:00Z", root.GetProperty("asOf").GetString());
        var cards = root.GetProperty("cards").EnumerateArray().ToList();
        foreach (string scope in new[] { "practice", "primary-care", "dermatology", "aesthetics" })
        {
            var keys = cards.Where(c => c.GetProperty("scope").GetProperty("key").GetString() == scope).Select(c => c.GetProperty("measureKey").GetString()).ToList();
            Assert.Subset(keys.ToHashSet(), new HashSet<string?> { "lead-time", "no-show-rate", "wait-to-be-seen", "cycle-time", "nps:recommend", "rating" });
        }
        Assert.All(cards.Where(c => c.GetProperty("measureKey").GetString() == "rating"), c => Assert.Equal("guardrailBlocked", c.GetProperty("status").GetString()));
    }

    [Fact]
    public void Report_AnotherProfile_PrintsItsWeights()
    {
        var r = CliRunner.Run("report", "--profile", "aesthetic-self-pay");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("customer service 0.40 · quality of care 0.40 · cost effectiveness 0.20", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_UnknownProfile_ExitsTwoNamingTheSetting()
    {
        var r = CliRunner.Run("report", "--profile", "nope");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.StartsWith("error: PatientCentric:Profile: \"nope\" is neither a built-in profile", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_BadInputFile_ExitsTwoWithCodeLineAndPath_NeverThePatientKey()
    {
        const string Sentinel = "PID-SENTINEL-7f3a";
        string path = Path.Combine(Path.GetTempPath(), $"pc-data-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, $$"""
            {"schemaVersion":1,"practiceName":"X","timeZone":"America/Chicago","serviceLines":[{"key":"a","name":"A"}],
             "appointments":[{"id":"A1","patientKey":"{{Sentinel}}","serviceLine":"a","bookedAt":"2025-01-01T09:00:00","start":"2025-01-02T09:00:00Z","outcome":"Kept"}]}
            """);
        try
        {
            var r = CliRunner.Run("report", "--input", path);
            Assert.Equal(2, r.ExitCode);
            Assert.Equal("", r.Stdout);
            Assert.Contains($"PC0100 {Path.GetFileName(path)} line 2, $.appointments[0].bookedAt: must be an ISO 8601 date-time with a UTC offset", r.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain(Sentinel, r.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Report_InputWithoutPeriod_AsksForFromAndTo()
    {
        string path = Path.Combine(Path.GetTempPath(), $"pc-data-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"schemaVersion":1,"practiceName":"X","timeZone":"UTC"}""");
        try
        {
            var missing = CliRunner.Run("report", "--input", path);
            Assert.Equal(2, missing.ExitCode);
            Assert.EndsWith("the data set states no period; give --from and --to.\n", missing.Stderr.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            var given = CliRunner.Run("report", "--input", path, "--from", "2025-01-01", "--to", "2025-03-31");
            Assert.Equal(0, given.ExitCode);
            Assert.Contains("Period 2025-01-01..2025-03-31", given.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Report_MissingFile_ExitsTwo()
    {
        var r = CliRunner.Run("report", "--input", "/nonexistent/data.json");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("error: /nonexistent/data.json: file not found.\n", r.Stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void UnknownOption_ExitsTwo()
    {
        var r = CliRunner.Run("report", "--fromat", "json");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void Profiles_ListsTheBuiltInProfiles()
    {
        var r = CliRunner.Run("profiles");
        Assert.Equal(0, r.ExitCode);
        foreach (string key in new[] { "aesthetic-self-pay", "acute-insured", "primary-care-fee-for-service", "primary-care-value-based" })
            Assert.Contains(key, r.Stdout, StringComparison.Ordinal);
    }
}
