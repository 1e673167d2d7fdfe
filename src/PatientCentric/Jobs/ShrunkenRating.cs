namespace PatientCentric.Jobs;

/// <summary>A clinician's 1–5 ratings of how a patient is doing with one kind of job, shrunk toward a prior mean:
/// <c>(C·m + Σx) / (C + n)</c> (docs/jobs.md#clinician-ratings). Support data only: never a patient grade, never shown to payers, never
/// used for scheduling priority.</summary>
public static class ShrunkenRating
{
    /// <summary>The default prior mean m: 3, the midpoint of the 1–5 scale.</summary>
    public const double DefaultPriorMean = 3;

    /// <summary>The default prior weight C: 5 pseudo-ratings.</summary>
    public const double DefaultPriorWeight = 5;

    /// <summary>Computes the shrunken mean of <paramref name="ratings"/>.</summary>
    /// <param name="ratings">Ratings from 1 to 5.</param>
    /// <param name="priorMean">m, from 1 to 5.</param>
    /// <param name="priorWeight">C, 0 or more.</param>
    /// <returns>The shrunken mean on 1..5, or <see langword="null"/> when there are no ratings (insufficient data).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A rating is outside 1–5, the prior mean is outside 1–5, or the prior weight is negative.</exception>
    public static double? Compute(ReadOnlySpan<int> ratings, double priorMean = DefaultPriorMean, double priorWeight = DefaultPriorWeight)
    {
        if (!(priorMean is >= 1 and <= 5))
            throw new ArgumentOutOfRangeException(nameof(priorMean), priorMean, "The prior mean must be from 1 to 5 inclusive.");
        if (!(priorWeight >= 0) || !double.IsFinite(priorWeight))
            throw new ArgumentOutOfRangeException(nameof(priorWeight), priorWeight, "The prior weight must be a finite number of 0 or more.");
        if (ratings.IsEmpty)
            return null;
        long sum = 0;
        for (int i = 0; i < ratings.Length; i++)
        {
            if (ratings[i] is < 1 or > 5)
                throw new ArgumentOutOfRangeException(nameof(ratings), $"ratings[{i}] must be from 1 to 5 inclusive.");
            sum += ratings[i];
        }
        return ((priorWeight * priorMean) + sum) / (priorWeight + ratings.Length);
    }
}
