using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace PatientCentric.Serialization;

/// <summary>Checks a JSON document against the serializer's own metadata for a type before it is deserialized, so that every
/// schema problem is listed (the serializer stops at the first): unknown fields, values of the wrong type, whole numbers,
/// dates, instants without an offset, and enums given as anything but one of their names (a number such as <c>99</c> would
/// otherwise be read as an undefined value). Records the line of every path it passes, for later errors.</summary>
internal sealed partial class SchemaWalker
{
    private const int MaxErrors = 1_000;

    private readonly JsonSerializerOptions _options;
    private readonly string _source;
    private readonly int[] _lineStarts;

    private SchemaWalker(JsonSerializerOptions options, string source, ReadOnlySpan<byte> utf8)
    {
        _options = options;
        _source = source;
        var starts = new List<int> { 0 };
        for (int i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
                starts.Add(i + 1);
        }
        _lineStarts = [.. starts];
    }

    /// <summary>Gets the problems found, in document order.</summary>
    public List<DataError> Errors { get; } = [];

    /// <summary>Gets the 1-based line of each path passed.</summary>
    public Dictionary<string, long> Lines { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets, for each object read as a map (such as a survey return's answers), its keys in document order.</summary>
    public Dictionary<string, List<string>> MapKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>Walks <paramref name="utf8"/> (checked by <see cref="StrictJsonText"/>, without a BOM) as a <paramref name="root"/>.</summary>
    /// <returns>The walker with its errors and lines; no errors when the JSON is malformed (the serializer says where).</returns>
    public static SchemaWalker Walk(ReadOnlySpan<byte> utf8, JsonTypeInfo root, string source, int maxDepth)
    {
        var walker = new SchemaWalker(root.Options, source, utf8);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth });
        try
        {
            if (reader.Read())
                walker.Value(ref reader, root.Type, "$");
        }
        catch (JsonException)
        {
            walker.Errors.Clear();   // malformed: left to the serializer's message
        }
        return walker;
    }

    /// <summary>The line of <paramref name="path"/> or of the nearest enclosing path passed.</summary>
    public long? LineOf(string path)
    {
        while (true)
        {
            if (Lines.TryGetValue(path, out long line))
                return line;
            int cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
                return null;
            path = path[..cut];
        }
    }

    private long Line(long offset)
    {
        int i = Array.BinarySearch(_lineStarts, (int)offset);
        return (i >= 0 ? i : ~i - 1) + 1;
    }

    private void Error(string code, long offset, string path, string message)
    {
        if (Errors.Count < MaxErrors)
            Errors.Add(new DataError(code, _source, Line(offset), path, message));
    }

    private void Value(ref Utf8JsonReader r, Type declared, string path)
    {
        long at = r.TokenStartIndex;
        Lines.TryAdd(path, Line(at));
        var underlying = Nullable.GetUnderlyingType(declared);
        var type = underlying ?? declared;
        if (r.TokenType == JsonTokenType.Null)
        {
            if (type.IsValueType && underlying is null)
                Error("PC0100", at, path, $"wrong type: expected {Expected(type)}.");
            return;   // null where a reference is expected: the required-field checks name it
        }
        JsonTypeInfo? info = type.IsEnum || type.IsPrimitive || type == typeof(string) ? null : _options.TryGetTypeInfo(type, out var ti) ? ti : null;
        switch (info?.Kind)
        {
            case JsonTypeInfoKind.Object:
                if (r.TokenType != JsonTokenType.StartObject) { Wrong(ref r, type, path); return; }
                var properties = info.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
                while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
                {
                    string name = r.GetString()!;
                    long nameAt = r.TokenStartIndex;
                    r.Read();
                    if (properties.TryGetValue(name, out var property))
                    {
                        Value(ref r, property.PropertyType, $"{path}.{name}");
                    }
                    else
                    {
                        Error("PC0101", nameAt, Child(path, name), "unknown field; check its spelling against docs/data-model.md.");
                        r.Skip();
                    }
                }
                return;
            case JsonTypeInfoKind.Enumerable:
                if (r.TokenType != JsonTokenType.StartArray) { Wrong(ref r, type, path); return; }
                if (ElementOf(type, dictionary: false) is not { } element) { r.Skip(); return; }
                int i = 0;
                while (r.Read() && r.TokenType != JsonTokenType.EndArray)
                    Value(ref r, element, string.Create(CultureInfo.InvariantCulture, $"{path}[{i++}]"));
                return;
            case JsonTypeInfoKind.Dictionary:
                if (r.TokenType != JsonTokenType.StartObject) { Wrong(ref r, type, path); return; }
                if (ElementOf(type, dictionary: true) is not { } valueType) { r.Skip(); return; }
                var keys = new List<string>();
                MapKeys[path] = keys;
                while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
                {
                    string key = r.GetString()!;
                    keys.Add(key);
                    r.Read();
                    // The key is host data: the path names its position, never its text.
                    Value(ref r, valueType, string.Create(CultureInfo.InvariantCulture, $"{path}[field {keys.Count}]"));
                }
                return;
        }
        if (!Scalar(ref r, type))
            Wrong(ref r, type, path);
    }

    /// <summary>The element type of an array or list, or the value type of a dictionary, from the type's own generic
    /// arguments (JsonTypeInfo.ElementType is .NET 9 and later); <see langword="null"/> when it cannot be told.</summary>
    private static Type? ElementOf(Type type, bool dictionary)
    {
        if (type.IsArray)
            return dictionary ? null : type.GetElementType();
        if (!type.IsGenericType)
            return null;
        var arguments = type.GetGenericArguments();
        return dictionary ? (arguments.Length == 2 ? arguments[1] : null) : (arguments.Length == 1 ? arguments[0] : null);
    }

    private void Wrong(ref Utf8JsonReader r, Type type, string path)
    {
        string message = type == typeof(DateTimeOffset) && r.TokenType == JsonTokenType.String
            ? "must be an ISO 8601 date-time with a UTC offset (Z or ±hh:mm), such as \"2025-03-04T09:30:00-06:00\"."
            : type.IsEnum ? $"expected {Expected(type)}."   // the allowed values, as the enum converter lists them
            : $"wrong type: expected {Expected(type)}.";
        Error("PC0100", r.TokenStartIndex, path, message);
        r.Skip();
    }

    /// <summary>Whether the current token is a valid <paramref name="type"/>; types this walker does not know pass.</summary>
    private static bool Scalar(ref Utf8JsonReader r, Type type)
    {
        if (type == typeof(string))
            return r.TokenType == JsonTokenType.String;
        if (type == typeof(bool))
            return r.TokenType is JsonTokenType.True or JsonTokenType.False;
        if (type == typeof(int))
            return r.TokenType == JsonTokenType.Number && r.TryGetInt32(out _);
        if (type == typeof(long))
            return r.TokenType == JsonTokenType.Number && r.TryGetInt64(out _);
        if (type == typeof(double) || type == typeof(decimal))
            return r.TokenType == JsonTokenType.Number && (type != typeof(decimal) || r.TryGetDecimal(out _)) && r.TryGetDouble(out double d) && double.IsFinite(d);
        if (type == typeof(DateOnly))
            return r.TokenType == JsonTokenType.String && DateOnly.TryParseExact(r.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        if (type == typeof(DateTimeOffset))
            return r.TokenType == JsonTokenType.String && r.GetString() is { } s && WithOffset().IsMatch(s)
                   && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _);
        if (type.IsEnum)
            return r.TokenType == JsonTokenType.String && IsEnumName(type, r.GetString()!);
        return true;
    }

    /// <summary>Whether <paramref name="text"/> is one of the enum's names (any case), as the documented strings are; never a
    /// number or a comma-separated combination.</summary>
    internal static bool IsEnumName(Type enumType, string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(text[0])
        && Enum.GetNames(enumType).Contains(text, StringComparer.OrdinalIgnoreCase);

    private static string Expected(Type type) => type switch
    {
        _ when type == typeof(string) => "a string",
        _ when type == typeof(int) || type == typeof(long) => "a whole number",
        _ when type == typeof(double) || type == typeof(decimal) => "a number",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(DateOnly) => "a date \"yyyy-MM-dd\"",
        _ when type == typeof(DateTimeOffset) => "a date-time with a UTC offset",
        _ when type.IsEnum => $"one of {string.Join(", ", Enum.GetNames(type).Select(n => $"\"{JsonEnumNames.Name(n)}\""))}",
        _ when type.IsArray || type.Name.StartsWith("ImmutableArray", StringComparison.Ordinal) || type.Name.StartsWith("List", StringComparison.Ordinal) => "an array",
        _ => "an object as documented",
    };

    private static string Child(string path, string name) =>
        name.Length is > 0 and <= 64 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? $"{path}.{name}"
            : $"{path}[an unknown field]";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex WithOffset();
}
