using System.Text.Json.Serialization;

namespace PatientCentric.Jobs;

/// <summary>Settings of the patient-job measures and support plans, bound from <c>PatientCentric:Jobs</c> and validated
/// at start-up. Mutable only so the configuration binder can set it.</summary>
public sealed class JobOptions
{
    /// <summary>Gets or sets θ, the PDC adherence threshold.</summary>
    /// <value>0 to 1. The default is 0.80 (PQA).</value>
    public double AdherenceThreshold { get; set; } = 0.80;

    /// <summary>Gets or sets the fills on distinct dates needed to enter the PDC denominator.</summary>
    /// <value>1 or more. The default is 2 (PQA).</value>
    public int MinimumFills { get; set; } = 2;

    /// <summary>Gets or sets whether supply dispensed before the period carries in.</summary>
    /// <value>The default is <see langword="false"/> (PQA).</value>
    public bool AllowPriorSupply { get; set; }

    /// <summary>Gets the ingredient (upper case) → class table; empty means <see cref="DrugClasses.PqaDefault"/>.</summary>
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public IDictionary<string, string> DrugClasses { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets or sets W, the referral closure window in days.</summary>
    /// <value>0 to 365. The default is 60.</value>
    public int ReferralWindowDays { get; set; } = ReferralLoopClosure.DefaultWindowDays;

    /// <summary>Gets or sets the grace g after a job's due date, in days.</summary>
    /// <value>0 to 365. The default is 0.</value>
    public int GraceDays { get; set; } = JobTimeliness.DefaultGraceDays;

    /// <summary>Gets or sets m, the days after due + grace when an open job counts as missed.</summary>
    /// <value>0 to 365. The default is 30.</value>
    public int MissedAfterDays { get; set; } = JobTimeliness.DefaultMissedAfterDays;

    /// <summary>Gets or sets the threshold below which timeliness or referral closure puts a job in the support plan.</summary>
    /// <value>0 to 1. The default is 0.80 (docs/jobs.md#support-plans).</value>
    public double SupportThreshold { get; set; } = 0.80;

    /// <summary>Gets or sets k, the clinician ratings needed before a shrunken rating is used.</summary>
    /// <value>1 or more. The default is 3.</value>
    public int MinimumRatings { get; set; } = 3;

    /// <summary>Gets or sets m, the prior mean ratings are shrunk toward.</summary>
    /// <value>1 to 5. The default is 3.</value>
    public double RatingPriorMean { get; set; } = ShrunkenRating.DefaultPriorMean;

    /// <summary>Gets or sets C, the prior weight of the shrinkage.</summary>
    /// <value>0 or more. The default is 5.</value>
    public double RatingPriorWeight { get; set; } = ShrunkenRating.DefaultPriorWeight;

    /// <summary>Gets or sets the shrunken rating below which a job goes into the support plan.</summary>
    /// <value>1 to 5. The default is 3.</value>
    public double RatingSupportBelow { get; set; } = 3.0;
}
