using System.Text.Json.Serialization;

namespace PatientCentric.Scoring;

/// <summary>A profile as configuration declares it (<c>PatientCentric:Profiles:&lt;key&gt;</c>); validated at start-up and
/// turned into an immutable <see cref="Profile"/>.</summary>
/// <remarks>Mutable only so the configuration binder can set it, as options classes are.</remarks>
public sealed class ProfileOptions
{
    /// <summary>Gets or sets one sentence on whom the profile suits.</summary>
    /// <value>The default is empty.</value>
    public string Description { get; set; } = "";

    /// <summary>Gets or sets why the weights are what they are; printed in reports beside the weights.</summary>
    /// <value>The default is empty.</value>
    public string Rationale { get; set; } = "";

    /// <summary>Gets or sets the care setting.</summary>
    /// <value>The default is <see cref="CareSetting.PrimaryCare"/>.</value>
    public CareSetting CareSetting { get; set; } = CareSetting.PrimaryCare;

    /// <summary>Gets or sets how the practice is paid.</summary>
    /// <value>The default is <see cref="PaymentModel.FeeForService"/>.</value>
    public PaymentModel PaymentModel { get; set; } = PaymentModel.FeeForService;

    /// <summary>Gets or sets the raw weight of customer service.</summary>
    /// <value>Finite, 0 or more; normalised with the other two to sum 1. At least one of the three must be above 0. The default is 0.</value>
    public double CustomerServiceWeight { get; set; }

    /// <summary>Gets or sets the raw weight of quality of care.</summary>
    /// <value>Finite, 0 or more. The default is 0.</value>
    public double QualityOfCareWeight { get; set; }

    /// <summary>Gets or sets the raw weight of cost effectiveness.</summary>
    /// <value>Finite, 0 or more. The default is 0.</value>
    public double CostEffectivenessWeight { get; set; }

    /// <summary>Gets or sets the minimum number of events in a rate's denominator.</summary>
    /// <value>1 or more. The default is 20 (docs/measures.md#conventions).</value>
    public int MinimumRateEvents { get; set; } = EvidenceMinimums.Default.RateEvents;

    /// <summary>Gets or sets the minimum number of valid survey responses.</summary>
    /// <value>1 or more. The default is 30 (docs/measures.md#conventions).</value>
    public int MinimumSurveyResponses { get; set; } = EvidenceMinimums.Default.SurveyResponses;

    /// <summary>Gets or sets the minimum number of observations behind a duration statistic.</summary>
    /// <value>1 or more. The default is 10 (docs/measures.md#conventions).</value>
    public int MinimumDurationObservations { get; set; } = EvidenceMinimums.Default.DurationObservations;

    /// <summary>Gets the target bands by measure key (such as <c>"wait-to-be-seen"</c>); they replace the built-in targets of the same keys.</summary>
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public IDictionary<string, MeasureTargetOptions> Targets { get; } = new Dictionary<string, MeasureTargetOptions>(StringComparer.Ordinal);

    /// <summary>Gets the keys of the strategies that run; empty means every registered strategy.</summary>
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public IList<string> EnabledStrategies { get; } = new List<string>();
}
