using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace PatientCentric.Serialization;

/// <summary>The one strict path every JSON input goes through before it is read (the data-set reader and the CLI's
/// <c>eval</c>, which compiles this file in): a UTF-8 byte order mark is skipped; invalid UTF-8 bytes, a string or field
/// name holding a lone surrogate escape (<c>"\ud800"</c>), and a field given twice in one object are refused with the
/// line and JSON path, never the value. Malformed JSON is left to the parser, which words it.</summary>
internal static class StrictJsonText
{
    /// <summary>One problem: the data-set error code (PC0100 unreadable text, PC0107 a repeated field), the 1-based line, the
    /// JSON path and what is wrong (never the value).</summary>
    internal sealed record Problem(string Code, long Line, string Path, string Message);

    /// <summary>Returns <paramref name="utf8"/> without a leading UTF-8 byte order mark.</summary>
    public static ReadOnlyMemory<byte> WithoutBom(ReadOnlyMemory<byte> utf8) =>
        utf8.Span.StartsWith("\uFEFF"u8) ? utf8[3..] : utf8;

    /// <summary>Finds the first encoding problem or repeated field in <paramref name="utf8"/> (without a BOM).</summary>
    /// <returns>The problem, or <see langword="null"/> when there is none or the JSON is malformed (the parser says where).</returns>
    public static Problem? Check(ReadOnlySpan<byte> utf8, int maxDepth)
    {
        if (!Utf8.IsValid(utf8))
        {
            int at = 0;
            while (at < utf8.Length && Rune.DecodeFromUtf8(utf8[at..], out _, out int consumed) == OperationStatus.Done)
                at += consumed;
            return new Problem("PC0100", LineAt(utf8, at), "$", string.Create(CultureInfo.InvariantCulture,
                $"the input is not valid UTF-8 (invalid byte at line {LineAt(utf8, at)}, byte {at - LineStart(utf8, at) + 1}); save it as UTF-8."));
        }
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = maxDepth });
        var frames = new Stack<Frame>();
        string? pendingName = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                    {
                        var frame = frames.Peek();
                        string? name = TryGetString(ref reader);
                        if (name is null)
                            return new Problem("PC0100", LineAt(utf8, reader.TokenStartIndex), frame.Path,
                                "a field name holds a lone surrogate escape (such as \\ud800); it is not Unicode text.");
                        frame.Names ??= new HashSet<string>(StringComparer.Ordinal);
                        frame.Fields++;
                        if (!frame.Names.Add(name))
                            return IsPlain(name)
                                ? new Problem("PC0107", LineAt(utf8, reader.TokenStartIndex), $"{frame.Path}.{name}", "the field is given more than once.")
                                : new Problem("PC0107", LineAt(utf8, reader.TokenStartIndex), frame.Path, string.Create(CultureInfo.InvariantCulture,
                                    $"field {frame.Fields} repeats the name of an earlier field of this object."));
                        pendingName = name;
                        break;
                    }
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        frames.Push(new Frame(ValuePath(frames, ref pendingName)));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.Pop();
                        if (frames.TryPeek(out var parent))
                            parent.Index++;
                        break;
                    default:
                    {
                        string path = ValuePath(frames, ref pendingName);
                        if (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped && TryGetString(ref reader) is null)
                            return new Problem("PC0100", LineAt(utf8, reader.TokenStartIndex), path,
                                "the string holds a lone surrogate escape (such as \\ud800); it is not Unicode text.");
                        if (frames.TryPeek(out var container))
                            container.Index++;
                        break;
                    }
                }
            }
        }
        catch (JsonException)
        {
            return null;   // malformed: the parser reports it with its own words and place
        }
        return null;
    }

    /// <summary>The parser's words for malformed JSON, without the position suffix it appends and without the piece of the
    /// input it quotes at the start (<c>'nancy}' is an invalid JSON literal</c>: that piece can be a name or an identifier,
    /// so it becomes "the text here").</summary>
    /// <param name="message">A <see cref="JsonException"/>'s message.</param>
    /// <returns>The reason, without a final full stop.</returns>
    public static string SyntaxReason(string message)
    {
        foreach (string suffix in (ReadOnlySpan<string>)[" Path:", " LineNumber:"])
        {
            int cut = message.IndexOf(suffix, StringComparison.Ordinal);
            if (cut >= 0)
                message = message[..cut];
        }
        message = message.Replace(" Change the reader options.", "", StringComparison.Ordinal).Trim();
        if (message.StartsWith('\'') && message.IndexOf('\'', 1) is int end and > 0)
            message = "the text here" + message[(end + 1)..];
        return message.TrimEnd('.');
    }

    /// <summary>The 1-based line of byte <paramref name="offset"/>.</summary>
    public static long LineAt(ReadOnlySpan<byte> utf8, long offset) =>
        utf8[..(int)Math.Min(offset, utf8.Length)].Count((byte)'\n') + 1;

    private static long LineStart(ReadOnlySpan<byte> utf8, int offset) =>
        utf8[..offset].LastIndexOf((byte)'\n') + 1;

    private static string? TryGetString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string ValuePath(Stack<Frame> frames, ref string? pendingName)
    {
        if (!frames.TryPeek(out var frame))
            return "$";
        if (pendingName is { } name)
        {
            pendingName = null;
            return IsPlain(name) ? $"{frame.Path}.{name}" : string.Create(CultureInfo.InvariantCulture, $"{frame.Path}[field {frame.Fields}]");
        }
        return string.Create(CultureInfo.InvariantCulture, $"{frame.Path}[{frame.Index}]");
    }

    /// <summary>Whether a field name is a plain identifier (ASCII letters, digits, <c>_</c>, at most 64), as schema names are;
    /// other names may be host values and are named by position instead.</summary>
    private static bool IsPlain(string name) =>
        name.Length is > 0 and <= 64 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private sealed class Frame(string path)
    {
        public string Path { get; } = path;

        public int Index { get; set; }

        public int Fields { get; set; }

        public HashSet<string>? Names { get; set; }
    }
}
