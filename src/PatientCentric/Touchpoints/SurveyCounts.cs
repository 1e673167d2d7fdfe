using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Touchpoints;

/// <summary>The mergeable partial result of a survey scorer (docs/scale.md#the-accumulator-contract): the items of one
/// kind about the context's role (practice configuration, carried whole by every shard) and, per item, the valid
/// answers counted per category and the answers that are not a category.</summary>
internal sealed class SurveyCounts
{
    private readonly Dictionary<string, int[]> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _invalid = new(StringComparer.Ordinal);

    /// <summary>Gets the items in scope, in declared order; empty until a shard is added.</summary>
    public ImmutableArray<SurveyItem> Items { get; private set; } = [];

    private bool _hasItems;

    /// <summary>Gets the counts per category of <paramref name="item"/>, in the item's order.</summary>
    public int[] CountsOf(SurveyItem item) => _counts.TryGetValue(item.Key, out var c) ? [.. c] : new int[item.Categories.Length];

    /// <summary>Gets how many answers to <paramref name="item"/> were not one of its categories.</summary>
    public int InvalidOf(SurveyItem item) => _invalid.GetValueOrDefault(item.Key);

    /// <summary>Counts one shard's returns in the period.</summary>
    public SurveyCounts Add(PracticeDataSet shard, SurveyItemKind kind, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(shard);
        ArgumentNullException.ThrowIfNull(context);
        SetItems([.. SurveyAnswers.ItemsInScope(shard, kind, context)]);
        foreach (var item in Items)
        {
            var exclusions = new ExclusionTally();
            Accumulate(item.Key, SurveyAnswers.CountPerCategory(shard, item, context, exclusions), exclusions.Total);
        }
        return this;
    }

    /// <summary>Adds another shard's counts.</summary>
    public SurveyCounts Merge(SurveyCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._hasItems)
            SetItems(other.Items);
        foreach (var (key, counts) in other._counts)
            Accumulate(key, counts, other._invalid.GetValueOrDefault(key));
        return this;
    }

    private void Accumulate(string key, int[] counts, int invalid)
    {
        if (_counts.TryGetValue(key, out var mine))
        {
            for (int i = 0; i < mine.Length; i++)
                mine[i] += counts[i];
        }
        else
        {
            _counts[key] = [.. counts];
        }
        _invalid[key] = _invalid.GetValueOrDefault(key) + invalid;
    }

    // The items are practice configuration: every shard carries the same ones.
    private void SetItems(ImmutableArray<SurveyItem> items)
    {
        if (_hasItems && !SameItems(Items, items))
            throw new InvalidOperationException("The shards carry different survey items; every shard must carry the practice's own.");
        Items = items;
        _hasItems = true;
    }

    private static bool SameItems(ImmutableArray<SurveyItem> a, ImmutableArray<SurveyItem> b) =>
        a.Length == b.Length && a.Zip(b).All(p => p.First.Key == p.Second.Key && p.First.Text == p.Second.Text && p.First.Kind == p.Second.Kind
            && p.First.AboutRole == p.Second.AboutRole && p.First.Composite == p.Second.Composite && p.First.Categories.SequenceEqual(p.Second.Categories));
}
