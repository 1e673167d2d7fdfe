using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PatientCentric.Serialization;

/// <summary>Reads and writes one enum as the library's JSON spells every enum: a camelCase string (<c>"notApplicable"</c>,
/// <c>"specialCauseConcern"</c>; an all-capitals name such as <c>"CMA7"</c> as it is), and <c>null</c> for the member that
/// means "none applies" when the enum has one (<see cref="Control.SpecialCauseRule.None"/>). Reading also accepts the
/// member's name in any case (<c>"NotApplicable"</c>, the spelling written before camelCase), refuses numbers, and names every allowed
/// value when it refuses one, without echoing the value read.</summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal sealed class JsonEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly TEnum[] Values = Enum.GetValues<TEnum>();
    private static readonly string[] Names = [.. Values.Select(v => JsonEnumNames.Name(v.ToString()))];
    private static readonly FrozenDictionary<string, TEnum> ByName = Values.Select((v, i) => KeyValuePair.Create(Names[i], v)).ToFrozenDictionary(StringComparer.Ordinal);
    private static readonly FrozenDictionary<string, TEnum> ByNameAnyCase = Values.ToFrozenDictionary(v => v.ToString(), v => v, StringComparer.OrdinalIgnoreCase);

    private readonly TEnum? _writtenAsNull;
    private readonly string _expected;

    /// <summary>Initializes the converter.</summary>
    /// <param name="writtenAsNull">The member that means absence, written (and read) as JSON <c>null</c>; <see langword="null"/> when none does.</param>
    public JsonEnumConverter(TEnum? writtenAsNull = null)
    {
        _writtenAsNull = writtenAsNull;
        var allowed = Values.Where(v => !v.Equals(writtenAsNull)).Select(v => $"\"{JsonEnumNames.Name(v.ToString())}\"");
        _expected = $"expected one of {string.Join(", ", allowed)}{(writtenAsNull is null ? "" : " or null")}.";
    }

    /// <summary>Gets the refusal message, naming every allowed value.</summary>
    internal string Expected => _expected;

    /// <inheritdoc/>
    public override bool HandleNull => _writtenAsNull is not null;

    /// <inheritdoc/>
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null && _writtenAsNull is { } absent)
            return absent;
        if (reader.TokenType == JsonTokenType.String && reader.GetString() is { } text && Find(text) is { } value)
            return value;
        throw new JsonException(_expected);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        if (value.Equals(_writtenAsNull))
            writer.WriteNullValue();
        else
            writer.WriteStringValue(NameOf(value));
    }

    /// <inheritdoc/>
    public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() is { } text && Find(text) is { } value ? value : throw new JsonException(_expected);

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WritePropertyName(NameOf(value));

    private static TEnum? Find(string text) =>
        ByName.TryGetValue(text, out var value) || ByNameAnyCase.TryGetValue(text, out value) ? value : null;

    private static string NameOf(TEnum value)
    {
        int i = Array.IndexOf(Values, value);
        return i >= 0 ? Names[i] : throw new JsonException($"{typeof(TEnum).Name} has no member with the value {Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)}.");
    }
}

/// <summary>The JSON spelling of enum member names.</summary>
internal static class JsonEnumNames
{
    /// <summary>camelCase (<c>NotApplicable</c> → <c>notApplicable</c>, <c>Points0To100</c> → <c>points0To100</c>); a name
    /// without lower-case letters (<c>CMA7</c>) is kept as it is, the way its source spells it.</summary>
    public static string Name(string member) =>
        member.Any(char.IsLower) ? JsonNamingPolicy.CamelCase.ConvertName(member) : member;
}
