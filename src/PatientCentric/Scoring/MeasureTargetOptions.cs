namespace PatientCentric.Scoring;

/// <summary>A target as configuration declares it (<c>PatientCentric:Profiles:&lt;key&gt;:Targets:&lt;measure&gt;</c>).
/// Mutable only so the configuration binder can set it.</summary>
public sealed class MeasureTargetOptions
{
    /// <summary>Gets or sets the target on the measure's own scale (proportions as 0..1).</summary>
    /// <value>A finite number. The default is 0.</value>
    public double Target { get; set; }

    /// <summary>Gets or sets whether higher values are better.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool HigherIsBetter { get; set; } = true;
}
