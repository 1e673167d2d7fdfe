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

    // Static, so it is set before the base constructor reads HandleNull.
    private static readonly TEnum? WrittenAsNull = JsonEnumNames.WrittenAsNull<TEnum>();
    private static readonly string Message = $"expected one of {string.Join(", ", Values.Where(v => !v.Equals(WrittenAsNull)).Select(v => $"\"{JsonEnumNames.Name(v.ToString())}\""))}" +
                                             $"{(WrittenAsNull is null ? "" : " or null")}.";

    /// <inheritdoc/>
    public override bool HandleNull => WrittenAsNull is not null;

    /// <inheritdoc/>
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null && WrittenAsNull is { } absent)
            return absent;
        if (reader.TokenType == JsonTokenType.String && reader.GetString() is { } text && Find(text) is { } value)
            return value;
        throw new JsonException(Message);
    }

    // Compared without boxing (value.Equals(WrittenAsNull) boxed both sides on every write). The names are C# identifiers
    // (ASCII letters and digits), which no encoder escapes: encoded once, they are the bytes every writer would give.
    private static readonly bool HasWrittenAsNull = WrittenAsNull is not null;
    private static readonly TEnum NullMember = WrittenAsNull.GetValueOrDefault();
    private static readonly JsonEncodedText[] EncodedNames = [.. Names.Select(n => JsonEncodedText.Encode(n))];

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        if (HasWrittenAsNull && EqualityComparer<TEnum>.Default.Equals(value, NullMember))
            writer.WriteNullValue();
        else
            writer.WriteStringValue(EncodedNames[IndexOf(value)]);
    }

    /// <inheritdoc/>
    public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() is { } text && Find(text) is { } value ? value : throw new JsonException(Message);

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WritePropertyName(NameOf(value));

    private static TEnum? Find(string text) =>
        ByName.TryGetValue(text, out var value) || ByNameAnyCase.TryGetValue(text, out value) ? value : null;

    private static string NameOf(TEnum value) => Names[IndexOf(value)];

    private static int IndexOf(TEnum value)
    {
        int i = Array.IndexOf(Values, value);
        return i >= 0 ? i : throw new JsonException($"{typeof(TEnum).Name} has no member with the value {Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)}.");
    }
}

/// <summary>The JSON spelling of enum member names.</summary>
internal static class JsonEnumNames
{
    /// <summary>The member that means "none applies", written as <c>null</c>: <see cref="Control.SpecialCauseRule.None"/>
    /// (no rule labels the point). <see cref="Customers.SalienceGroup.None"/> and
    /// <see cref="Customers.TopsisNormalization.None"/> are settings (screen nobody out, do not normalise) and stay <c>"none"</c>.</summary>
    public static TEnum? WrittenAsNull<TEnum>() where TEnum : struct, Enum =>
        typeof(TEnum) == typeof(Control.SpecialCauseRule) ? (TEnum)(object)Control.SpecialCauseRule.None : null;

    /// <summary>camelCase (<c>NotApplicable</c> → <c>notApplicable</c>, <c>Points0To100</c> → <c>points0To100</c>); a name
    /// without lower-case letters (<c>CMA7</c>) is kept as it is, the way its source spells it.</summary>
    public static string Name(string member) =>
        member.Any(char.IsLower) ? JsonNamingPolicy.CamelCase.ConvertName(member) : member;
}
