using System.Collections.Immutable;

namespace PatientCentric.Scoring;

/// <summary>Counts records excluded for breaking a rule, by reason code, in first-seen order (docs/measures.md#conventions, invalid records).</summary>
internal sealed class ExclusionTally
{
    private readonly List<(string Code, string Rule, int Count)> _items = [];

    /// <summary>Gets the total number of excluded records.</summary>
    public int Total { get; private set; }

    /// <summary>Counts one excluded record.</summary>
    /// <param name="code">The kebab-case reason code.</param>
    /// <param name="rule">The rule, phrased to follow "Excluded: ", e.g. "the appointment starts before it was booked".</param>
    public void Add(string code, string rule)
    {
        Total++;
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
        _items.Select(i => ScoreComponent.Exclusion(i.Code, i.Count, $"Excluded: {i.Rule}."));
}
