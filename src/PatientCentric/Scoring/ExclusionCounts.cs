namespace PatientCentric.Scoring;

/// <summary>A mergeable tally of records excluded for breaking a rule: per reason code, the count and the earliest
/// record (instant, then identifier, ordinal), whose rule text the code is shown with. Codes are listed by their earliest record, so the list does not depend
/// on how records were split into shards or in which order shards were merged; on records in time order it is the
/// first-seen order of <see cref="ExclusionTally"/> (docs/measures.md#conventions, invalid records).</summary>
/// <remarks>Plain data: codes, rules, counts and one (instant, identifier) pair per code. Not thread-safe.</remarks>
internal sealed class ExclusionCounts
{
    private readonly Dictionary<string, (string Rule, int Count, DateTimeOffset At, string Id)> _items = new(StringComparer.Ordinal);

    /// <summary>Gets the total number of excluded records.</summary>
    public int Total { get; private set; }

    /// <summary>Counts one excluded record.</summary>
    /// <param name="code">The kebab-case reason code.</param>
    /// <param name="rule">The rule, phrased to follow "Excluded: ".</param>
    /// <param name="at">The record's ordering instant (for an appointment, its start).</param>
    /// <param name="id">The record's identifier within the data set, to order records at the same instant.</param>
    public void Add(string code, string rule, DateTimeOffset at, string id)
    {
        Total++;
        _items[code] = _items.TryGetValue(code, out var item)
            ? Earlier(item.At, item.Id, at, id) ? (item.Rule, item.Count + 1, item.At, item.Id) : (rule, item.Count + 1, at, id)
            : (rule, 1, at, id);
    }

    /// <summary>Adds <paramref name="other"/>'s counts (another shard's).</summary>
    /// <param name="other">The other tally; read, never kept.</param>
    public void Merge(ExclusionCounts other)
    {
        foreach (var (code, o) in other._items)
        {
            _items[code] = _items.TryGetValue(code, out var item)
                ? Earlier(item.At, item.Id, o.At, o.Id) ? (item.Rule, item.Count + o.Count, item.At, item.Id) : (o.Rule, item.Count + o.Count, o.At, o.Id)
                : o;
        }
        Total += other.Total;
    }

    /// <summary>Returns the tally in canonical order, to build cards with.</summary>
    public ExclusionTally ToTally()
    {
        var tally = new ExclusionTally();
        foreach (var (code, item) in _items.OrderBy(x => x.Value.At).ThenBy(x => x.Value.Id, StringComparer.Ordinal).ThenBy(x => x.Key, StringComparer.Ordinal))
            tally.Add(code, item.Rule, item.Count);
        return tally;
    }

    // Whether (a, aId) comes before (b, bId): by instant, then identifier (ordinal).
    private static bool Earlier(DateTimeOffset a, string aId, DateTimeOffset b, string bId) =>
        a != b ? a < b : string.CompareOrdinal(aId, bId) <= 0;
}
