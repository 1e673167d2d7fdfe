using System.Globalization;
using System.Text.Json;

namespace PatientCentric.Cli.Eval;

/// <summary>Reads one JSON object of an eval request field by field, with the JSON path of every element, and refuses
/// fields nobody asked for (typos must not pass silently) and fields given twice.</summary>
internal sealed class RequestObject
{
    private readonly JsonElement _element;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private RequestObject(JsonElement element, string path)
    {
        _element = element;
        Path = path;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in element.EnumerateObject())
        {
            if (!seen.Add(p.Name))
                throw new EvalInputException(Child(path, p.Name), "the field is given more than once.");
        }
    }

    public string Path { get; }

    public static RequestObject Of(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Object
            ? new RequestObject(element, path)
            : throw new EvalInputException(path, $"expected an object, got {Describe(element)}.");

    public static string Child(string path, string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && name.Length > 0 && !char.IsAsciiDigit(name[0])
            ? $"{path}.{name}"
            : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    public JsonElement? Optional(string name)
    {
        _read.Add(name);
        return _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
    }

    public JsonElement Required(string name) =>
        Optional(name) ?? throw new EvalInputException(Child(Path, name), "required field is missing.");

    public string RequiredString(string name)
    {
        var e = Required(name);
        return e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new EvalInputException(Child(Path, name), $"expected a string, got {Describe(e)}.");
    }

    public JsonElement RequiredArray(string name, bool allowEmpty = false)
    {
        var e = Required(name);
        string path = Child(Path, name);
        if (e.ValueKind != JsonValueKind.Array)
            throw new EvalInputException(path, $"expected an array, got {Describe(e)}.");
        if (!allowEmpty && e.GetArrayLength() == 0)
            throw new EvalInputException(path, "the array is empty; at least one element is needed.");
        return e;
    }

    public RequestObject RequiredObject(string name) => Of(Required(name), Child(Path, name));

    /// <summary>Fails on the first field that no reader asked for, naming it.</summary>
    public void RejectUnknownFields(IEnumerable<string>? alsoAllowed = null)
    {
        var allowed = new HashSet<string>(_read, StringComparer.Ordinal);
        if (alsoAllowed is not null)
            allowed.UnionWith(alsoAllowed);
        foreach (var p in _element.EnumerateObject())
        {
            if (!allowed.Contains(p.Name))
            {
                string known = string.Join(", ", allowed.Order(StringComparer.Ordinal).Select(n => $"\"{n}\""));
                throw new EvalInputException(Child(Path, p.Name), $"unknown field; this request takes {known}.");
            }
        }
    }

    /// <summary>The named properties, for map-shaped fields.</summary>
    public IEnumerable<JsonProperty> Properties() => _element.EnumerateObject();

    /// <summary>Reads a whole number in <paramref name="min"/>..<paramref name="max"/> from the number's own digits, never
    /// through a rounding type: <c>1e-30</c> is not a whole number (decimal would round it to 0), <c>2.0</c> and <c>1e2</c> are.</summary>
    public static int WholeNumber(JsonElement e, string path, int min, int max)
    {
        if (e.ValueKind != JsonValueKind.Number)
            throw new EvalInputException(path, $"expected a whole number, got {Describe(e)}.");
        string raw = e.GetRawText();
        return ExactInteger(raw) switch
        {
            null => throw new EvalInputException(path, $"{raw} is not a whole number."),
            { } v when v < min || v > max => throw new EvalInputException(path, string.Create(CultureInfo.InvariantCulture, $"{raw} is outside {min}..{max}.")),
            { } v => (int)v,
        };
    }

    /// <summary>The exact value of a JSON number when it is whole, clamped to ±2⁶²; <see langword="null"/> when it has a
    /// fractional part, however small.</summary>
    internal static long? ExactInteger(string raw)
    {
        bool negative = raw.StartsWith('-');
        string body = negative ? raw[1..] : raw;
        int ePos = body.IndexOfAny(['e', 'E']);
        long exponent = 0;
        if (ePos >= 0)
        {
            string exp = body[(ePos + 1)..];
            // Exponents beyond ±10^6 are folded: no JSON number has that many digits, so only the sign matters.
            exponent = exp.TrimStart('+', '-').Length > 7 ? (exp.StartsWith('-') ? -10_000_000 : 10_000_000)
                : long.Parse(exp, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            body = body[..ePos];
        }
        int dot = body.IndexOf('.', StringComparison.Ordinal);
        string all = dot < 0 ? body : body[..dot] + body[(dot + 1)..];
        string digits = all.TrimStart('0');
        long point = (dot < 0 ? body.Length : dot) + exponent - (all.Length - digits.Length);   // digits before the point
        string significant = digits.TrimEnd('0');
        if (significant.Length == 0)
            return 0;
        if (significant.Length > point)
            return null;                                          // a non-zero digit after the point
        if (point > 18)
            return negative ? -(1L << 62) : 1L << 62;             // far beyond any range asked for
        long value = long.Parse(digits.PadRight((int)point, '0')[..(int)point], CultureInfo.InvariantCulture);
        return negative ? -value : value;
    }

    public static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
