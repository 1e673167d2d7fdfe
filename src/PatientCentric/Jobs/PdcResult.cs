namespace PatientCentric.Jobs;

/// <summary>One patient's Proportion of Days Covered for one class (docs/jobs.md#proportion-of-days-covered-exactly-as-pqa-defines-it).</summary>
/// <param name="InDenominator">Whether the patient enters the measure's denominator (enough fills on distinct dates, step 9).</param>
/// <param name="IndexDate">The index prescription start date (IPSD), or <see langword="null"/> with no fill in the period.</param>
/// <param name="TreatmentDays">Days from IPSD to the end, both included; 0 when not computable.</param>
/// <param name="DaysCovered">Days in the treatment period covered after same-drug shifting; 0 when not computable.</param>
/// <param name="FillsInPeriod">Valid fills dated in the period that were used.</param>
/// <param name="DistinctFillDates">Distinct dates of service among those fills.</param>
public readonly record struct PdcResult(bool InDenominator, DateOnly? IndexDate, int TreatmentDays, int DaysCovered,
                                        int FillsInPeriod, int DistinctFillDates)
{
    /// <summary>Gets the PDC, <c>DaysCovered / TreatmentDays</c>, unrounded, 0 to 1; <see langword="null"/> with no fill in the period.</summary>
    public double? Pdc => TreatmentDays > 0 ? (double)DaysCovered / TreatmentDays : null;

    /// <summary>Returns whether <c>round(PDC, 4)</c> (half away from zero) is at least <paramref name="threshold"/> (step 8);
    /// <see langword="null"/> when the PDC is not computable.</summary>
    /// <param name="threshold">θ, such as 0.80.</param>
    /// <returns>Whether the patient is adherent.</returns>
    public bool? IsAdherent(double threshold) => Pdc is { } p ? Math.Round(p, 4, MidpointRounding.AwayFromZero) >= threshold : null;
}
