namespace PatientCentric.Fhir;

/// <summary>Settings for the <see cref="FhirMeasureReportWriter"/> that <c>AddPatientCentricFhir</c> registers.</summary>
/// <remarks>Mutable so hosts can bind it; the writer copies the value once when it is constructed.</remarks>
public sealed class FhirMeasureReportOptions
{
    /// <summary>Gets or sets the absolute <c>http</c> or <c>https</c> base of the canonical URLs of the Measures, such as
    /// <c>https://example.org/fhir</c>; a trailing slash is ignored.</summary>
    /// <value>No query or fragment. The default is <c>"https://patientcentric.example/fhir"</c>.</value>
    public string CanonicalBase { get; set; } = "https://patientcentric.example/fhir";
}
