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
        int submitted = 0, clean = 0, adjudicated = 0, denied = 0, invalid = 0, editsUnknown = 0;
        foreach (var c in claims)
        {
            if (c.AdjudicatedOn is { } a && a < c.FirstSubmittedOn)
            {
                invalid++;
                continue;
            }
            if (period.Contains(c.FirstSubmittedOn))
            {
                if (c.EditsUnknown)
                {
                    editsUnknown++;
                }
                else
                {
                    submitted++;
                    if (c.PassedEditsWithoutIntervention) clean++;
                }
            }
            if (c.AdjudicatedOn is { } adjudicatedOn && period.Contains(adjudicatedOn) && c.DeniedAtFirstAdjudication is { } d)
            {
                adjudicated++;
                if (d) denied++;
            }
        }
        return new ClaimRates(submitted, clean, adjudicated, denied, invalid) { EditsUnknown = editsUnknown };
    }
}
