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

    private const string PatientCardsName = "patientCards", SupportPlansName = "supportPlans";

    /// <summary>Writes <paramref name="evaluation"/> to <paramref name="output"/> without a line break after it; with
    /// <paramref name="patients"/> on disk, their cards and plans take the place of the evaluation's (empty) arrays,
    /// streamed one at a time, in exactly the bytes the evaluation holding them would give.</summary>
    public static void Write(Stream output, PracticeEvaluation evaluation, PatientOutputs? patients = null)
    {
        if (patients is not { OnDiskOnly: true })
        {
            JsonSerializer.Serialize(output, evaluation, Context.PracticeEvaluation);
            output.Flush();
            return;
        }
        // The population-level document (no patient in it) is small: serialized whole, then copied element by element
        // with the patients' arrays spliced in.
        using var document = JsonSerializer.SerializeToDocument(evaluation, Context.PracticeEvaluation);
        var options = Context.Options;
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions
        {
            Indented = options.WriteIndented,
            IndentCharacter = options.IndentCharacter,
            IndentSize = options.IndentSize,
            NewLine = options.NewLine,
            Encoder = options.Encoder,
            MaxDepth = options.MaxDepth == 0 ? 64 : options.MaxDepth,
        });
        writer.WriteStartObject();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.NameEquals(PatientCardsName))
            {
                writer.WritePropertyName(PatientCardsName);
                WriteArray(writer, patients.Cards, Context.ScoreCard);
            }
            else if (property.NameEquals(SupportPlansName))
            {
                writer.WritePropertyName(SupportPlansName);
                WriteArray(writer, patients.Plans, Context.SupportPlan);
            }
            else
            {
                property.WriteTo(writer);
            }
        }
        writer.WriteEndObject();
        writer.Flush();
        output.Flush();
    }

    private static void WriteArray<T>(Utf8JsonWriter writer, IEnumerable<T> items, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            JsonSerializer.Serialize(writer, item, type);
            if (writer.BytesPending >= 1 << 16)
                writer.Flush();
        }
        writer.WriteEndArray();
    }
}
