namespace PatientCentric.Cli.Tests;

/// <summary>One <c>report --fhir … --out</c> run on the HL7 examples (88 files, 10 known problems), shared by the tests of
/// data-quality.json and of the HTML report's "Data read from FHIR" section.</summary>
internal static class FhirReportOutput
{
    public const string AsOf = "2026-01-15T12:00:00Z";

    public static string Hl7Examples => Path.Combine(AppContext.BaseDirectory, "FhirData", "hl7-examples");

    private static readonly Lazy<(string Dir, CliRunner.Result Result)> Run = new(() =>
    {
        string dir = Path.Combine(Path.GetTempPath(), $"pc-fhir-out-{Guid.NewGuid():N}", "out");
        return (dir, CliRunner.Run("report", "--fhir", Hl7Examples, "--as-of", AsOf, "--out", dir));
    });

    public static string Dir => Run.Value.Dir;

    public static CliRunner.Result Result => Run.Value.Result;

    public static string HtmlPath => Path.Combine(Dir, "report.html");

    public static string Html => File.ReadAllText(HtmlPath);

    public static string DataQualityPath => Path.Combine(Dir, "data-quality.json");
}
