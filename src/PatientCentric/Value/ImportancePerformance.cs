namespace PatientCentric.Value;

/// <summary>One attribute's importance and performance, the input of importance–performance analysis (docs/ipa.md).</summary>
/// <param name="Name">The attribute's name, such as <c>"Short wait"</c>.</param>
/// <param name="Importance">I: its stated importance (mean rating) or derived importance (rescaled relative weight); finite.</param>
/// <param name="Performance">P: its mean performance rating; finite.</param>
public readonly record struct ImportancePerformance(string Name, double Importance, double Performance);
