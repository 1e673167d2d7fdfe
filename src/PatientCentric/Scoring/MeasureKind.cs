namespace PatientCentric.Scoring;

/// <summary>What kind of number a built-in measure is, which decides how it will be charted over time (docs/spc.md):
/// declared once per measure in <see cref="MeasureCatalog"/>.</summary>
public enum MeasureKind
{
    /// <summary>Events over cases, on 0 to 1 (no-show rate, clean-claim rate, PDC, referral closure, job timeliness):
    /// charted over time as a p′ chart (p with the Laney correction for large denominators).</summary>
    Proportion,

    /// <summary>Events per 1,000 of an exposure (billing complaints per 1,000 statements): charted over time as a u′ chart
    /// (u with the Laney correction).</summary>
    RatePer1000,

    /// <summary>A per-period statistic of durations, such as a median lead time, wait or response time: charted over time as
    /// an XmR chart of one value per period.</summary>
    DurationStatistic,

    /// <summary>A per-period score (Net Promoter Score, CAHPS and rating results, commitment utilities): charted over time
    /// as an XmR chart of one value per period.</summary>
    Score,
}
