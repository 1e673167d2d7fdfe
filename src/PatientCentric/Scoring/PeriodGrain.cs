namespace PatientCentric.Scoring;

/// <summary>The length of the periods a measure's series is cut into (docs/spc.md#every-measure-over-time). Buckets are
/// clipped to the measurement period, so the first and last may be partial (<see cref="SeriesPoint.IsPartialPeriod"/>).</summary>
public enum PeriodGrain
{
    /// <summary>ISO 8601 weeks: Monday to Sunday, in the practice's local dates.</summary>
    Week,

    /// <summary>Calendar months (the default).</summary>
    Month,

    /// <summary>Calendar quarters: January–March, April–June, July–September, October–December.</summary>
    Quarter,
}
