using FsCheck.Xunit;
using PatientCentric.Scoring;

namespace PatientCentric.Tests.Scoring;

/// <summary>The exact multiset of durations: whatever the shards and the merge order, its count, median, type 7
/// percentiles and mean are, bit for bit, what the list-based computation gives on the same values (sort the list, then
/// <see cref="Quantiles"/> and <c>Average</c>), and it keeps one run per distinct value.</summary>
public sealed class DurationValuesTests
{
    // Durations as the scorers make them: whole days, whole and fractional minutes (seconds / 60), business hours.
    private static readonly double[] Typical = [0, 1, 2, 3, 7, 14, 30, 0.5, 1.0 / 3, 2.0 / 3, 12.25, 59.983333333333334, 719.9833333333333, 1e-9, 123456.789];

    private static readonly double[] Probabilities = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 1];

    [Property(MaxTest = 300)]
    public bool Statistics_EqualTheSortedListComputation_BitForBit_ForAnyShardsAndMergeOrder(double[] extra, int size, int seed)
    {
        var rng = new Random(seed);
        // A pool of distinct values (the typical ones and arbitrary finite doubles), drawn from with replacement: many duplicates.
        var pool = Typical.Concat((extra ?? []).Where(double.IsFinite).Select(v => v == 0 ? 0.0 : v)).ToArray();
        int n = (int)((uint)size % 3000);
        var values = new double[n];
        for (int i = 0; i < n; i++)
            values[i] = pool[rng.Next(pool.Length)];
        var merged = SplitAndMerge(values, rng);

        var list = new List<double>(values);   // what the accumulators kept before: every value, sorted at finish
        list.Sort();
        if (merged.Count != list.Count || merged.DistinctCount != list.Distinct().Count())
            return false;
        if (n == 0)
            return true;
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list);
        if (!Same(merged.Median(), Quantiles.Median(span)) || !Same(merged.MeanAscending(), list.Average()))
            return false;
        foreach (double p in Probabilities.Append(rng.NextDouble()))
        {
            if (!Same(merged.HyndmanFanType7(p), Quantiles.HyndmanFanType7(span, p)))
                return false;
        }
        return merged.ToSortedArray().Select(BitConverter.DoubleToInt64Bits).SequenceEqual(list.Select(BitConverter.DoubleToInt64Bits));
    }

    [Property(MaxTest = 100)]
    public bool State_RoundTrips_ToTheSameMultiset(int size, int seed)
    {
        var rng = new Random(seed);
        int n = (int)((uint)size % 2000);
        var values = new DurationValues();
        for (int i = 0; i < n; i++)
            values.Add(Typical[rng.Next(Typical.Length)] + rng.Next(5));
        var back = DurationValues.FromState(values.ToState(), "$");
        return back.Count == values.Count
               && back.ToSortedArray().Select(BitConverter.DoubleToInt64Bits).SequenceEqual(values.ToSortedArray().Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void Memory_IsOneRunPerDistinctValue_NotOnePerEvent()
    {
        var values = new DurationValues();
        for (int i = 0; i < 72_000; i++)
            values.Add(i % 720);   // a year of waits at minute resolution under a 12-hour cap
        Assert.Equal((72_000, 720), (values.Count, values.DistinctCount));
        Assert.Equal(720, values.ToState().Length);
        Assert.Equal(359.5, values.Median());
    }

    [Fact]
    public void NegativeZero_IsCountedAsZero()
    {
        var values = new DurationValues();
        values.Add(-0.0);
        values.Add(0.0);
        Assert.Equal(1, values.DistinctCount);
        Assert.Equal(BitConverter.DoubleToInt64Bits(0.0), BitConverter.DoubleToInt64Bits(values.Median()));
    }

    [Fact]
    public void Merge_KeepsTheOtherMultisetUnchanged_AndRefusesItself()
    {
        var a = new DurationValues();
        var b = new DurationValues();
        foreach (double v in new[] { 5.0, 1, 5 }) a.Add(v);
        foreach (double v in new[] { 1.0, 2, 9 }) b.Add(v);
        a.Merge(b);
        Assert.Equal([1.0, 1, 2, 5, 5, 9], a.ToSortedArray());
        Assert.Equal([1.0, 2, 9], b.ToSortedArray());
        Assert.Throws<ArgumentException>(() => a.Merge(a));
    }

    // Adds the values to 1 to 6 shards at random, then merges random pairs until one is left: every grouping and order.
    private static DurationValues SplitAndMerge(double[] values, Random rng)
    {
        var shards = new List<DurationValues>();
        for (int i = rng.Next(1, 7); i > 0; i--)
            shards.Add(new DurationValues());
        foreach (double v in values)
            shards[rng.Next(shards.Count)].Add(v);
        while (shards.Count > 1)
        {
            int i = rng.Next(shards.Count);
            var left = shards[i];
            shards.RemoveAt(i);
            int j = rng.Next(shards.Count);
            if (rng.Next(2) == 0)
                shards[j].Merge(left);
            else
            {
                left.Merge(shards[j]);
                shards[j] = left;
            }
        }
        return shards[0];
    }

    private static bool Same(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);
}
