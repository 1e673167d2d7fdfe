namespace PatientCentric.Touchpoints;

/// <summary>One measure of a commitment's rubric as configuration declares it
/// (<c>PatientCentric:Commitments:&lt;commitment&gt;:&lt;i&gt;</c>). Mutable only so the configuration binder can set it.</summary>
public sealed class RubricMeasureOptions
{
    /// <summary>Gets or sets the measure key of a practice card, such as <c>"wait-to-be-seen"</c>, or <c>"reviews"</c> for the
    /// share of favourable review mentions.</summary>
    /// <value>The default is empty.</value>
    public string Key { get; set; } = "";

    /// <summary>Gets or sets the value that scores 0.</summary>
    /// <value>The default is 0.</value>
    public double Worst { get; set; }

    /// <summary>Gets or sets the value that scores 1; different from <see cref="Worst"/>.</summary>
    /// <value>The default is 1.</value>
    public double Best { get; set; } = 1;

    /// <summary>Gets or sets the raw weight, 0 or more.</summary>
    /// <value>The default is 1.</value>
    public double Weight { get; set; } = 1;
}
