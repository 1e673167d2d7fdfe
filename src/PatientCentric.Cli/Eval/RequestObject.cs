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

    public static int WholeNumber(JsonElement e, string path, int min, int max)
    {
        if (e.ValueKind != JsonValueKind.Number)
            throw new EvalInputException(path, $"expected a whole number, got {Describe(e)}.");
        if (!e.TryGetDecimal(out decimal d))
            throw new EvalInputException(path, $"{e.GetRawText()} is not a number this tool can read.");
        if (d != decimal.Truncate(d))
            throw new EvalInputException(path, $"{e.GetRawText()} is not a whole number.");
        if (d < min || d > max)
            throw new EvalInputException(path, string.Create(CultureInfo.InvariantCulture, $"{e.GetRawText()} is outside {min}..{max}."));
        return (int)d;
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
