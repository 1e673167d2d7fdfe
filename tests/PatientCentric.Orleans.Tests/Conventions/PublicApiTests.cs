using PatientCentric.Tests.Conventions;

namespace PatientCentric.Orleans.Tests.Conventions;

/// <summary>The PatientCentric.Orleans package's public API against tests/PatientCentric.Orleans.Tests/Conventions/PublicApi.approved.txt
/// (<see cref="PublicApiText"/>).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_MatchesTheApprovedFile() => PublicApiText.Approve(typeof(global::PatientCentric.Orleans.PatientCentricClusterClient).Assembly, "PatientCentric.Orleans.Tests");
}
