using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Touchpoints;

/// <summary>Counts behind the clean-claim and initial-denial rates (docs/touchpoints/billing.md; HFMA MAP Keys).</summary>
/// <param name="Submitted">Claims first submitted in the period whose edit result is recorded (the clean-claim denominator).</param>
/// <param name="Clean">Of those, claims that passed every edit with no manual intervention.</param>
/// <param name="Adjudicated">Claims first adjudicated in the period (the denial denominator).</param>
/// <param name="Denied">Of those, claims with any line denied at first adjudication.</param>
/// <param name="Invalid">Claims adjudicated before their first submission; excluded.</param>
public readonly record struct ClaimRates(int Submitted, int Clean, int Adjudicated, int Denied, int Invalid)
{
    /// <summary>Gets the claims first submitted in the period whose edit result is not recorded
    /// (<see cref="Claim.EditsUnknown"/>): excluded from the clean-claim rate, not from the denial rate.</summary>
    /// <value>0 or more. The default is 0.</value>
    public int EditsUnknown { get; init; }

    /// <summary>Gets <c>Clean / Submitted</c>, or <see langword="null"/> when no claim with a recorded edit result was submitted.</summary>
    public double? CleanClaimRate => Submitted == 0 ? null : (double)Clean / Submitted;

    /// <summary>Gets <c>Denied / Adjudicated</c>, or <see langword="null"/> when nothing was adjudicated.</summary>
    public double? InitialDenialRate => Adjudicated == 0 ? null : (double)Denied / Adjudicated;

    /// <summary>Counts <paramref name="claims"/> over <paramref name="period"/>: clean claims by first submission date,
    /// denials by first adjudication date; a partial denial counts as denied.</summary>
    /// <param name="claims">The claims, each counted once.</param>
    /// <param name="period">The measurement period.</param>
    /// <returns>The counts.</returns>
    /// <remarks>A claim whose edit result is unknown (<see cref="Claim.EditsUnknown"/>) is counted in
    /// <see cref="EditsUnknown"/> instead of <see cref="Submitted"/>: absent data is neither clean nor unclean. Its
    /// adjudication still counts towards the denial rate, which needs only the remittance.</remarks>
    public static ClaimRates Count(IEnumerable<Claim> claims, MeasurementPeriod period)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return CountByPeriod(claims, period, null)[0];
    }

    /// <summary>Counts <paramref name="claims"/> as <see cref="Count"/> does, each count in the period bucket of the date it
    /// is counted by: a clean-claim count in its first submission's bucket, a denial count in its first adjudication's; an
    /// invalid claim, counted whatever the period, in its first submission's bucket (the first or last bucket when that
    /// date lies outside the period).</summary>
    /// <param name="claims">The claims, each counted once.</param>
    /// <param name="period">The whole measurement period.</param>
    /// <param name="buckets">The period buckets, or <see langword="null"/> for the period as one.</param>
    /// <returns>The counts per bucket (one without buckets).</returns>
    internal static ClaimRates[] CountByPeriod(IEnumerable<Claim> claims, MeasurementPeriod period, PeriodBuckets? buckets)
    {
        var counts = new int[buckets?.Count ?? 1, 6];   // submitted, clean, adjudicated, denied, invalid, edits unknown
        foreach (var c in claims)
        {
            if (c.AdjudicatedOn is { } a && a < c.FirstSubmittedOn)
            {
                counts[buckets?.IndexOf(c.FirstSubmittedOn) ?? 0, 4]++;
                continue;
            }
            if (PeriodRouting.Of(c.FirstSubmittedOn, period, buckets) is var s and >= 0)
            {
                if (c.EditsUnknown)
                {
                    counts[s, 5]++;
                }
                else
                {
                    counts[s, 0]++;
                    if (c.PassedEditsWithoutIntervention) counts[s, 1]++;
                }
            }
            if (c.AdjudicatedOn is { } adjudicatedOn && PeriodRouting.Of(adjudicatedOn, period, buckets) is var j and >= 0
                && c.DeniedAtFirstAdjudication is { } d)
            {
                counts[j, 2]++;
                if (d) counts[j, 3]++;
            }
        }
        var result = new ClaimRates[counts.GetLength(0)];
        for (int b = 0; b < result.Length; b++)
            result[b] = new ClaimRates(counts[b, 0], counts[b, 1], counts[b, 2], counts[b, 3], counts[b, 4]) { EditsUnknown = counts[b, 5] };
        return result;
    }
}
