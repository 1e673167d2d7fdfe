using System.Text.Encodings.Web;
using System.Text.Json;
using PatientCentric.Fhir;

namespace PatientCentric.Cli.Report;

/// <summary>Writes <c>data-quality.json</c> for <c>report --fhir … --out DIR</c>: the reader's counts, the three
/// assumptions with their meaning, the count per issue code and the first <see cref="IssuesPerCode"/> issues of each code
/// (docs/report.md). Files are named by position and extension only; no identifier, name or value is written.</summary>
internal static class DataQualityJson
{
    public const string FileName = "data-quality.json";

    /// <summary>At most this many issues of one code are listed; the rest are counted in <c>leftOut</c>, so a large export
    /// with a systematic problem still gives a small file.</summary>
    public const int IssuesPerCode = 100;

    public const string FileNumbering =
        "Files are numbered from 1 in the order they were read: ordinal (byte) order of their names within the folder, as LC_ALL=C ls lists them; " +
        "an NDJSON folder counts only its .ndjson and .ndjson.gz files other than log.ndjson. Names are not written because some exports (Synthea) name files after the patient.";

    public static void Write(Stream stream, FhirInput input)
    {
        var q = input.Quality;
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteNumber("files", input.Files.Count);
        w.WriteString("fileNumbering", FileNumbering);
        w.WriteNumber("resourcesRead", q.ResourcesRead);
        w.WriteNumber("duplicatesReplaced", q.DuplicatesReplaced);
        w.WriteNumber("retracted", q.Retracted);

        w.WriteStartObject("resourcesIgnored");
        w.WriteNumber("total", q.ResourcesIgnored.Values.Sum());
        w.WriteStartObject("byType");
        foreach (var (type, count) in q.ResourcesIgnored)
            w.WriteNumber(type, count);
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartObject("assumptions");
        Assumption(w, "bookingInstantUnknown", q.BookingInstantUnknown, FhirQualityText.BookingInstantUnknown);
        Assumption(w, "derivedFills", q.DerivedFills, FhirQualityText.DerivedFills);
        Assumption(w, "claimsWithoutResponse", q.ClaimsWithoutResponse, FhirQualityText.ClaimsWithoutResponse);
        Assumption(w, "referralClosureUnknown", q.ReferralClosureUnknown, FhirQualityText.ReferralClosureUnknown);
        w.WriteEndObject();

        w.WriteNumber("issuesTotal", q.Issues.Length);
        w.WriteStartObject("issueCounts");
        foreach (var code in Enum.GetValues<FhirIssueCode>())
            w.WriteNumber(CodeName(code), q.Count(code));
        w.WriteEndObject();

        w.WriteStartArray("issues");
        foreach (var (code, issues) in input.IssuesByCode)
        {
            w.WriteStartObject();
            w.WriteString("code", CodeName(code));
            w.WriteString("meaning", FhirQualityText.Meaning(code));
            w.WriteNumber("count", issues.Length);
            int listed = Math.Min(issues.Length, IssuesPerCode);
            w.WriteNumber("leftOut", issues.Length - listed);
            w.WriteStartArray("first");
            foreach (var issue in issues.AsSpan(0, listed))
            {
                w.WriteStartObject();
                if (input.Files.Position(issue.FileName) is { } position)
                    w.WriteNumber("file", position);
                else
                    w.WriteNull("file");
                w.WriteString("fileExtension", FhirInputFiles.Extension(issue.FileName));
                w.WriteNumber("line", issue.Line);
                if (issue.ResourceType is null)
                    w.WriteNull("resourceType");
                else
                    w.WriteString("resourceType", issue.ResourceType);
                if (issue.Field is null)
                    w.WriteNull("field");
                else
                    w.WriteString("field", issue.Field);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        stream.Write("\n"u8);
    }

    private static void Assumption(Utf8JsonWriter w, string name, int count, string meaning)
    {
        w.WriteStartObject(name);
        w.WriteNumber("count", count);
        w.WriteString("meaning", meaning);
        w.WriteEndObject();
    }

    /// <summary>An issue code as every JSON output spells an enum: camelCase (<c>missingPatient</c>).</summary>
    public static string CodeName(FhirIssueCode code) => JsonNamingPolicy.CamelCase.ConvertName(code.ToString());
}
