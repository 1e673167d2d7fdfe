namespace PatientCentric.Records;

// The stable hash that assigns a patient to a shard: 64-bit FNV-1a of the key's UTF-8 bytes, modulo the count, so a
// patient lands in the same shard on every machine, process and run (never string.GetHashCode, which differs between
// processes). Fowler, Noll and Vo's FNV-1a, with the 64-bit offset basis and prime of draft-eastlake-fnv. One source,
// compiled into the core (PracticeDataSet.SplitByPatient) and linked into the FHIR adapter (its NDJSON partitions).
internal static class StableHash
{
    public static int ShardOf(string key, int count)
    {
        ulong hash = 14695981039346656037UL;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(key))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return (int)(hash % (ulong)count);
    }
}
