using System.Collections.Immutable;

namespace PatientCentric.Scoring;

/// <summary>Counts records excluded for breaking a rule, by reason code, in first-seen order (docs/measures.md#conventions, invalid records).</summary>
internal sealed class ExclusionTally
{
    private List<(string Code, string Rule, int Count)>? _items;   // created at the first exclusion: most tallies stay empty

    /// <summary>Gets the total number of excluded records.</summary>
    public int Total { get; private set; }

    /// <summary>Counts one excluded record.</summary>
    /// <param name="code">The kebab-case reason code.</param>
    /// <param name="rule">The rule, phrased to follow "Excluded: ", e.g. "the appointment starts before it was booked".</param>
    public void Add(string code, string rule)
    {
        Total++;
        _items ??= [];
        for (int i = 0; i < _items.Count; i++)
        {
            if (_items[i].Code == code)
            {
                _items[i] = (code, rule, _items[i].Count + 1);
                return;
            }
        }
        _items.Add((code, rule, 1));
    }

    /// <summary>Counts <paramref name="count"/> excluded records of one reason code at once.</summary>
    /// <param name="code">The kebab-case reason code.</param>
    /// <param name="rule">The rule, phrased to follow "Excluded: ".</param>
    /// <param name="count">How many records, at least 1.</param>
    public void Add(string code, string rule, int count)
    {
        System.Diagnostics.Debug.Assert(count > 0);
        Total += count;
        _items ??= [];
        for (int i = 0; i < _items.Count; i++)
        {
            if (_items[i].Code == code)
            {
                _items[i] = (code, rule, _items[i].Count + count);
                return;
            }
        }
        _items.Add((code, rule, count));
    }

    /// <summary>Returns one component per reason code.</summary>
    public IEnumerable<ScoreComponent> ToComponents() =>
        _items is null ? [] : _items.Select(Component);

    /// <summary>How many distinct reason codes the tally holds: the number of components <see cref="AddComponentsTo"/> adds.</summary>
    public int CodeCount => _items?.Count ?? 0;

    /// <summary>Adds <see cref="ToComponents"/> to <paramref name="components"/>, without an enumerator.</summary>
    /// <param name="components">The card's components.</param>
    public void AddComponentsTo(ImmutableArray<ScoreComponent>.Builder components)
    {
        if (_items is null)
            return;
        foreach (var item in _items)
            components.Add(Component(item));
    }

    private static ScoreComponent Component((string Code, string Rule, int Count) item) =>
        ScoreComponent.Exclusion(item.Code, item.Count, $"Excluded: {item.Rule}.");
}
