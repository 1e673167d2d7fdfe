using System.Text.Json.Serialization;

namespace PatientCentric.Scoring;

/// <summary>The library's configuration, bound from the <c>PatientCentric</c> section: the active profile and any
/// profiles the host declares. Validated at start-up; every error names the setting's path.</summary>
/// <remarks>Mutable only so the configuration binder can set it. Bind it with
/// <c>services.Configure&lt;PatientCentricOptions&gt;(configuration.GetSection(PatientCentricOptions.SectionName))</c>.</remarks>
public sealed class PatientCentricOptions
{
    /// <summary>The configuration section the options bind from: <c>"PatientCentric"</c>.</summary>
    public const string SectionName = "PatientCentric";

    /// <summary>Gets or sets the key of the profile in force: a built-in key or one of <see cref="Profiles"/>.</summary>
    /// <value>The default is <see cref="BuiltInProfiles.DefaultKey"/> (<c>"primary-care-value-based"</c>).</value>
    public string Profile { get; set; } = BuiltInProfiles.DefaultKey;

    /// <summary>Gets or sets the key of the strategy that chooses the primary customer from the data set's stakeholder assessments.</summary>
    /// <value>A registered primary-customer strategy: <c>"weighted-sum"</c> (the default), <c>"ahp"</c>, <c>"topsis"</c> or <c>"salience"</c>.</value>
    public string PrimaryCustomerStrategy { get; set; } = "weighted-sum";

    /// <summary>Gets or sets the settings of the patient-job measures and support plans (<c>PatientCentric:Jobs</c>).</summary>
    /// <value>The defaults are PQA's and docs/jobs.md's.</value>
    public Jobs.JobOptions Jobs { get; set; } = new();

    /// <summary>Gets or sets how every measure is charted over time (<c>PatientCentric:Trends</c>, docs/spc.md#every-measure-over-time).</summary>
    /// <value>The defaults: monthly series, enabled, no overrides.</value>
    public TrendOptions Trends { get; set; } = new();

    /// <summary>Gets the commitments' rubrics by commitment key (such as <c>"respecting-time"</c>); a commitment declared here
    /// replaces its default rubric (<see cref="Touchpoints.CommitmentRubric.Default"/>).</summary>
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public IDictionary<string, IList<Touchpoints.RubricMeasureOptions>> Commitments { get; } = new Dictionary<string, IList<Touchpoints.RubricMeasureOptions>>(StringComparer.Ordinal);

    /// <summary>Gets the profiles the host declares, by kebab-case key; a key equal to a built-in key replaces that profile.</summary>
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public IDictionary<string, ProfileOptions> Profiles { get; } = new Dictionary<string, ProfileOptions>(StringComparer.Ordinal);
}
