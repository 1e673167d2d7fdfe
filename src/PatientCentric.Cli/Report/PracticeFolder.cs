using System.Text.Json;

namespace PatientCentric.Cli.Report;

/// <summary>How <c>report --practices DIR</c> reads one practice sub-folder (docs/peers.md#what-counts-as-a-practice-folder).</summary>
internal enum PracticeInputKind
{
    /// <summary>Nothing the report can read.</summary>
    None,

    /// <summary>One JSON data set file, read as <c>report --input FILE</c> reads it.</summary>
    JsonDataSet,

    /// <summary>A FHIR R4 export (Bulk Data NDJSON, or Bundles and resources as <c>.json</c> files), read as
    /// <c>report --fhir DIR</c> reads it.</summary>
    Fhir,
}

/// <summary>One immediate sub-folder of <c>report --practices DIR</c>: what it holds and how it is read.</summary>
/// <param name="Kind">How the folder is read.</param>
/// <param name="DataSetFile">The JSON data set's full path, for <see cref="PracticeInputKind.JsonDataSet"/>.</param>
/// <param name="SurveyItemsFile">For a Bulk Data (NDJSON) folder, the <c>survey-items.json</c> beside the NDJSON files when
/// present (as <c>sample --fhir-out</c> writes it), read as <c>--survey-items</c>.</param>
/// <param name="Reason">Why nothing can be read, for <see cref="PracticeInputKind.None"/>.</param>
internal sealed record PracticeFolder(PracticeInputKind Kind, string? DataSetFile, string? SurveyItemsFile, string? Reason)
{
    /// <summary>The file name of the survey item definitions in a Bulk Data folder.</summary>
    public const string SurveyItemsFileName = "survey-items.json";

    /// <summary>The practice sub-folders of <paramref name="fullPath"/>: every immediate sub-folder whose name does not
    /// start with a dot, in ordinal name order (as <c>LC_ALL=C ls</c> lists them).</summary>
    public static string[] List(string fullPath) =>
        [.. Directory.EnumerateDirectories(fullPath).Where(d => !Path.GetFileName(d).StartsWith('.')).Order(StringComparer.Ordinal)];

    /// <summary>Decides how to read <paramref name="folder"/>: a folder holding <c>.ndjson</c>/<c>.ndjson.gz</c> files is a
    /// FHIR Bulk Data export; else a folder holding exactly one <c>.json</c> file is a JSON data set, unless that file is
    /// a FHIR resource or Bundle (its first property is <c>resourceType</c>); a folder holding several <c>.json</c> files
    /// is FHIR; anything else has nothing to read.</summary>
    public static PracticeFolder Classify(string folder)
    {
        var files = Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal).ToList();
        if (files.Any(f => f.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".ndjson.gz", StringComparison.OrdinalIgnoreCase)))
        {
            string items = Path.Combine(folder, SurveyItemsFileName);
            return new(PracticeInputKind.Fhir, null, File.Exists(items) ? items : null, null);
        }
        var json = files.Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).ToList();
        return json.Count switch
        {
            0 => new(PracticeInputKind.None, null, null, "the folder holds no JSON data set (.json) and no FHIR files (.json, .ndjson, .ndjson.gz)."),
            1 when !StartsWithResourceType(json[0]) => new(PracticeInputKind.JsonDataSet, json[0], null, null),
            _ => new(PracticeInputKind.Fhir, null, null, null),
        };
    }

    /// <summary>Whether the file's top-level object starts with a <c>resourceType</c> property, as FHIR JSON resources
    /// and Bundles do; only the first 64 KiB are looked at, and anything unreadable is left to the data set reader to report.</summary>
    private static bool StartsWithResourceType(string path)
    {
        var buffer = new byte[64 * 1024];
        int read;
        using (var stream = File.OpenRead(path))
            read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        try
        {
            var span = buffer.AsSpan(0, read);
            if (span.StartsWith("\uFEFF"u8))
                span = span[3..];
            var reader = new Utf8JsonReader(span, isFinalBlock: read < buffer.Length, state: default);
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject
                   && reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("resourceType"u8);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
