namespace PatientCentric.Touchpoints;

/// <summary>A Net Promoter Score with its counts, variance, standard error and 95 % confidence interval, all on the
/// −1..1 proportion scale (multiply by 100 to show) (docs/touchpoints.md#surveys-nps-and-cahps).</summary>
/// <remarks>Immutable. Derived values are computed from the integer counts, each as one division, so a score that is a
/// whole number of points is exact (60 promoters and 15 detractors of 100 give 0.45 and 45 points, not 44.99999999999999).
/// Source: Reichheld (2003); R package <c>NPS</c>
/// (<c>nps</c>, <c>nps_var</c>, <c>nps_se</c>).</remarks>
/// <param name="Promoters">Respondents above the passive band (9–10 on the standard scale).</param>
/// <param name="Passives">Respondents in the passive band (7–8).</param>
/// <param name="Detractors">Respondents at or below the detractor cut (0–6).</param>
public readonly record struct NpsResult(int Promoters, int Passives, int Detractors)
{
    /// <summary>The sample size below which the interval is flagged as small-sample: 30 (docs/measures.md#conventions).</summary>
    public const int SmallSampleThreshold = 30;

    /// <summary>Gets the number of valid responses, n.</summary>
    public int N => Promoters + Passives + Detractors;

    /// <summary>Gets <c>pP = promoters / n</c>.</summary>
    public double PromoterShare => (double)Promoters / N;

    /// <summary>Gets <c>pD = detractors / n</c>.</summary>
    public double DetractorShare => (double)Detractors / N;

    /// <summary>Gets <c>NPS = pP − pD</c>, on −1..1, computed as <c>(promoters − detractors) / n</c>.</summary>
    public double Score => (double)(Promoters - Detractors) / N;

    /// <summary>Gets the score on the points scale, −100..100, computed from the counts as one division,
    /// <c>100·(promoters − detractors) / n</c>: use it to show the score rather than multiplying <see cref="Score"/> by 100.</summary>
    public double ScorePoints => 100.0 * (Promoters - Detractors) / N;

    /// <summary>Gets the variance of the per-respondent score (+1/0/−1): <c>pP + pD − (pP − pD)²</c>, on the proportion
    /// scale, computed from the counts as <c>((promoters + detractors)·n − (promoters − detractors)²) / n²</c>.</summary>
    public double Variance
    {
        get
        {
            long n = N, diff = Promoters - Detractors;
            return Math.Max(0.0, (double)((((long)Promoters + Detractors) * n) - (diff * diff)) / (n * n));
        }
    }

    /// <summary>Gets the standard error <c>√(var / n)</c> on −1..1.</summary>
    public double StandardError => Math.Sqrt(Variance / N);

    /// <summary>Gets the lower end of the 95 % interval, <c>NPS − 1.96·SE</c>, clipped to −1.</summary>
    public double Ci95Low => Math.Max(-1.0, Score - (1.96 * StandardError));

    /// <summary>Gets the upper end of the 95 % interval, <c>NPS + 1.96·SE</c>, clipped to 1.</summary>
    public double Ci95High => Math.Min(1.0, Score + (1.96 * StandardError));

    /// <summary>Gets whether n is below <see cref="SmallSampleThreshold"/>, so the normal-approximation interval is rough.</summary>
    public bool IsSmallSample => N < SmallSampleThreshold;
}
