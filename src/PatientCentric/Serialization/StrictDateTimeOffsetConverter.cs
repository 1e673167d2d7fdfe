using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace PatientCentric.Serialization;

/// <summary>Reads and writes instants as ISO 8601 date-times that must carry a UTC offset (<c>Z</c> or <c>±hh:mm</c>):
/// an instant without an offset is ambiguous and is rejected rather than guessed.</summary>
internal sealed partial class StrictDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException("must be an ISO 8601 date-time string with a UTC offset, such as \"2025-03-04T09:30:00-06:00\".");
        string? text = reader.GetString();
        if (text is null || !WithOffset().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value))
            throw new JsonException("must be an ISO 8601 date-time with a UTC offset (Z or ±hh:mm), such as \"2025-03-04T09:30:00-06:00\".");
        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        // Formatted on the stack (at most 33 characters), not into a new string per value.
        Span<char> text = stackalloc char[64];
        string format = value.Offset == TimeSpan.Zero ? "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";
        if (value.TryFormat(text, out int written, format, CultureInfo.InvariantCulture))
            writer.WriteStringValue(text[..written]);
        else
            writer.WriteStringValue(value.ToString(format, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex WithOffset();
}
