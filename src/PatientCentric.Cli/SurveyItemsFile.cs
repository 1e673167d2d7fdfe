using System.Collections.Immutable;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using PatientCentric.Records;
using PatientCentric.Serialization;

namespace PatientCentric.Cli;

/// <summary>The host's survey item definitions for a FHIR read (<c>report --fhir … --survey-items FILE</c>, written by
/// <c>sample --fhir-out</c>): <c>{"surveyItems": [...], "linkIds": {"linkId": "item key", ...}}</c>. <c>surveyItems</c>
/// has exactly the schema of <c>surveyItems</c> in the data-set JSON (docs/data-model.md) and is read and checked by
/// <see cref="PracticeDataSetReader"/>; <c>linkIds</c> (optional, default: each item's key maps to itself) maps
/// <c>QuestionnaireResponse.item.linkId</c> to an item key.</summary>
internal static class SurveyItemsFile
{
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    /// <summary>Writes the file: indented, UTF-8 without a byte-order mark, <c>'\n'</c> line ends, linkIds in ordinal order.</summary>
    public static void Write(Stream output, ImmutableArray<SurveyItem> items, IReadOnlyDictionary<string, string> linkIds)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(linkIds);
        // The library's own serializer writes the items, so the schema is the data set's by construction.
        var holder = new PracticeDataSet(PracticeDataSet.CurrentSchemaVersion, "survey items", "UTC", null, [], [], items, [], [], [], []);
        using var document = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(holder, PatientCentricJsonContext.Default.PracticeDataSet));
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("surveyItems");
            document.RootElement.GetProperty("surveyItems").WriteTo(writer);
            writer.WriteStartObject("linkIds");
            foreach (var (linkId, key) in linkIds.OrderBy(p => p.Key, StringComparer.Ordinal))
                writer.WriteString(linkId, key);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        output.WriteByte((byte)'\n');
        output.Flush();
    }

    /// <summary>Reads and checks the file.</summary>
    /// <param name="utf8Json">The file's bytes.</param>
    /// <param name="sourceName">The name used in errors.</param>
    /// <returns>The items and the linkId → item key map (never empty).</returns>
    /// <exception cref="PatientCentricDataException">Every problem found, each with code, line when known, and JSON path.</exception>
    public static (ImmutableArray<SurveyItem> Items, ImmutableDictionary<string, string> LinkIds) Read(ReadOnlyMemory<byte> utf8Json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        var errors = ImmutableArray.CreateBuilder<DataError>();
        var newlines = NewlineOffsets(utf8Json.Span);
        void Error(string code, long? at, string path, string message) =>
            errors.Add(new DataError(code, sourceName, at is { } offset ? LineOf(newlines, offset) : null, path, message));

        (int Start, int End, long Line)? itemsSlice = null;
        bool itemsSeen = false;
        var linkIds = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var linkIdAt = new Dictionary<string, long>(StringComparer.Ordinal);
        bool linkIdsSeen = false;
        var reader = new Utf8JsonReader(utf8Json.Span, ReaderOptions);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                Error("PC0100", reader.TokenStartIndex, "$", "expected one JSON object with \"surveyItems\" and, optionally, \"linkIds\".");
                throw new PatientCentricDataException(errors.ToImmutable());
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                long nameAt = reader.TokenStartIndex;
                reader.Read();
                switch (name)
                {
                    case "surveyItems":
                        if (itemsSeen) Error("PC0107", nameAt, "$.surveyItems", "given twice.");
                        itemsSeen = true;
                        if (reader.TokenType != JsonTokenType.StartArray)
                        {
                            Error("PC0100", reader.TokenStartIndex, "$.surveyItems", "wrong type: expected an array of survey items (docs/data-model.md).");
                            reader.Skip();
                            break;
                        }
                        int start = (int)reader.TokenStartIndex;
                        reader.Skip();
                        itemsSlice = (start, (int)reader.BytesConsumed, LineOf(newlines, start));
                        break;
                    case "linkIds":
                        if (linkIdsSeen) Error("PC0107", nameAt, "$.linkIds", "given twice.");
                        linkIdsSeen = true;
                        if (reader.TokenType != JsonTokenType.StartObject)
                        {
                            Error("PC0100", reader.TokenStartIndex, "$.linkIds", "wrong type: expected an object mapping each linkId to a survey item key.");
                            reader.Skip();
                            break;
                        }
                        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                        {
                            string linkId = reader.GetString()!;
                            long at = reader.TokenStartIndex;
                            string path = "$.linkIds" + Member(linkId);
                            reader.Read();
                            if (reader.TokenType != JsonTokenType.String)
                            {
                                Error("PC0100", reader.TokenStartIndex, path, "wrong type: expected a survey item key (a string).");
                                reader.Skip();
                                continue;
                            }
                            string key = reader.GetString()!;
                            if (linkId.Length == 0) Error("PC0103", at, path, "a linkId must be a non-empty string.");
                            else if (!linkIds.TryAdd(linkId, key)) Error("PC0107", at, path, "duplicate linkId.");
                            else linkIdAt[linkId] = reader.TokenStartIndex;
                        }
                        break;
                    default:
                        Error("PC0101", nameAt, "$" + Member(name), "unknown field; expected \"surveyItems\" and, optionally, \"linkIds\".");
                        reader.Skip();
                        break;
                }
            }
            while (reader.Read()) { }   // trailing content after the object is malformed JSON
        }
        catch (JsonException e)
        {
            string reason = StrictJsonText.SyntaxReason(e.Message);
            errors.Add(new DataError("PC0100", sourceName, e.LineNumber is { } l ? l + 1 : null, "$", $"malformed JSON: {reason}."));
            throw new PatientCentricDataException(errors.ToImmutable());
        }

        if (!itemsSeen)
            Error("PC0103", null, "$.surveyItems", "required; an array of survey items as in the data-set JSON (docs/data-model.md).");
        var items = ImmutableArray<SurveyItem>.Empty;
        if (itemsSlice is { } slice)
        {
            items = ReadItems(utf8Json[slice.Start..slice.End], sourceName, slice.Line, errors);
            if (items.IsEmpty && errors.Count == 0)
                Error("PC0103", slice.Start, "$.surveyItems", "must list at least one survey item.");
        }
        if (linkIdsSeen && linkIds.Count == 0 && errors.Count == 0)
            Error("PC0103", null, "$.linkIds", "maps no linkId; leave it out to map each item's key to itself.");
        if (!items.IsEmpty)
        {
            var keys = items.Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var (linkId, key) in linkIds.OrderBy(p => linkIdAt[p.Key]))
            {
                if (!keys.Contains(key))
                    Error("PC0106", linkIdAt[linkId], "$.linkIds" + Member(linkId), "names no item that $.surveyItems declares.");
            }
        }
        if (errors.Count > 0)
            throw new PatientCentricDataException(errors.ToImmutable());
        return (items, linkIdsSeen ? linkIds.ToImmutable() : items.ToImmutableDictionary(i => i.Key, i => i.Key, StringComparer.Ordinal));
    }

    /// <summary>Reads the <c>surveyItems</c> array with <see cref="PracticeDataSetReader"/> by wrapping it in a minimal data
    /// set that starts on the array's own line, so the reader's JSON paths and lines are the file's.</summary>
    private static ImmutableArray<SurveyItem> ReadItems(ReadOnlyMemory<byte> array, string sourceName, long line, ImmutableArray<DataError>.Builder errors)
    {
        var prefix = """{"schemaVersion":1,"practiceName":"survey items","timeZone":"UTC","surveyItems":"""u8;
        var document = new byte[prefix.Length + array.Length + 1];
        prefix.CopyTo(document);
        array.Span.CopyTo(document.AsSpan(prefix.Length));
        document[^1] = (byte)'}';
        try
        {
            return PracticeDataSetReader.Read(new MemoryStream(document), sourceName).SurveyItems;
        }
        catch (PatientCentricDataException e)
        {
            errors.AddRange(e.Errors.Select(d => d with { Line = d.Line is { } l ? l + line - 1 : null }));
            return [];
        }
    }

    private static string Member(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? "." + name : "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']";

    private static List<long> NewlineOffsets(ReadOnlySpan<byte> bytes)
    {
        var offsets = new List<long>();
        for (int i = bytes.IndexOf((byte)'\n'); i >= 0;)
        {
            offsets.Add(i);
            int next = bytes[(i + 1)..].IndexOf((byte)'\n');
            i = next < 0 ? -1 : i + 1 + next;
        }
        return offsets;
    }

    /// <summary>The 1-based line of a byte offset.</summary>
    private static long LineOf(List<long> newlines, long offset)
    {
        int index = newlines.BinarySearch(offset);
        return (index >= 0 ? index : ~index) + 1;
    }

    /// <summary>Formats the first problem as one line, with how many more there are.</summary>
    public static string OneLine(PatientCentricDataException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Errors.IsEmpty) return e.Message;
        return e.Errors.Length == 1
            ? e.Errors[0].ToString()
            : string.Create(CultureInfo.InvariantCulture, $"{e.Errors[0]} (and {e.Errors.Length - 1} more)");
    }
}
