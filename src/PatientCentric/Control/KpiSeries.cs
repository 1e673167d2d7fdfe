using System.Collections.Immutable;

namespace PatientCentric.Control;

/// <summary>A KPI measured period by period (for example a payer's monthly share of revenue), the input of assumption
/// monitors (docs/assumption-monitors.md).</summary>
/// <param name="Key">The series' stable key, such as <c>"payer-revenue-share"</c>.</param>
/// <param name="Name">The display name.</param>
/// <param name="Points">The values, oldest first.</param>
public sealed record KpiSeries(string Key, string Name, ImmutableArray<KpiPoint> Points)
{
    /// <summary>Gets the values, oldest first.</summary>
    public ImmutableArray<KpiPoint> Points { get; init; } = Points.IsDefault ? [] : Points;
}
