namespace PatientCentric.Touchpoints;

/// <summary>One measure in a commitment's rubric: its value (or none), the bounds that normalise it, and its weight.</summary>
/// <param name="Key">The measure key, such as <c>"wait-to-be-seen"</c>.</param>
/// <param name="Value">The measure's value on its own scale, or <see langword="null"/> when it has none (skipped).</param>
/// <param name="Worst">The value that scores 0.</param>
/// <param name="Best">The value that scores 1 (may be below <paramref name="Worst"/>).</param>
/// <param name="Weight">The raw weight, 0 or more; weights of the measures used are normalised to sum 1.</param>
public readonly record struct RubricMeasure(string Key, double? Value, double Worst, double Best, double Weight = 1);
