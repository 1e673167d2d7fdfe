using System.Text.Json;
using System.Text.RegularExpressions;

namespace PatientCentric.Cli.Tests;

/// <summary>One <c>report --out</c> run on the bundled sample, shared by the HTML report's tests.</summary>
internal static partial class HtmlReportOutput
{
    public const string AsOf = "2026-01-15T12:00:00Z";

    /// <summary>The charts the sample must produce: the profile weights, one distribution per time measure, adherence,
    /// the primary-customer ranking, one SPC chart per monitored assumption, the IPA grid, the review themes, one trend chart
    /// per headline measure and one funnel plot per proportion measure scored per clinician.</summary>
    public static readonly string[] ExpectedChartIds =
    [
        "chart-trend-nps-recommend", "chart-trend-no-show-rate", "chart-trend-lead-time", "chart-trend-wait-to-be-seen",
        "chart-trend-on-time-start-rate", "chart-trend-portal-response", "chart-trend-cahps-access", "chart-trend-clean-claim-rate",
        "chart-funnel-no-show-rate", "chart-funnel-same-day-cancellation-rate", "chart-funnel-missed-appointment-rate",
        "chart-funnel-telehealth-share", "chart-funnel-on-time-start-rate",
        "chart-profile-weights",
        "chart-distribution-lead-time", "chart-distribution-tnaa", "chart-distribution-wait-to-be-seen",
        "chart-distribution-cycle-time", "chart-distribution-portal-response", "chart-distribution-statement-to-payment-days",
        "chart-adherence-pdc", "chart-primary-customer",
        "chart-spc-patient-revenue-share", "chart-spc-patient-promoter-share", "chart-spc-payer-revenue-share",
        "chart-ipa-grid", "chart-review-themes",
    ];

    private static readonly Lazy<(string Dir, CliRunner.Result Result)> Run = new(() =>
    {
        string dir = Path.Combine(Path.GetTempPath(), $"pc-html-{Guid.NewGuid():N}", "out");
        return (dir, CliRunner.Run("report", "--as-of", AsOf, "--out", dir));
    });

    public static string Dir => Run.Value.Dir;

    public static CliRunner.Result Result => Run.Value.Result;

    public static string HtmlPath => Path.Combine(Dir, "report.html");

    public static string Html => File.ReadAllText(HtmlPath);

    /// <summary>Every <c>patientKey</c> value anywhere in the bundled sample.</summary>
    public static readonly Lazy<HashSet<string>> SamplePatientKeys = new(() =>
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        using var stream = typeof(CliApp).Assembly.GetManifestResourceStream("PatientCentric.Cli.Sample.sample-practice.json")!;
        using var doc = JsonDocument.Parse(stream);
        Collect(doc.RootElement, keys);
        return keys;

        static void Collect(JsonElement e, HashSet<string> keys)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in e.EnumerateObject())
                {
                    if (p.Name == "patientKey" && p.Value.ValueKind == JsonValueKind.String)
                        keys.Add(p.Value.GetString()!);
                    else
                        Collect(p.Value, keys);
                }
            }
            else if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var x in e.EnumerateArray())
                    Collect(x, keys);
            }
        }
    });

    [GeneratedRegex(@"\bP\d{4}\b")]
    public static partial Regex PatientKeyPattern();
}
