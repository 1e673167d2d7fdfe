using System.Runtime.CompilerServices;
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
    // Static, so it is set before the base constructor reads HandleNull. The tables are built without generic code over
    // TEnum (JsonEnumTable): each of the library's enums would otherwise compile its own copies of the frozen
    // dictionaries and LINQ operators at start-up, about half a second of a cold report.
    private static readonly JsonEnumTable Table = JsonEnumTable.Of(typeof(TEnum));

    /// <inheritdoc/>
    public override bool HandleNull => Table.HasNullMember;

    /// <inheritdoc/>
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null && Table.HasNullMember)
            return FromInt32(Table.NullMember);
        if (reader.TokenType == JsonTokenType.String && reader.GetString() is { } text && Table.Find(text) is { } value)
            return FromInt32(value);
        throw new JsonException(Table.Message);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        int raw = ToInt32(value);
        if (Table.HasNullMember && raw == Table.NullMember)
            writer.WriteNullValue();
        else
            writer.WriteStringValue(Table.EncodedNameOf(raw));
    }

    /// <inheritdoc/>
    public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() is { } text && Table.Find(text) is { } value ? FromInt32(value) : throw new JsonException(Table.Message);

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WritePropertyName(Table.NameOf(ToInt32(value)));

    // Every enum the factory converts is int-based (JsonEnumTable.Of checks): the value is its int, without boxing.
    private static int ToInt32(TEnum value) => Unsafe.BitCast<TEnum, int>(value);

    private static TEnum FromInt32(int value) => Unsafe.BitCast<int, TEnum>(value);
}

/// <summary>The names of one int-based enum as <see cref="JsonEnumConverter{TEnum}"/> reads and writes them, built from
/// its <see cref="Type"/> (no code generic over the enum).</summary>
internal sealed class JsonEnumTable
{
    private readonly string _typeName;
    private readonly int[] _values;
    private readonly string[] _names;
    private readonly JsonEncodedText[] _encodedNames;
    private readonly bool _valuesAreIndexes;
    private readonly Dictionary<string, int> _byName, _byNameAnyCase;

    private JsonEnumTable(Type enumType)
    {
        if (!enumType.IsEnum || Enum.GetUnderlyingType(enumType) != typeof(int))
            throw new ArgumentException($"{enumType.Name} is not an int-based enum.", nameof(enumType));
        _typeName = enumType.Name;
        _values = (int[])Enum.GetValuesAsUnderlyingType(enumType);
        var members = new string[_values.Length];
        _names = new string[_values.Length];
        _encodedNames = new JsonEncodedText[_values.Length];
        _byName = new Dictionary<string, int>(_values.Length, StringComparer.Ordinal);
        _byNameAnyCase = new Dictionary<string, int>(_values.Length, StringComparer.OrdinalIgnoreCase);
        _valuesAreIndexes = true;
        for (int i = 0; i < _values.Length; i++)
        {
            members[i] = Enum.GetName(enumType, _values[i])!;
            // The names are C# identifiers (ASCII letters and digits), which no encoder escapes: encoded once, they are
            // the bytes every writer would give.
            _names[i] = JsonEnumNames.Name(members[i]);
            _encodedNames[i] = JsonEncodedText.Encode(_names[i]);
            _byName.Add(_names[i], _values[i]);
            _byNameAnyCase.Add(members[i], _values[i]);
            _valuesAreIndexes &= _values[i] == i;
        }
        var nullMember = JsonEnumNames.WrittenAsNull(enumType);
        HasNullMember = nullMember is not null;
        NullMember = nullMember.GetValueOrDefault();
        var allowed = new List<string>(_values.Length);
        for (int i = 0; i < _values.Length; i++)
            if (nullMember != _values[i]) allowed.Add($"\"{_names[i]}\"");
        Message = $"expected one of {string.Join(", ", allowed)}{(HasNullMember ? " or null" : "")}.";
    }

    /// <summary>The table of <paramref name="enumType"/>.</summary>
    /// <exception cref="ArgumentException">It is not an int-based enum.</exception>
    public static JsonEnumTable Of(Type enumType) => new(enumType);

    /// <summary>Gets whether one member is written as <c>null</c> (<see cref="NullMember"/>).</summary>
    public bool HasNullMember { get; }

    /// <summary>Gets the value of the member written as <c>null</c>, when <see cref="HasNullMember"/>.</summary>
    public int NullMember { get; }

    /// <summary>Gets the error for a value that names no member: every allowed value, never the value read.</summary>
    public string Message { get; }

    /// <summary>The value <paramref name="text"/> names: its JSON name, or else its member name in any case.</summary>
    public int? Find(string text) =>
        _byName.TryGetValue(text, out int value) || _byNameAnyCase.TryGetValue(text, out value) ? value : null;

    /// <summary>The JSON name of <paramref name="value"/>.</summary>
    public string NameOf(int value) => _names[IndexOf(value)];

    /// <summary>The JSON name of <paramref name="value"/>, encoded.</summary>
    public JsonEncodedText EncodedNameOf(int value) => _encodedNames[IndexOf(value)];

    private int IndexOf(int value)
    {
        int i = _valuesAreIndexes ? ((uint)value < (uint)_values.Length ? value : -1) : Array.IndexOf(_values, value);
        return i >= 0 ? i : throw new JsonException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{_typeName} has no member with the value {value}."));
    }
}

/// <summary>The JSON spelling of enum member names.</summary>
internal static class JsonEnumNames
{
    /// <summary>The member that means "none applies", written as <c>null</c>: <see cref="Control.SpecialCauseRule.None"/>
    /// (no rule labels the point). <see cref="Customers.SalienceGroup.None"/> and
    /// <see cref="Customers.TopsisNormalization.None"/> are settings (screen nobody out, do not normalise) and stay <c>"none"</c>.</summary>
    public static int? WrittenAsNull(Type enumType) =>
        enumType == typeof(Control.SpecialCauseRule) ? (int)Control.SpecialCauseRule.None : null;

    /// <summary>camelCase (<c>NotApplicable</c> → <c>notApplicable</c>, <c>Points0To100</c> → <c>points0To100</c>); a name
    /// without lower-case letters (<c>CMA7</c>) is kept as it is, the way its source spells it.</summary>
    public static string Name(string member) =>
        member.Any(char.IsLower) ? JsonNamingPolicy.CamelCase.ConvertName(member) : member;
}
