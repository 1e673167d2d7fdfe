using System.Buffers;
using System.Numerics;

namespace PatientCentric.Control;

/// <summary>The Anhøj run-chart rules (docs/spc.md): values exactly on the centre line are dropped, then the longest run and
/// the number of crossings are compared with limits that depend only on the number of useful observations.</summary>
/// <remarks>Sources: Anhøj J, Olesen AV (2014), "Run Charts Revisited: A Simulation Study of Run Chart Rules for Detection of
/// Non-Random Variation in Health Care Processes", PLoS ONE 9(11): e113825; the table of limits for n = 10..100 as Anhøj
/// publishes it. The crossing limit is computed exactly: with integer binomial sums (<see cref="UInt128"/> up to n = 121,
/// <see cref="BigInteger"/> up to n = 10,000); above that a double-precision recurrence is used. Thread-safe.</remarks>
public static class RunsAnalysis
{
    /// <summary>The fewest useful observations for which limits are given (the published tables start at 10).</summary>
    public const int MinimumUsefulObservations = 10;

    /// <summary>The largest n whose crossing limit is computed with exact integer sums.</summary>
    internal const int ExactCrossingsLimitUpTo = 10_000;

    private const int StackValues = 256;

    /// <summary>Analyses <paramref name="values"/> against their median or mean.</summary>
    /// <param name="values">The series in time order, at least one value, all finite.</param>
    /// <param name="centreLine">Median (run chart, the default) or mean (I chart) of all the values.</param>
    /// <returns>The analysis.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is NaN or infinite, or <paramref name="centreLine"/> is not defined.</exception>
    public static RunsResult Analyze(ReadOnlySpan<double> values, RunsCentreLine centreLine = RunsCentreLine.Median)
    {
        if (values.IsEmpty)
            throw new ArgumentException("A runs analysis needs at least one value.", nameof(values));
        ValidateFinite(values);
        double centre = centreLine switch
        {
            RunsCentreLine.Median => Median(values),
            RunsCentreLine.Mean => Mean(values),
            _ => throw new ArgumentOutOfRangeException(nameof(centreLine), centreLine, "The centre line must be Median or Mean."),
        };
        return Analyze(values, centre);
    }

    /// <summary>Analyses <paramref name="values"/> against a fixed centre line, such as the median of an earlier stable period.</summary>
    /// <param name="values">The series in time order, all finite.</param>
    /// <param name="centre">The centre line, finite.</param>
    /// <returns>The analysis.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value or <paramref name="centre"/> is NaN or infinite.</exception>
    public static RunsResult Analyze(ReadOnlySpan<double> values, double centre)
    {
        if (!double.IsFinite(centre))
            throw new ArgumentOutOfRangeException(nameof(centre), centre, "The centre line must be a finite number.");
        int useful = 0, runs = 0, run = 0, longest = 0, side = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double y = values[i];
            if (!double.IsFinite(y))
                throw new ArgumentOutOfRangeException(nameof(values), $"values[{i}] must be a finite number.");
            int s = y > centre ? 1 : y < centre ? -1 : 0;
            if (s == 0)
                continue;   // on the centre line: dropped, neither counted nor breaking a run
            useful++;
            if (s == side)
            {
                run++;
            }
            else
            {
                side = s;
                run = 1;
                runs++;
            }
            if (run > longest)
                longest = run;
        }
        int crossings = Math.Max(0, runs - 1);
        if (useful < MinimumUsefulObservations)
            return new RunsResult(values.Length, useful, centre, longest, null, crossings, null, null);
        int longestMax = LongestRunLimit(useful), crossingsMin = CrossingsLimit(useful);
        return new RunsResult(values.Length, useful, centre, longest, longestMax, crossings, crossingsMin,
                              longest > longestMax || crossings < crossingsMin);
    }

    /// <summary>Returns the run limit <c>round(log₂ n + 3)</c>, computed with integers: <c>round(log₂ n) = k</c> exactly when
    /// <c>2^(2k−1) &lt; n² &lt; 2^(2k+1)</c> (never a tie for whole n).</summary>
    /// <param name="usefulObservations">n, at least 1.</param>
    /// <returns>The longest run that is not yet a signal.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="usefulObservations"/> is below 1.</exception>
    public static int LongestRunLimit(int usefulObservations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(usefulObservations, 1);
        int k = BitOperations.Log2((uint)usefulObservations);          // floor(log2 n)
        ulong square = (ulong)usefulObservations * (ulong)usefulObservations;
        if (square > (1UL << ((2 * k) + 1)))
            k++;
        return k + 3;
    }

    /// <summary>Returns the crossing limit <c>qbinom(0.05, n − 1, 0.5)</c>: the smallest k with <c>P(X ≤ k) ≥ 0.05</c> for
    /// <c>X ~ Bin(n − 1, ½)</c>, i.e. <c>20·Σ_{i≤k} C(n − 1, i) ≥ 2^(n − 1)</c>.</summary>
    /// <param name="usefulObservations">n, at least 1.</param>
    /// <returns>The fewest crossings that are not yet a signal.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="usefulObservations"/> is below 1.</exception>
    /// <remarks>Exact integer sums up to n = 10,000 (<see cref="UInt128"/> to n = 121, then <see cref="BigInteger"/>). Above that,
    /// the binomial terms are summed in double precision from a log-space recurrence, as R's own <c>qbinom</c> works in double
    /// precision; a test checks that it agrees with the exact sums where both are computed.</remarks>
    public static int CrossingsLimit(int usefulObservations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(usefulObservations, 1);
        int m = usefulObservations - 1;
        if (m <= 120)
            return CrossingsLimitUInt128(m);
        return usefulObservations <= ExactCrossingsLimitUpTo ? CrossingsLimitBigInteger(m) : CrossingsLimitDouble(m);
    }

    // 20·C(120, 60) < 2^128 and C(m, i)·(m − i) < 2^128 for m ≤ 120, so nothing overflows.
    private static int CrossingsLimitUInt128(int m)
    {
        UInt128 threshold = UInt128.One << m, term = 1, sum = 0;
        for (int k = 0; ; k++)
        {
            sum += term;
            if (20 * sum >= threshold)
                return k;
            term = term * (UInt128)(m - k) / (UInt128)(k + 1);
        }
    }

    internal static int CrossingsLimitBigInteger(int m)
    {
        BigInteger threshold = BigInteger.One << m, term = BigInteger.One, sum = BigInteger.Zero;
        for (int k = 0; ; k++)
        {
            sum += term;
            if (20 * sum >= threshold)
                return k;
            term = term * (m - k) / (k + 1);
        }
    }

    internal static int CrossingsLimitDouble(int m)
    {
        double logTerm = -m * Math.Log(2), cumulative = 0;
        for (int k = 0; ; k++)
        {
            if (logTerm > -746)                 // below, Exp underflows to exactly 0: skip the call
                cumulative += Math.Exp(logTerm);
            if (cumulative >= 0.05)
                return k;
            logTerm += Math.Log(m - k) - Math.Log(k + 1);
        }
    }

    private static void ValidateFinite(ReadOnlySpan<double> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
                throw new ArgumentOutOfRangeException(nameof(values), $"values[{i}] must be a finite number.");
        }
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double y in values)
            sum += y;
        double mean = sum / values.Length;
        if (double.IsFinite(mean))
            return mean;
        // The sum left the double range (values near ±1.8e308): the mean of the values divided by n first is finite.
        mean = 0;
        foreach (double y in values)
            mean += y / values.Length;
        return mean;
    }

    // docs/measures.md#conventions: the median of an even count is the mean of the two middle values.
    private static double Median(ReadOnlySpan<double> values)
    {
        double[]? rented = null;
        Span<double> sorted = values.Length <= StackValues ? stackalloc double[StackValues] : (rented = ArrayPool<double>.Shared.Rent(values.Length));
        try
        {
            sorted = sorted[..values.Length];
            values.CopyTo(sorted);
            sorted.Sort();
            int h = sorted.Length / 2;
            if (sorted.Length % 2 == 1)
                return sorted[h];
            double middle = (sorted[h - 1] + sorted[h]) / 2;
            return double.IsFinite(middle) ? middle : (sorted[h - 1] / 2) + (sorted[h] / 2);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<double>.Shared.Return(rented);
        }
    }
}
