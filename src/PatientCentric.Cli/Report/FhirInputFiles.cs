using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using PatientCentric.Fhir;

namespace PatientCentric.Cli.Report;

/// <summary>How <c>report --fhir PATH</c> reads its input: which <see cref="FhirPracticeReader"/> method, and the files in
/// the order that method reads them.</summary>
internal enum FhirInputKind
{
    /// <summary>One <c>.json</c> file (or any file not ending in <c>.ndjson</c>/<c>.ndjson.gz</c>): <see cref="FhirPracticeReader.ReadJsonFile"/>.</summary>
    JsonFile,

    /// <summary>One <c>.ndjson</c> or <c>.ndjson.gz</c> file: <see cref="FhirPracticeReader.ReadNdjson(IEnumerable{string}, IProgress{FhirReadProgress}?, CancellationToken)"/>.</summary>
    NdjsonFile,

    /// <summary>A folder without NDJSON files: <see cref="FhirPracticeReader.ReadJsonFolder"/>.</summary>
    JsonFolder,

    /// <summary>A folder holding NDJSON files (a Bulk Data export): the files <see cref="FhirPracticeReader.ReadNdjsonFolder"/>
    /// would read, passed to <see cref="FhirPracticeReader.ReadNdjson(IEnumerable{string}, IProgress{FhirReadProgress}?, CancellationToken)"/>.</summary>
    NdjsonFolder,
}

/// <summary>The files of one <c>report --fhir</c> read, in the order the reader reads them, so that every output can
/// name a file by its position and extension (<c>file 3 of 15 (.json)</c>) instead of its name: Synthea names each
/// Bundle after its patient (<c>Given_Family_&lt;Patient.id&gt;.json</c>).</summary>
/// <remarks>The rules are <see cref="FhirPracticeReader.ReadJsonFolder"/>'s and <see cref="FhirPracticeReader.ReadNdjsonFolder"/>'s
/// (ordinal name order; NDJSON folders leave out <c>log.ndjson</c>), copied because the reader keeps its file list to
/// itself; FhirInputFilesTests holds the two to the reader's own progress reports. An operator finds file N as the N-th
/// line of <c>LC_ALL=C ls</c> in the folder (for NDJSON, of the <c>.ndjson</c>/<c>.ndjson.gz</c> files other than
/// <c>log.ndjson</c>).</remarks>
internal sealed class FhirInputFiles
{
    private readonly Dictionary<string, int> _positions;
    private readonly string _path;

    private FhirInputFiles(FhirInputKind kind, string path, ImmutableArray<string> paths)
    {
        Kind = kind;
        _path = path;
        Paths = paths;
        _positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < paths.Length; i++)
            _positions.TryAdd(Path.GetFileName(paths[i]), i + 1);
    }

    /// <summary>Gets how the input is read.</summary>
    public FhirInputKind Kind { get; }

    /// <summary>Gets the files' full paths in read order (never written to an output).</summary>
    public ImmutableArray<string> Paths { get; }

    /// <summary>Gets how many files the read covers.</summary>
    public int Count => Paths.Length;

    /// <summary>Lists the files of an existing file or folder, as the reader will read them; <see langword="null"/> when
    /// <paramref name="fullPath"/> is neither.</summary>
    public static FhirInputFiles? Find(string fullPath)
    {
        if (Directory.Exists(fullPath))
        {
            bool ndjson = Directory.EnumerateFiles(fullPath).Any(IsNdjson);
            return ndjson
                ? new FhirInputFiles(FhirInputKind.NdjsonFolder, fullPath, [.. Directory.EnumerateFiles(fullPath).Where(IsNdjson)
                    .Where(f => !Path.GetFileName(f).Equals("log.ndjson", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal)])
                : new FhirInputFiles(FhirInputKind.JsonFolder, fullPath, [.. Directory.EnumerateFiles(fullPath).Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal)]);
        }
        if (File.Exists(fullPath))
            return new FhirInputFiles(IsNdjson(fullPath) ? FhirInputKind.NdjsonFile : FhirInputKind.JsonFile, fullPath, [fullPath]);
        return null;
    }

    /// <summary>Reads the input with <paramref name="reader"/>. An NDJSON folder is read from <see cref="Paths"/>, so
    /// positions match by construction; a JSON folder through <see cref="FhirPracticeReader.ReadJsonFolder"/>, which
    /// has no list form.</summary>
    public FhirReadResult Read(FhirPracticeReader reader, IProgress<FhirReadProgress>? progress, CancellationToken cancellationToken = default) => Kind switch
    {
        FhirInputKind.NdjsonFolder or FhirInputKind.NdjsonFile => reader.ReadNdjson(Paths, progress, cancellationToken),
        FhirInputKind.JsonFolder => reader.ReadJsonFolder(_path, progress, cancellationToken),
        _ => reader.ReadJsonFile(_path, progress, cancellationToken),
    };

    /// <summary>The 1-based position of a file (by the name the reader reports) in the read, or <see langword="null"/>.</summary>
    public int? Position(string fileName) => _positions.TryGetValue(fileName, out int i) ? i : null;

    /// <summary>The extension shown for a file: <c>.json</c>, <c>.ndjson</c> or <c>.ndjson.gz</c> (in lower case), else
    /// empty, so that a file name never shows through an odd extension.</summary>
    public static string Extension(string fileName) =>
        fileName.EndsWith(".ndjson.gz", StringComparison.OrdinalIgnoreCase) ? ".ndjson.gz"
        : fileName.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase) ? ".ndjson"
        : fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ".json"
        : "";

    /// <summary>A file by position and extension, such as <c>file 3 of 15 (.json)</c>; never its name.</summary>
    public string Describe(string fileName)
    {
        string ext = Extension(fileName);
        string position = Position(fileName) is { } i ? i.ToString("N0", CultureInfo.InvariantCulture) : "?";
        return string.Create(CultureInfo.InvariantCulture, $"file {position} of {Count:N0}") + (ext.Length > 0 ? $" ({ext})" : "");
    }

    /// <summary>Where an issue is, such as <c>file 3 of 15 (.json) entry 12</c> or <c>file 2 of 13 (.ndjson) line 412</c>:
    /// an NDJSON line, a Bundle entry, or the file alone for a single-resource file (line 0).</summary>
    public string Locate(FhirDataIssue issue) => Describe(issue.FileName) + (issue.Line > 0
        ? string.Create(CultureInfo.InvariantCulture, $" {LineWord(issue.FileName)} {issue.Line:N0}")
        : "");

    /// <summary>"line" for NDJSON files, "entry" for JSON files (a Bundle's 1-based entry position).</summary>
    public static string LineWord(string fileName) => IsNdjson(fileName) ? "line" : "entry";

    /// <summary>Replaces every path and name of the read's files in <paramref name="text"/> (such as an I/O error's
    /// message) by <see cref="Describe"/>.</summary>
    public string Scrub(string text)
    {
        if (Paths.IsEmpty)
            return text;
        // One pass, longest first, so a full path wins over its name and nothing replaces inside a replacement.
        var names = Paths.Concat(_positions.Keys).Distinct(StringComparer.Ordinal).OrderByDescending(n => n.Length).Select(Regex.Escape);
        return Regex.Replace(text, string.Join('|', names), m => Describe(Path.GetFileName(m.Value)), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static bool IsNdjson(string path) =>
        path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson.gz", StringComparison.OrdinalIgnoreCase);
}
