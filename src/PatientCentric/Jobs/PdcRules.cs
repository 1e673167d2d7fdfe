namespace PatientCentric.Jobs;

/// <summary>The rules of the Proportion of Days Covered that a measure or host may vary (docs/jobs.md#proportion-of-days-covered-exactly-as-pqa-defines-it). The defaults are
/// PQA's.</summary>
/// <param name="MinimumFills">Fills on distinct dates of service in the period needed to enter the denominator. Default 2; at least 1.</param>
/// <param name="AllowPriorSupply">Whether supply dispensed before the period start carries in (the <c>CarryIn</c>
/// option). Default <see langword="false"/>: such fills are ignored.</param>
/// <param name="AdherenceThreshold">θ: adherent when <c>round(PDC, 4) ≥ θ</c>. Default 0.80; 0 to 1.</param>
/// <param name="MinimumConcurrentDrugs">k: a day counts as covered only if at least k distinct drugs cover it (concurrent-use
/// variant, e.g. 3 for antiretrovirals). Default 1: any drug of the class.</param>
/// <param name="RequireIndexAtLeast91DaysBeforeEnd">The older PQA eligibility rule: IPSD at least 91 days before the end.
/// Default <see langword="false"/>.</param>
public sealed record PdcRules(int MinimumFills = 2, bool AllowPriorSupply = false, double AdherenceThreshold = 0.80,
                              int MinimumConcurrentDrugs = 1, bool RequireIndexAtLeast91DaysBeforeEnd = false)
{
    /// <summary>Gets PQA's defaults: two fills, no carry-in, θ = 0.80, any drug of the class.</summary>
    public static PdcRules Pqa { get; } = new();

    /// <summary>Throws when a rule is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A rule is out of range; the message names it and its range.</exception>
    public void Validate()
    {
        if (MinimumFills < 1)
            throw new ArgumentOutOfRangeException(nameof(MinimumFills), MinimumFills, "MinimumFills must be 1 or more.");
        if (!(AdherenceThreshold is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(AdherenceThreshold), AdherenceThreshold, "AdherenceThreshold must be from 0 to 1 inclusive.");
        if (MinimumConcurrentDrugs < 1)
            throw new ArgumentOutOfRangeException(nameof(MinimumConcurrentDrugs), MinimumConcurrentDrugs, "MinimumConcurrentDrugs must be 1 or more.");
    }
}
