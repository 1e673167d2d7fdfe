using PatientCentric.Records;

namespace PatientCentric.Fhir;

/// <summary>What <see cref="FhirPracticeReader"/> produced: the data set and a report of what could not be used.</summary>
/// <param name="Data">The practice data, with pseudonymous patient keys.</param>
/// <param name="Quality">Counts of skipped, derived and assumed records, with file and line but no identifiers.</param>
public sealed record FhirReadResult(PracticeDataSet Data, FhirDataQuality Quality);
