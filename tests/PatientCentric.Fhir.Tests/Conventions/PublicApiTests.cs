using PatientCentric.Tests.Conventions;

namespace PatientCentric.Fhir.Tests.Conventions;

/// <summary>The PatientCentric.Fhir package's public API against tests/PatientCentric.Fhir.Tests/Conventions/PublicApi.approved.txt
/// (<see cref="PublicApiText"/>).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_MatchesTheApprovedFile() => PublicApiText.Approve(typeof(global::PatientCentric.Fhir.FhirPracticeReader).Assembly, "PatientCentric.Fhir.Tests");
}
