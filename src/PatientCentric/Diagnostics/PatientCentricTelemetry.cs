namespace PatientCentric.Diagnostics;

/// <summary>The names a host gives OpenTelemetry (or any <see cref="System.Diagnostics.Metrics.MeterListener"/> or
/// <see cref="System.Diagnostics.ActivityListener"/>) to collect PatientCentric's metrics and spans. Every PatientCentric
/// package, the FHIR adapter included, uses these two names. See docs/telemetry.md.</summary>
/// <remarks>Telemetry carries keys, counts, statuses and durations only: never a patient identifier, a name or a value
/// from a record.</remarks>
public static class PatientCentricTelemetry
{
    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/>: <c>"PatientCentric"</c>.</summary>
    public const string MeterName = "PatientCentric";

    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/>: <c>"PatientCentric"</c>.</summary>
    public const string ActivitySourceName = "PatientCentric";
}
