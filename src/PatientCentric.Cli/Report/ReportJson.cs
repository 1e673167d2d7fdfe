using System.Text.Encodings.Web;
using System.Text.Json;
using PatientCentric.Scoring;
using PatientCentric.Serialization;

namespace PatientCentric.Cli.Report;

/// <summary>The JSON of <c>report --format json</c> and <c>results.json</c>: indented, relaxed escaping (non-ASCII text
/// as is), serialized straight to a stream a buffer at a time rather than built whole. The caller adds the one line
/// break that ends it (LF in results.json, the platform's in standard output).</summary>
internal static class ReportJson
{
    /// <summary>The serializer context with the report's options (immutable once built).</summary>
    internal static readonly PatientCentricJsonContext Context = new(new JsonSerializerOptions(PatientCentricJsonContext.Default.Options)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Writes <paramref name="evaluation"/> to <paramref name="output"/> without a line break after it.</summary>
    public static void Write(Stream output, PracticeEvaluation evaluation)
    {
        JsonSerializer.Serialize(output, evaluation, Context.PracticeEvaluation);
        output.Flush();
    }
}
