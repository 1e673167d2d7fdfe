using System.Collections.Immutable;
using PatientCentric.Serialization;

namespace PatientCentric.Touchpoints;

/// <summary>Whole-unit durations (minutes or days) from 0 to a fixed maximum, kept as counts per value, so exact order
/// statistics (median, Hyndman–Fan type 7 percentiles) come out of bounded memory however many events arrive.
/// A mergeable partial aggregate: adding shards' counts gives exactly the one-pass histogram.</summary>
/// <remarks>Memory: one <see cref="int"/> per possible value, fixed at construction. Not thread-safe: one per thread or
/// shard, then <see cref="Add(DurationHistogram)"/>.</remarks>
public sealed class DurationHistogram
{
    private readonly long[] _counts;

    /// <summary>Initializes an empty histogram for values 0 to <paramref name="maxValue"/>.</summary>
    /// <param name="maxValue">The largest value kept, 0 to 1,000,000 (for example 720 minutes for a 12-hour cap).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxValue"/> is outside 0..1,000,000.</exception>
    public DurationHistogram(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxValue, 1_000_000);
        _counts = new long[maxValue + 1];
    }

    /// <summary>Gets the largest value kept.</summary>
    public int MaxValue => _counts.Length - 1;

    /// <summary>Gets how many values were added.</summary>
    public long Count { get; private set; }

    /// <summary>Adds one value.</summary>
    /// <param name="value">0 to <see cref="MaxValue"/>; callers exclude and count values outside that range first.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is outside 0..<see cref="MaxValue"/>.</exception>
    public void Add(int value)
    {
        if ((uint)value >= (uint)_counts.Length)
            throw new ArgumentOutOfRangeException(nameof(value), value, $"The value must be from 0 to {MaxValue} inclusive.");
        _counts[value]++;
        Count++;
    }

    /// <summary>Adds another histogram's counts (same <see cref="MaxValue"/>).</summary>
    /// <param name="other">Another shard.</param>
    /// <exception cref="ArgumentException">The maxima differ.</exception>
    public void Add(DurationHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._counts.Length != _counts.Length)
            throw new ArgumentException("Only histograms with the same maximum can be merged.", nameof(other));
        for (int i = 0; i < _counts.Length; i++)
            _counts[i] += other._counts[i];
        Count += other.Count;
    }

    /// <summary>Returns the counts per value, 0 to <see cref="MaxValue"/>.</summary>
    /// <returns>A copy of the counts.</returns>
    public ImmutableArray<long> ToCounts() => [.. _counts];

    // The histogram as plain data: the largest value kept and the count per value (docs/scale.md#the-serialized-partial).
    internal DurationHistogramState ToState() => new(MaxValue, [.. _counts]);

    // Rebuilds a histogram from ToState's data, refusing a maximum out of range, a count per value that is negative and
    // a list that does not hold one count per value; the total is the sum, so it cannot disagree with the counts.
    internal static DurationHistogram FromState(DurationHistogramState state, string path)
    {
        PartialFormat.Need(state, path);
        if (state.MaxValue is < 0 or > 1_000_000)
            throw PartialFormat.Field(path + ".maxValue", "the largest value kept must be from 0 to 1,000,000.");
        var counts = PartialFormat.Need(state.Counts, path + ".counts");
        if (counts.Length != state.MaxValue + 1)
            throw PartialFormat.Field(path + ".counts", "a histogram holds one count per value, from 0 to its largest value.");
        var histogram = new DurationHistogram(state.MaxValue);
        for (int i = 0; i < counts.Length; i++)
        {
            histogram._counts[i] = PartialFormat.Count(counts[i], PartialFormat.At(path + ".counts", i));
            histogram.Count = checked(histogram.Count + counts[i]);
        }
        return histogram;
    }

    /// <summary>Returns the Hyndman–Fan type 7 quantile: with the values sorted, <c>h = (n − 1)·p</c> and linear
    /// interpolation between the order statistics at ⌊h⌋ and ⌊h⌋ + 1 (R's default; docs/measures.md#conventions). Exact.</summary>
    /// <param name="p">The probability, 0 to 1.</param>
    /// <returns>The quantile, or <see langword="null"/> when the histogram is empty.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is outside 0..1.</exception>
    public double? Quantile(double p)
    {
        if (!(p is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(p), p, "The probability must be from 0 to 1 inclusive.");
        if (Count == 0)
            return null;
        double h = (Count - 1) * p;
        long lo = (long)Math.Floor(h);
        int a = OrderStatistic(lo), b = lo + 1 < Count ? OrderStatistic(lo + 1) : a;
        return a + ((h - lo) * (b - a));
    }

    /// <summary>Returns the median (the mean of the two middle values for an even count), or <see langword="null"/> when empty.</summary>
    /// <returns>The median.</returns>
    public double? Median() => Quantile(0.5);

    // The value at 0-based rank k of the sorted values.
    private int OrderStatistic(long k)
    {
        long seen = 0;
        for (int v = 0; v < _counts.Length; v++)
        {
            seen += _counts[v];
            if (seen > k)
                return v;
        }
        return MaxValue;
    }
}

// A DurationHistogram as plain data: the largest value kept and the count per value from 0.
internal sealed record DurationHistogramState(int MaxValue, ImmutableArray<long> Counts);
