using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.InteropServices;

namespace PatientCentric.Value;

/// <summary>A single-pass, mergeable accumulator of the means and co-moments of k variables, from which Pearson
/// correlations are read (docs/key-drivers.md). Rows with a missing value (<see cref="double.NaN"/>) are deleted listwise and counted.</summary>
/// <remarks>
/// <para>Each complete row updates the running means and the co-moment matrix <c>Cᵢⱼ = Σ (xᵢ − x̄ᵢ)(xⱼ − x̄ⱼ)</c> by
/// Welford's method generalised to co-moments: <c>dᵢ = xᵢ − x̄ᵢ(old)</c>, <c>x̄ᵢ += dᵢ/n</c>,
/// <c>Cᵢⱼ += dᵢ·(xⱼ − x̄ⱼ(new))</c>. Shards merge exactly by Chan, Golub &amp; LeVeque's pairwise formula,
/// <c>C = C_a + C_b + δδᵀ·n_a·n_b/n</c> with <c>δ = x̄_b − x̄_a</c>, so the result does not depend on how rows are split.
/// Sources: Welford BP (1962), Technometrics 4(3):419–420; Chan TF, Golub GH, LeVeque RJ (1979), "Updating formulae and a
/// pairwise algorithm for computing sample variances", Stanford CS report STAN-CS-79-773; Math.NET Numerics <c>RunningStatistics</c>.</para>
/// <para>Cost per row: <c>k(k+1)/2</c> multiply-adds, vectorised with <see cref="Vector{T}"/>; nothing is allocated after construction.
/// Not thread-safe: give each thread its own accumulator and <see cref="Add(CorrelationAccumulator)"/> them at the end.</para>
/// </remarks>
public sealed class CorrelationAccumulator
{
    private readonly double[] _mean;
    private readonly double[] _comoment;   // k×k row-major; the upper triangle (j ≥ i) is maintained
    private readonly double[] _delta;
    private readonly double[] _after;

    /// <summary>Initializes an empty accumulator for <paramref name="variableCount"/> variables.</summary>
    /// <param name="variableCount">k, 1 to 4,096.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="variableCount"/> is outside 1..4096.</exception>
    public CorrelationAccumulator(int variableCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(variableCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(variableCount, 4096);
        VariableCount = variableCount;
        _mean = new double[variableCount];
        _comoment = new double[variableCount * variableCount];
        _delta = new double[variableCount];
        _after = new double[variableCount];
    }

    /// <summary>Gets k, the number of variables per row.</summary>
    public int VariableCount { get; }

    /// <summary>Gets n, the number of complete rows added.</summary>
    public long Count { get; private set; }

    /// <summary>Gets the number of rows deleted listwise because a value was missing (<see cref="double.NaN"/>).</summary>
    public long DeletedCount { get; private set; }

    /// <summary>Adds one row.</summary>
    /// <param name="row">k values; <see cref="double.NaN"/> marks a missing value and deletes the whole row (listwise).</param>
    /// <exception cref="ArgumentException"><paramref name="row"/> does not hold k values, or holds an infinite value.</exception>
    public void Add(ReadOnlySpan<double> row)
    {
        int k = VariableCount;
        if (row.Length != k)
            throw new ArgumentException($"A row must hold {k} values (one per variable) but holds {row.Length}.", nameof(row));
        bool missing = false;
        for (int i = 0; i < k; i++)
        {
            double x = row[i];
            if (double.IsNaN(x))
                missing = true;
            else if (double.IsInfinity(x))
                throw new ArgumentException($"Value {i} of the row is infinite; values must be finite, or NaN when missing.", nameof(row));
        }
        if (missing)
        {
            DeletedCount++;
            return;
        }
        long n = ++Count;
        Span<double> d = _delta, e = _after, mean = _mean;
        double inverse = 1.0 / n;
        for (int i = 0; i < k; i++)
        {
            double di = row[i] - mean[i];
            d[i] = di;
            mean[i] += di * inverse;
            e[i] = row[i] - mean[i];
        }
        Span<double> c = _comoment;
        for (int i = 0; i < k; i++)
        {
            double di = d[i];
            if (di == 0)
                continue;
            AddScaled(c.Slice((i * k) + i, k - i), e[i..], di);
        }
    }

    /// <summary>Adds rows stored one after another (row-major).</summary>
    /// <param name="rows">A multiple of k values.</param>
    /// <exception cref="ArgumentException">The length is not a multiple of k, or a value is infinite.</exception>
    public void AddRows(ReadOnlySpan<double> rows)
    {
        int k = VariableCount;
        if (rows.Length % k != 0)
            throw new ArgumentException($"Row-major data must hold a multiple of {k} values but holds {rows.Length}.", nameof(rows));
        for (int start = 0; start < rows.Length; start += k)
            Add(rows.Slice(start, k));
    }

    /// <summary>Merges another shard's rows into these (Chan, Golub &amp; LeVeque 1979).</summary>
    /// <param name="other">An accumulator with the same number of variables; it is not changed.</param>
    /// <exception cref="ArgumentException">The variable counts differ.</exception>
    public void Add(CorrelationAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        int k = VariableCount;
        if (other.VariableCount != k)
            throw new ArgumentException($"Only accumulators of the same width merge; this has {k} variables, the other {other.VariableCount}.", nameof(other));
        DeletedCount += other.DeletedCount;
        if (other.Count == 0)
            return;
        if (Count == 0)
        {
            Count = other.Count;
            other._mean.CopyTo(_mean, 0);
            other._comoment.CopyTo(_comoment, 0);
            return;
        }
        double na = Count, nb = other.Count, n = na + nb;
        Span<double> delta = _delta;
        for (int i = 0; i < k; i++)
            delta[i] = other._mean[i] - _mean[i];
        double factor = na * nb / n;
        for (int i = 0; i < k; i++)
        {
            for (int j = i; j < k; j++)
                _comoment[(i * k) + j] += other._comoment[(i * k) + j] + (delta[i] * delta[j] * factor);
            _mean[i] += delta[i] * nb / n;
        }
        Count += other.Count;
    }

    /// <summary>Gets the mean of variable <paramref name="index"/>; <see cref="double.NaN"/> when no row has been added.</summary>
    /// <param name="index">0 to k − 1.</param>
    /// <returns>The mean.</returns>
    public double Mean(int index) => Count == 0 ? double.NaN : _mean[index];

    /// <summary>Gets the sample variance (normaliser n − 1) of variable <paramref name="index"/>; <see cref="double.NaN"/> below 2 rows.</summary>
    /// <param name="index">0 to k − 1.</param>
    /// <returns>The variance.</returns>
    public double Variance(int index) => Count < 2 ? double.NaN : _comoment[(index * VariableCount) + index] / (Count - 1);

    /// <summary>Gets the Pearson correlation matrix of the complete rows, k×k row-major.</summary>
    /// <returns>The correlations; an entry is <see cref="double.NaN"/> when either variable has zero variance (the diagonal is
    /// then NaN too), so callers can drop constant variables.</returns>
    /// <exception cref="InvalidOperationException">A co-moment left the double range: values beyond about ±1e150 were added.
    /// Correlations do not depend on units, so rescale the variable (divide it by a power of ten) and add the rows again.</exception>
    public ImmutableArray<double> Correlations()
    {
        int k = VariableCount;
        if (_comoment.Any(c => !double.IsFinite(c)))
            throw new InvalidOperationException("A variable's values are too large (beyond about 1e150) for double-precision co-moments; rescale it (correlations do not depend on units).");
        var r = new double[k * k];
        for (int i = 0; i < k; i++)
        {
            double cii = _comoment[(i * k) + i];
            r[(i * k) + i] = cii > 0 ? 1.0 : double.NaN;
            for (int j = i + 1; j < k; j++)
            {
                double cjj = _comoment[(j * k) + j];
                double value = cii > 0 && cjj > 0 ? Math.Clamp(_comoment[(i * k) + j] / Math.Sqrt(cii) / Math.Sqrt(cjj), -1.0, 1.0) : double.NaN;
                r[(i * k) + j] = r[(j * k) + i] = value;
            }
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(r);
    }

    // target[j] += scale · source[j], Vector<double> lanes at a time.
    private static void AddScaled(Span<double> target, ReadOnlySpan<double> source, double scale)
    {
        int j = 0;
        if (Vector.IsHardwareAccelerated && target.Length >= Vector<double>.Count)
        {
            var s = new Vector<double>(scale);
            var t = MemoryMarshal.Cast<double, Vector<double>>(target);
            var x = MemoryMarshal.Cast<double, Vector<double>>(source[..target.Length]);
            for (int v = 0; v < t.Length; v++)
                t[v] += s * x[v];
            j = t.Length * Vector<double>.Count;
        }
        for (; j < target.Length; j++)
            target[j] += scale * source[j];
    }
}
