using System.Collections.Immutable;
using System.Diagnostics;
using PatientCentric.Serialization;

namespace PatientCentric.Scoring;

/// <summary>An exact multiset of durations: the distinct values in ascending order, each with how many times it occurs
/// (run-length), plus an unsorted buffer of recent additions that is compacted (sorted, then merged into the runs) when it
/// outgrows the runs and before anything reads them. Memory grows with the number of distinct values, not with the number
/// of events: durations come from timestamps at minute or second resolution, so they repeat. Order statistics and the
/// ascending sum are computed from the runs and equal, bit for bit, the same computation on the expanded sorted list
/// (docs/scale.md#the-serialized-partial, docs/measures.md#conventions). The population cards keep the patients' own
/// values of each job measure in one too (rates, which repeat as much: docs/scale.md#population-cards).</summary>
/// <remarks>Values must be finite; negative zero is counted as zero (it compares equal to zero, so a sorted list does not
/// order the two, and no duration scorer produces it). Merging two multisets is a linear merge of their runs. Reading
/// (<see cref="Count"/> aside) compacts the buffer, so even reads change the internal layout: not thread-safe.</remarks>
internal sealed class DurationValues
{
    // The buffer is compacted once it holds this many values or as many as there are runs, whichever is more: the sort and
    // merge then cost O(log b) per value amortised, and memory stays within a small multiple of the distinct values.
    private const int MinimumBuffer = 256;

    private double[] _values = [];   // distinct, ascending, in [0, _runs)
    private int[] _counts = [];      // each ≥ 1, in [0, _runs)
    private int _runs;
    private double[] _buffer = [];   // unsorted, in [0, _buffered)
    private int _buffered;

    /// <summary>Gets how many values the multiset holds, duplicates included.</summary>
    public int Count { get; private set; }

    /// <summary>Gets how many distinct values the multiset holds.</summary>
    public int DistinctCount
    {
        get
        {
            Compact();
            return _runs;
        }
    }

    /// <summary>Adds one value.</summary>
    /// <param name="value">A finite value; negative zero is counted as zero.</param>
    public void Add(double value)
    {
        Debug.Assert(double.IsFinite(value));
        if (_buffered == _buffer.Length)
        {
            if (_buffered >= Math.Max(MinimumBuffer, _runs))
                Compact();
            else
                Array.Resize(ref _buffer, Math.Max(16, Math.Min(2 * _buffer.Length, Math.Max(MinimumBuffer, _runs))));
        }
        _buffer[_buffered++] = value == 0 ? 0.0 : value;
        Count = checked(Count + 1);
    }

    /// <summary>Adds <paramref name="count"/> copies of one value.</summary>
    /// <param name="value">A finite value; negative zero is counted as zero.</param>
    /// <param name="count">How many copies; at least 1.</param>
    public void Add(double value, int count)
    {
        Debug.Assert(double.IsFinite(value) && count >= 1);
        Compact();
        MergeRuns([value == 0 ? 0.0 : value], [count], 1);
        Count = checked(Count + count);
    }

    /// <summary>Adds every value of <paramref name="other"/> (another shard's or period bucket's); a linear merge of the runs.</summary>
    /// <param name="other">The other multiset; compacted, read, never kept.</param>
    public void Merge(DurationValues other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(this, other))
            throw new ArgumentException("A multiset cannot be merged into itself.", nameof(other));
        other.Compact();
        Compact();
        MergeRuns(other._values, other._counts, other._runs);
        Count = checked(Count + other.Count);
    }

    /// <summary>The value at a 0-based rank of the expanded ascending list.</summary>
    /// <param name="index">From 0 to <see cref="Count"/> − 1.</param>
    /// <returns>The value.</returns>
    public double At(int index)
    {
        Debug.Assert(index >= 0 && index < Count);
        Compact();
        long seen = 0;
        for (int i = 0; i < _runs; i++)
        {
            seen += _counts[i];
            if (index < seen)
                return _values[i];
        }
        throw new ArgumentOutOfRangeException(nameof(index));
    }

    /// <summary>The median, exactly as <see cref="Quantiles.Median"/> gives it on the expanded sorted list.</summary>
    /// <returns>The median; the multiset must not be empty.</returns>
    public double Median()
    {
        Debug.Assert(Count > 0);
        int mid = Count / 2;
        return Count % 2 == 1 ? At(mid) : (At(mid - 1) + At(mid)) / 2.0;
    }

    /// <summary>The Hyndman–Fan type 7 quantile, exactly as <see cref="Quantiles.HyndmanFanType7"/> gives it on the expanded sorted list.</summary>
    /// <param name="p">The probability, 0 to 1 inclusive.</param>
    /// <returns>The quantile; the multiset must not be empty.</returns>
    public double HyndmanFanType7(double p)
    {
        Debug.Assert(Count > 0);
        Debug.Assert(p is >= 0 and <= 1);
        double h = (Count - 1) * p;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, Count - 1);
        double low = At(lo);
        return low + ((h - lo) * (At(hi) - low));
    }

    /// <summary>The mean, summed in ascending order, one value at a time, then divided by the count: the same additions,
    /// in the same order, as <c>Enumerable.Average</c> over the expanded sorted list.</summary>
    /// <returns>The mean; the multiset must not be empty.</returns>
    public double MeanAscending()
    {
        Debug.Assert(Count > 0);
        Compact();
        double sum = 0;
        for (int i = 0; i < _runs; i++)
        {
            double v = _values[i];
            for (int c = _counts[i]; c > 0; c--)
                sum += v;
        }
        return sum / Count;
    }

    /// <summary>The expanded ascending list (for tests and small inputs).</summary>
    /// <returns>Every value, duplicates repeated, ascending.</returns>
    public double[] ToSortedArray()
    {
        Compact();
        var all = new double[Count];
        int k = 0;
        for (int i = 0; i < _runs; k += _counts[i], i++)
            all.AsSpan(k, _counts[i]).Fill(_values[i]);
        return all;
    }

    /// <summary>Returns the multiset as plain data: one <c>[value, count]</c> pair per distinct value, ascending
    /// (docs/scale.md#the-serialized-partial).</summary>
    public ImmutableArray<ImmutableArray<double>> ToState()
    {
        Compact();
        var runs = ImmutableArray.CreateBuilder<ImmutableArray<double>>(_runs);
        for (int i = 0; i < _runs; i++)
            runs.Add([_values[i], _counts[i]]);
        return runs.MoveToImmutable();
    }

    /// <summary>Rebuilds a multiset from <see cref="ToState"/>'s data, refusing (code PC0123, with the JSON path) a pair
    /// that is not two numbers, a value that is not finite, a count that is not a whole number from 1 to 2,147,483,647, and
    /// values that are not strictly ascending (unsorted or repeated).</summary>
    /// <param name="state">The pairs.</param>
    /// <param name="path">The JSON path of <paramref name="state"/>, for errors.</param>
    /// <returns>The multiset.</returns>
    public static DurationValues FromState(ImmutableArray<ImmutableArray<double>> state, string path)
    {
        PartialFormat.Need(state, path);
        var values = new double[state.Length];
        var counts = new int[state.Length];
        long total = 0;
        for (int i = 0; i < state.Length; i++)
        {
            string at = PartialFormat.At(path, i);
            var pair = state[i];
            if (pair.IsDefault || pair.Length != 2)
                throw PartialFormat.Field(at, "must be a [value, count] pair.");
            double v = PartialFormat.Finite(pair[0], PartialFormat.At(at, 0));
            double c = pair[1];
            if (!(c >= 1 && c <= int.MaxValue && Math.Floor(c) == c))
                throw PartialFormat.Field(PartialFormat.At(at, 1), "a count must be a whole number from 1 to 2147483647.");
            v = v == 0 ? 0.0 : v;
            if (i > 0 && !(v > values[i - 1]))
                throw PartialFormat.Field(PartialFormat.At(at, 0), "values must be strictly ascending: each distinct value once, with its count.");
            values[i] = v;
            counts[i] = (int)c;
            total += (int)c;
            if (total > int.MaxValue)
                throw PartialFormat.Field(path, "the counts add up to more than 2147483647.");
        }
        return new DurationValues { _values = values, _counts = counts, _runs = state.Length, Count = (int)total };
    }

    // Sorts the buffer and merges it into the runs.
    private void Compact()
    {
        if (_buffered == 0)
            return;
        var buffer = _buffer.AsSpan(0, _buffered);
        buffer.Sort();
        // Run-length encode the sorted buffer in place; the counts go to a scratch array.
        var counts = new int[_buffered];
        int runs = 0;
        for (int i = 0; i < buffer.Length; i++)
        {
            if (runs > 0 && buffer[runs - 1] == buffer[i])
            {
                counts[runs - 1]++;
                continue;
            }
            buffer[runs] = buffer[i];
            counts[runs++] = 1;
        }
        _buffered = 0;
        MergeRuns(_buffer, counts, runs);   // Count already holds the buffer's values
    }

    // Merges sorted runs into this multiset's runs (whose buffer is empty): counts the distinct values of the union, grows
    // the arrays if needed, then merges from the back, so the unread runs are never overwritten. Leaves Count to the caller.
    private void MergeRuns(double[] values, int[] counts, int runs)
    {
        Debug.Assert(_buffered == 0);
        if (runs == 0)
            return;
        int distinct = 0;
        for (int i = 0, j = 0; i < _runs || j < runs; distinct++)
        {
            if (j == runs || (i < _runs && _values[i] < values[j])) i++;
            else if (i == _runs || values[j] < _values[i]) j++;
            else { i++; j++; }
        }
        if (_values.Length < distinct)
        {
            int capacity = Math.Max(distinct, Math.Min(Array.MaxLength, 2 * _values.Length));
            Array.Resize(ref _values, capacity);
            Array.Resize(ref _counts, capacity);
        }
        int a = _runs - 1, b = runs - 1, k = distinct - 1;
        while (b >= 0)
        {
            if (a >= 0 && _values[a] > values[b])
            {
                (_values[k], _counts[k]) = (_values[a], _counts[a]);
                a--;
            }
            else if (a >= 0 && _values[a] == values[b])
            {
                (_values[k], _counts[k]) = (_values[a], checked(_counts[a] + counts[b]));
                a--;
                b--;
            }
            else
            {
                (_values[k], _counts[k]) = (values[b], counts[b]);
                b--;
            }
            k--;
        }
        Debug.Assert(k == a);   // the runs left below k are this multiset's own, already in place
        _runs = distinct;
    }
}
