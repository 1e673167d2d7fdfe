using System.Collections.Immutable;

namespace PatientCentric.Scoring;

/// <summary>A target band for one measure: the value to reach and which way is better (docs/touchpoints.md; targets are
/// host-configured unless a source is cited).</summary>
/// <param name="Target">The target on the measure's own scale (proportions as 0..1).</param>
/// <param name="HigherIsBetter">Whether values at or above the target meet it; otherwise values at or below it do.</param>
public sealed record MeasureTarget(double Target, bool HigherIsBetter)
{
    /// <summary>Returns whether <paramref name="value"/> meets the target (a value equal to the target meets it).</summary>
    /// <param name="value">A card's value.</param>
    /// <returns><see langword="true"/> when met.</returns>
    public bool IsMetBy(double value) => HigherIsBetter ? value >= Target : value <= Target;

    /// <summary>Gets the targets the built-in profiles start from, where a convention is commonly cited (docs/touchpoints/communication.md, docs/touchpoints/billing.md):
    /// clean-claim rate ≥ 95 % and call abandonment ≤ 5 %. Every other target is the host's to set.</summary>
    public static ImmutableSortedDictionary<string, MeasureTarget> CommonlyCited { get; } =
        new Dictionary<string, MeasureTarget>(StringComparer.Ordinal)
        {
            ["clean-claim-rate"] = new(0.95, HigherIsBetter: true),
            ["call-abandonment-rate"] = new(0.05, HigherIsBetter: false),
        }.ToImmutableSortedDictionary(StringComparer.Ordinal);
}
