using System.Collections.Immutable;

namespace PatientCentric.Jobs;

/// <summary>A population's PDC results as a mergeable partial aggregate (docs/jobs.md#proportion-of-days-covered-exactly-as-pqa-defines-it, step 10): patients with a PDC, in
/// the denominator, adherent, and the PDC distribution of denominator patients in 5-point bins. All counts are integers,
/// so adding shards in any order gives exactly the one-pass result.</summary>
/// <remarks>Not thread-safe: give each thread or shard its own and <see cref="Add(PdcPopulation)"/> them at the end.</remarks>
public sealed class PdcPopulation
{
    /// <summary>The number of distribution bins: 20, each 5 PDC points wide (the last includes 1.0).</summary>
    public const int BinCount = 20;

    private readonly int[] _bins = new int[BinCount];

    /// <summary>Initializes an empty population for adherence threshold <paramref name="adherenceThreshold"/>.</summary>
    /// <param name="adherenceThreshold">θ, 0 to 1; adherent when <c>round(PDC, 4) ≥ θ</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="adherenceThreshold"/> is outside 0..1.</exception>
    public PdcPopulation(double adherenceThreshold = 0.80)
    {
        if (!(adherenceThreshold is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(adherenceThreshold), adherenceThreshold, "The adherence threshold must be from 0 to 1 inclusive.");
        AdherenceThreshold = adherenceThreshold;
    }

    /// <summary>Gets θ.</summary>
    public double AdherenceThreshold { get; }

    /// <summary>Gets the patients with a computable PDC (a fill in the period).</summary>
    public int WithPdc { get; private set; }

    /// <summary>Gets the patients in the measure's denominator.</summary>
    public int InDenominator { get; private set; }

    /// <summary>Gets the denominator patients who are adherent.</summary>
    public int Adherent { get; private set; }

    /// <summary>Gets the adherence rate, <c>Adherent / InDenominator</c>, or <see langword="null"/> with an empty denominator.</summary>
    public double? AdherenceRate => InDenominator == 0 ? null : (double)Adherent / InDenominator;

    /// <summary>Gets the denominator patients per PDC bin: bin i holds PDC in <c>[i/20, (i+1)/20)</c>, the last also 1.0.
    /// Bins are computed with integer arithmetic (<c>⌊20·covered / days⌋</c>), so no rounding decides a bin.</summary>
    public ImmutableArray<int> Distribution => [.. _bins];

    /// <summary>Counts one patient's result.</summary>
    /// <param name="result">The patient's PDC.</param>
    public void Add(in PdcResult result)
    {
        if (result.TreatmentDays == 0)
            return;
        WithPdc++;
        if (!result.InDenominator)
            return;
        InDenominator++;
        if (result.IsAdherent(AdherenceThreshold) == true)
            Adherent++;
        _bins[Math.Min(BinCount - 1, (int)((long)result.DaysCovered * BinCount / result.TreatmentDays))]++;
    }

    /// <summary>Adds another shard's counts to these.</summary>
    /// <param name="other">A population with the same threshold.</param>
    /// <exception cref="ArgumentException">The thresholds differ.</exception>
    public void Add(PdcPopulation other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.AdherenceThreshold != AdherenceThreshold)
            throw new ArgumentException("Only populations with the same adherence threshold can be merged.", nameof(other));
        WithPdc += other.WithPdc;
        InDenominator += other.InDenominator;
        Adherent += other.Adherent;
        for (int i = 0; i < BinCount; i++)
            _bins[i] += other._bins[i];
    }
}
