using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Serialization;

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
        AddTo([this], shard, kind, context, null);
        return this;
    }

    /// <summary>Counts one shard's returns in the period, each in the counts of its return date's period bucket
    /// (<see cref="PeriodRouting.Of(DateOnly, ScoringContext, PeriodBuckets?)"/>).</summary>
    /// <param name="counts">One count per bucket (one without buckets).</param>
    /// <param name="shard">The shard, narrowed to the scope.</param>
    /// <param name="kind">The kind of item counted.</param>
    /// <param name="context">The whole period's context.</param>
    /// <param name="buckets">The period buckets, or <see langword="null"/> for the period as one.</param>
    public static void AddTo(SurveyCounts[] counts, PracticeDataSet shard, SurveyItemKind kind, ScoringContext context, PeriodBuckets? buckets)
    {
        ImmutableArray<SurveyItem> items = [.. SurveyAnswers.ItemsInScope(shard, kind, context)];
        foreach (var c in counts)
            c.SetItems(items);
        foreach (var item in items)
        {
            var perBucket = new int[counts.Length][];
            for (int b = 0; b < perBucket.Length; b++)
                perBucket[b] = new int[item.Categories.Length];
            var invalid = new int[counts.Length];
            foreach (var r in shard.SurveyReturns)
            {
                int b = PeriodRouting.Of(r.ReturnedOn, context, buckets);
                if (b < 0 || !r.Answers.TryGetValue(item.Key, out string? answer))
                    continue;
                int index = item.Categories.IndexOf(answer);
                if (index < 0)
                    invalid[b]++;
                else
                    perBucket[b][index]++;
            }
            for (int b = 0; b < counts.Length; b++)
                counts[b].Accumulate(item.Key, perBucket[b], invalid[b]);
        }
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

    /// <summary>Returns the counts as plain data, items in declared order (docs/scale.md#the-serialized-partial).</summary>
    public SurveyCountsState ToState() =>
        new(_hasItems, Items,
            [.. _counts.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => new SurveyItemCountsState(x.Key, [.. x.Value], _invalid.GetValueOrDefault(x.Key)))]);

    /// <summary>Rebuilds the counts from <see cref="ToState"/>'s data, refusing negative counts and counts that do not
    /// fit their item's categories.</summary>
    /// <param name="state">The counts.</param>
    /// <param name="path">The JSON path of <paramref name="state"/>, for errors.</param>
    public static SurveyCounts FromState(SurveyCountsState state, string path)
    {
        PartialFormat.Need(state, path);
        var result = new SurveyCounts();
        var items = PartialFormat.Need(state.Items, path + ".items");
        if (state.HasItems)
        {
            for (int i = 0; i < items.Length; i++)
                PartialFormat.Need(items[i], PartialFormat.At(path + ".items", i));
            result.SetItems(items);
        }
        else if (!items.IsEmpty)
        {
            throw PartialFormat.Field(path + ".items", "items are listed but hasItems is false.");
        }
        var counts = PartialFormat.Need(state.Counts, path + ".counts");
        for (int i = 0; i < counts.Length; i++)
        {
            string at = PartialFormat.At(path + ".counts", i);
            var c = PartialFormat.Need(counts[i], at);
            string key = PartialFormat.Need(c.Item, at + ".item");
            var perCategory = PartialFormat.Need(c.PerCategory, at + ".perCategory");
            var item = result.Items.FirstOrDefault(x => x.Key == key)
                ?? throw PartialFormat.Field(at + ".item", "counts for a survey item the accumulator's items do not list.");
            if (perCategory.Length != item.Categories.Length)
                throw PartialFormat.Field(at + ".perCategory", "the number of counts differs from the item's number of categories.");
            for (int k = 0; k < perCategory.Length; k++)
                PartialFormat.Count(perCategory[k], PartialFormat.At(at + ".perCategory", k));
            PartialFormat.Count(c.Invalid, at + ".invalid");
            if (result._counts.ContainsKey(key))
                throw PartialFormat.Field(at + ".item", "a survey item is listed twice.");
            result.Accumulate(key, [.. perCategory], c.Invalid);
        }
        return result;
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

// A SurveyCounts as plain data: whether a shard was added, the items in scope and each item's counts.
internal sealed record SurveyCountsState(bool HasItems, ImmutableArray<SurveyItem> Items, ImmutableArray<SurveyItemCountsState> Counts);

// One survey item's valid answers per category, in the item's order, and its answers that are not a category.
internal sealed record SurveyItemCountsState(string Item, ImmutableArray<int> PerCategory, int Invalid);
