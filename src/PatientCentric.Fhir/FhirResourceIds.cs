using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PatientCentric.Fhir;

/// <summary>Hands out the resource ids of one <see cref="FhirMeasureReportWriter.Build"/> output: valid FHIR ids
/// (<c>[A-Za-z0-9\-\.]{1,64}</c>), unique within the output, and the same for the same evaluation on every run (no
/// clock, no random numbers).</summary>
/// <remarks>
/// <para>A hashed id is a readable prefix (characters outside the id alphabet become <c>-</c>, cut to fit), <c>-</c>, and the
/// first 16 hex digits of SHA-256 over the exact, length-prefixed parts that identify the resource. The hash, not the
/// prefix, makes it unique; if an id is ever taken already (a repeated card, or a 64-bit collision), the parts get an
/// occurrence number and are hashed again, so the outcome depends only on the evaluation.</para>
/// <para>Not thread-safe: one instance per build.</para>
/// </remarks>
internal sealed class FhirResourceIds
{
    /// <summary>The longest FHIR id.</summary>
    internal const int MaxLength = 64;

    private const int HashHexDigits = 16;

    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    /// <summary>Claims <paramref name="exact"/> when it is a valid id that is still free; otherwise claims
    /// <see cref="Hashed"/> of <paramref name="readable"/> and <paramref name="parts"/>.</summary>
    /// <param name="exact">The preferred id, or <see langword="null"/> to always hash.</param>
    /// <param name="readable">The text the hashed id's prefix is made from.</param>
    /// <param name="parts">What identifies the resource exactly.</param>
    /// <returns>The id, now taken.</returns>
    internal string Claim(string? exact, string readable, params string[] parts)
    {
        if (exact is not null && IsValid(exact) && _taken.Add(exact))
            return exact;
        for (int occurrence = 1; ; occurrence++)
        {
            string id = Hashed(readable, occurrence == 1 ? parts : [.. parts, occurrence.ToString(CultureInfo.InvariantCulture)]);
            if (_taken.Add(id))
                return id;
        }
    }

    /// <summary>Returns whether <paramref name="id"/> matches <c>[A-Za-z0-9\-\.]{1,64}</c>.</summary>
    /// <param name="id">A candidate id.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    internal static bool IsValid(string id) =>
        id.Length is > 0 and <= MaxLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');

    /// <summary>Maps <paramref name="text"/> into the id alphabet (other characters become <c>-</c>), without cutting it.</summary>
    /// <param name="text">Any text.</param>
    /// <returns>The mapped text, as long as <paramref name="text"/>.</returns>
    internal static string Sanitize(string text) =>
        string.Create(text.Length, text, static (span, t) =>
        {
            for (int i = 0; i < t.Length; i++)
                span[i] = SanitizedChar(t[i]);
        });

    /// <summary>Builds <c>{prefix}-{16 hex digits}</c>: the prefix is <paramref name="readable"/> sanitised and cut to leave
    /// room for the hash (trailing <c>-</c> and <c>.</c> removed; no prefix when nothing is left); the hex digits are the
    /// first 8 bytes of SHA-256 over <paramref name="parts"/>, each written as its length, <c>':'</c> and its UTF-8 text.</summary>
    /// <param name="readable">The text of the prefix.</param>
    /// <param name="parts">What identifies the resource exactly.</param>
    /// <returns>A valid FHIR id of at most 64 characters.</returns>
    internal static string Hashed(string readable, params string[] parts)
    {
        // The identity is encoded part by part into one buffer (on the stack when small): a part's text is always
        // followed by a length's digits, so no surrogate pair spans two parts and the bytes are those of the whole
        // identity string encoded at once.
        int maxBytes = 0;
        foreach (var part in parts)
            maxBytes += 11 + 1 + Encoding.UTF8.GetMaxByteCount(part.Length);
        byte[]? rented = null;
        Span<byte> identity = maxBytes <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        int length = 0;
        foreach (var part in parts)
        {
            part.Length.TryFormat(identity[length..], out int digits, default, CultureInfo.InvariantCulture);
            length += digits;
            identity[length++] = (byte)':';
            length += Encoding.UTF8.GetBytes(part, identity[length..]);
        }
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(identity[..length], digest);
        if (rented is not null)
            ArrayPool<byte>.Shared.Return(rented);

        // The prefix: readable sanitised, cut to leave room for the hash, without trailing '-' or '.'.
        int prefixLength = Math.Min(readable.Length, MaxLength - 1 - HashHexDigits);
        while (prefixLength > 0 && SanitizedChar(readable[prefixLength - 1]) is '-' or '.')
            prefixLength--;
        int total = prefixLength == 0 ? HashHexDigits : prefixLength + 1 + HashHexDigits;
        Span<char> id = stackalloc char[MaxLength];
        for (int i = 0; i < prefixLength; i++)
            id[i] = SanitizedChar(readable[i]);
        int at = prefixLength;
        if (prefixLength > 0)
            id[at++] = '-';
        for (int i = 0; i < HashHexDigits / 2; i++)
        {
            id[at++] = HexDigit(digest[i] >> 4);
            id[at++] = HexDigit(digest[i] & 0xF);
        }
        return new string(id[..total]);
    }

    private static char SanitizedChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '-';

    private static char HexDigit(int nibble) => (char)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
}
