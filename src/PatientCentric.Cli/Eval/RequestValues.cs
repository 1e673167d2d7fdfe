using System.Globalization;
using System.Text.Json;
using PatientCentric.Scoring;

namespace PatientCentric.Cli.Eval;

/// <summary>Typed readers for request fields shared by several measures: dates, booleans, periods.</summary>
internal static class RequestValues
{
    public static DateOnly Date(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.String)
            throw new EvalInputException(path, $"expected a date string \"yyyy-MM-dd\", got {RequestObject.Describe(e)}.");
        return DateOnly.TryParseExact(e.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new EvalInputException(path, "not a date of the form \"yyyy-MM-dd\".");
    }

    /// <summary>Reads an ISO 8601 instant that must carry a UTC offset (Z or ±hh:mm), never echoing the value.</summary>
    public static DateTimeOffset Instant(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.String)
            throw new EvalInputException(path, $"expected a date-time string with a UTC offset, got {RequestObject.Describe(e)}.");
        string text = e.GetString()!;
        bool hasOffset = text.EndsWith('Z') || (text.Length > 6 && (text[^6] is '+' or '-') && text[^3] == ':');
        return hasOffset && text.Contains('T', StringComparison.Ordinal)
               && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value)
            ? value
            : throw new EvalInputException(path, "must be an ISO 8601 date-time with a UTC offset (Z or ±hh:mm), such as \"2025-03-04T09:30:00-06:00\".");
    }

    /// <summary>Reads a required IANA time zone field.</summary>
    public static TimeZoneInfo TimeZone(RequestObject o, string name = "timeZone")
    {
        string path = RequestObject.Child(o.Path, name);
        string id = NonEmptyString(o.Required(name), path);
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone : throw new EvalInputException(path, "not a known IANA time zone (for example \"America/Chicago\").");
    }

    /// <summary>Reads an optional array of dates (such as holidays); empty when absent.</summary>
    public static List<DateOnly> OptionalDates(RequestObject o, string name)
    {
        var dates = new List<DateOnly>();
        if (o.Optional(name) is not { } e)
            return dates;
        string path = RequestObject.Child(o.Path, name);
        if (e.ValueKind != JsonValueKind.Array)
            throw new EvalInputException(path, $"expected an array, got {RequestObject.Describe(e)}.");
        int i = 0;
        foreach (var d in e.EnumerateArray())
            dates.Add(Date(d, $"{path}[{i++}]"));
        return dates;
    }

    public static DateOnly RequiredDate(RequestObject o, string name) => Date(o.Required(name), RequestObject.Child(o.Path, name));

    public static DateOnly? OptionalDate(RequestObject o, string name) =>
        o.Optional(name) is { } e ? Date(e, RequestObject.Child(o.Path, name)) : null;

    public static bool OptionalBool(RequestObject o, string name, bool defaultValue)
    {
        if (o.Optional(name) is not { } e)
            return defaultValue;
        return e.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new EvalInputException(RequestObject.Child(o.Path, name), $"expected true or false, got {RequestObject.Describe(e)}."),
        };
    }

    public static int OptionalInt(RequestObject o, string name, int defaultValue, int min, int max) =>
        o.Optional(name) is { } e ? RequestObject.WholeNumber(e, RequestObject.Child(o.Path, name), min, max) : defaultValue;

    public static double OptionalNumber(RequestObject o, string name, double defaultValue, double min, double max)
    {
        if (o.Optional(name) is not { } e)
            return defaultValue;
        string path = RequestObject.Child(o.Path, name);
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetDouble(out double v) || !double.IsFinite(v))
            throw new EvalInputException(path, $"expected a number, got {RequestObject.Describe(e)}.");
        if (v < min || v > max)
            throw new EvalInputException(path, string.Create(CultureInfo.InvariantCulture, $"{e.GetRawText()} is outside {min}..{max}."));
        return v;
    }

    /// <summary>Reads <c>{"start":"yyyy-MM-dd","end":"yyyy-MM-dd"}</c>; the end must not precede the start.</summary>
    public static MeasurementPeriod Period(RequestObject o, string name)
    {
        var p = o.RequiredObject(name);
        var start = RequiredDate(p, "start");
        var end = RequiredDate(p, "end");
        p.RejectUnknownFields();
        return end >= start ? new MeasurementPeriod(start, end) : throw new EvalInputException(RequestObject.Child(p.Path, "end"), "the period's end is before its start.");
    }

    public static string NonEmptyString(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.String)
            throw new EvalInputException(path, $"expected a string, got {RequestObject.Describe(e)}.");
        string s = e.GetString()!;
        return string.IsNullOrWhiteSpace(s) ? throw new EvalInputException(path, "must be a non-empty string.") : s;
    }

    /// <summary>Enumerates an array of objects with each element's path.</summary>
    public static IEnumerable<RequestObject> Objects(JsonElement array, string path)
    {
        int i = 0;
        foreach (var e in array.EnumerateArray())
            yield return RequestObject.Of(e, $"{path}[{i++}]");
    }

    public static void WriteDate(Utf8JsonWriter w, string name, DateOnly? date)
    {
        if (date is { } d)
            w.WriteString(name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        else
            w.WriteNull(name);
    }

    public static void WriteNumber(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
            w.WriteNumber(name, v);
        else
            w.WriteNull(name);
    }
}
