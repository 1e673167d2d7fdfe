using System.Buffers;
using System.Text;

namespace PatientCentric.Records;

// The stable hash that assigns a patient to a shard: 64-bit FNV-1a of the key's UTF-8 bytes, modulo the count, so a
// patient lands in the same shard on every machine, process and run (never string.GetHashCode, which differs between
// processes). Fowler, Noll and Vo's FNV-1a, with the 64-bit offset basis and prime of draft-eastlake-fnv. One source,
// compiled into the core (PracticeDataSet.SplitByPatient) and linked into the FHIR adapter (its NDJSON partitions, which
// hash an id's bytes straight from the line: Of(bytes) and ShardOf(hash, count)).
internal static class StableHash
{
    public static int ShardOf(string key, int count) => ShardOf(Of(key), count);

    /// <summary>The shard of a hash from <see cref="Of(ReadOnlySpan{byte})"/>.</summary>
    public static int ShardOf(ulong hash, int count) => (int)(hash % (ulong)count);

    /// <summary>The hash of a string's UTF-8 bytes (as Encoding.UTF8 encodes it: a lone surrogate as U+FFFD).</summary>
    public static ulong Of(string key)
    {
        int max = Encoding.UTF8.GetMaxByteCount(key.Length);
        byte[]? rented = max > 256 ? ArrayPool<byte>.Shared.Rent(max) : null;
        Span<byte> bytes = rented is null ? stackalloc byte[256] : rented;
        int n = Encoding.UTF8.GetBytes(key.AsSpan(), bytes);
        var hash = Of(bytes[..n]);
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        return hash;
    }

    /// <summary>FNV-1a (64-bit) of the bytes.</summary>
    public static ulong Of(ReadOnlySpan<byte> bytes)
    {
        ulong hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
