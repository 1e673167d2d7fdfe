using System.Collections.Immutable;
using PatientCentric.Serialization;

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

    /// <summary>Returns the tally as plain data, in ordinal order of code (docs/scale.md#the-serialized-partial).</summary>
    public ImmutableArray<ExclusionCountState> ToState() =>
        [.. _items.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => new ExclusionCountState(x.Key, x.Value.Rule, x.Value.Count, x.Value.At, x.Value.Id))];

    /// <summary>Rebuilds a tally from <see cref="ToState"/>'s data, refusing what no tally holds.</summary>
    /// <param name="state">The codes.</param>
    /// <param name="path">The JSON path of <paramref name="state"/>, for errors.</param>
    public static ExclusionCounts FromState(ImmutableArray<ExclusionCountState> state, string path)
    {
        var counts = new ExclusionCounts();
        state = PartialFormat.Need(state, path);
        for (int i = 0; i < state.Length; i++)
        {
            string at = PartialFormat.At(path, i);
            var x = PartialFormat.Need(state[i], at);
            string code = PartialFormat.Need(x.Code, at + ".code");
            if (x.Count < 1)
                throw PartialFormat.Field(at + ".count", "an exclusion count must be 1 or more.");
            if (!counts._items.TryAdd(code, (PartialFormat.Need(x.Rule, at + ".rule"), x.Count, x.At, PartialFormat.Need(x.Id, at + ".id"))))
                throw PartialFormat.Field(at + ".code", "a reason code is listed twice.");
            counts.Total = checked(counts.Total + x.Count);
        }
        return counts;
    }

    // Whether (a, aId) comes before (b, bId): by instant, then identifier (ordinal).
    private static bool Earlier(DateTimeOffset a, string aId, DateTimeOffset b, string bId) =>
        a != b ? a < b : string.CompareOrdinal(aId, bId) <= 0;
}

// One reason code of an ExclusionCounts as plain data: the rule, the count and the earliest record's instant and identifier.
internal sealed record ExclusionCountState(string Code, string Rule, int Count, DateTimeOffset At, string Id);
