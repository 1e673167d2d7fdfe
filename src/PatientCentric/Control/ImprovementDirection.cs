namespace PatientCentric.Control;

/// <summary>Which way a measure improves, deciding whether a special cause is an improvement or a concern (docs/spc.md).</summary>
public enum ImprovementDirection
{
    /// <summary>Higher values are better (+1).</summary>
    Increase,

    /// <summary>Lower values are better (−1).</summary>
    Decrease,

    /// <summary>Neither direction is better; special causes are labelled high or low.</summary>
    Neutral,
}
