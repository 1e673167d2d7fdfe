using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace PatientCentric.Fhir;

/// <summary>Short strings read from UTF-8 JSON, shared when the same text comes again: a per-thread, direct-mapped cache
/// (one string per slot, chosen by a hash of the bytes; a new text takes the slot over). Codes, dates, linkIds and answer
/// texts repeat across the lines of an export, so most of them are found instead of allocated. A string found is equal
/// (ordinal) to the one <see cref="Utf8JsonReader.GetString"/> would give, so the facts read are the same.</summary>
/// <remarks>Each slot keeps its text's full hash beside the string, so a text that is not the slot's is turned away
/// without reading the string (an object anywhere in the heap, most often not in the processor's cache): dates and other
/// texts that seldom repeat mostly miss.</remarks>
internal static class Utf8Strings
{
    private const int Slots = 4096;

    /// <summary>Longer values (ids, references, free text) are decoded as they come.</summary>
    private const int MaxBytes = 40;

    [ThreadStatic]
    private static Table? t_table;

    /// <summary>The string value of the token the reader is on (a <see cref="JsonTokenType.String"/>).</summary>
    /// <exception cref="InvalidOperationException">The value is not valid UTF-8.</exception>
    public static string Get(ref Utf8JsonReader r)
    {
        if (r.ValueIsEscaped || r.HasValueSequence || r.ValueSpan.Length > MaxBytes) return r.GetString()!;
        var bytes = r.ValueSpan;
        var table = t_table ??= new Table();
        uint hash = Hash(bytes);
        int i = (int)((hash ^ (hash >> 15)) & (Slots - 1));
        // Only ASCII text is ever found (Ascii.Equals is false for any other byte), so a hit needs no decoding at all.
        if (table.Hashes[i] == hash && table.Strings[i] is { } known && known.Length == bytes.Length && Ascii.Equals(bytes, known)) return known;
        var s = r.GetString()!;
        table.Strings[i] = s;
        table.Hashes[i] = hash;
        return s;
    }

    /// <summary>The string of unescaped, valid UTF-8 bytes (a JSON string's value as it stands in the text), as
    /// <see cref="Get(ref Utf8JsonReader)"/> gives it for the token holding them.</summary>
    public static string Get(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxBytes) return Encoding.UTF8.GetString(bytes);
        var table = t_table ??= new Table();
        uint hash = Hash(bytes);
        int i = (int)((hash ^ (hash >> 15)) & (Slots - 1));
        if (table.Hashes[i] == hash && table.Strings[i] is { } known && known.Length == bytes.Length && Ascii.Equals(bytes, known)) return known;
        var s = Encoding.UTF8.GetString(bytes);
        table.Strings[i] = s;
        table.Hashes[i] = hash;
        return s;
    }

    /// <summary>FNV-1a of the bytes.</summary>
    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        uint h = 2166136261;
        foreach (var b in bytes) h = (h ^ b) * 16777619;
        return h;
    }

    /// <summary>One thread's cache: the strings and, slot for slot, the full hash of each one's bytes.</summary>
    private sealed class Table
    {
        public readonly string?[] Strings = new string?[Slots];
        public readonly uint[] Hashes = new uint[Slots];
    }
}

/// <summary>A list of up to four values kept inline (in the caller's frame), more in a list: the arrays of a resource
/// (participants, references, statusHistory, codings) are short, so they are read without a builder and copied out once
/// into an exact-size array. A mutable struct: keep it in a local and never copy it.</summary>
internal struct SmallList<T>
{
    private T _a, _b, _c, _d;
    private List<T>? _more;
    private int _count;

    public void Add(T value)
    {
        switch (_count)
        {
            case 0: _a = value; break;
            case 1: _b = value; break;
            case 2: _c = value; break;
            case 3: _d = value; break;
            default: (_more ??= []).Add(value); break;
        }
        _count++;
    }

    /// <summary>The values in order, as an array of exactly their number (empty, never default, when none).</summary>
    public readonly ImmutableArray<T> ToImmutable()
    {
        if (_count == 0) return [];
        var array = new T[_count];
        array[0] = _a;
        if (_count > 1) array[1] = _b;
        if (_count > 2) array[2] = _c;
        if (_count > 3) array[3] = _d;
        _more?.CopyTo(array, 4);
        return ImmutableCollectionsMarshal.AsImmutableArray(array);
    }
}
