using PatientCentric.Tests.Conventions;

namespace PatientCentric.Hosting.Tests.Conventions;

/// <summary>The PatientCentric.Hosting package's public API against tests/PatientCentric.Hosting.Tests/Conventions/PublicApi.approved.txt
/// (<see cref="PublicApiText"/>).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_MatchesTheApprovedFile() => PublicApiText.Approve(typeof(global::Microsoft.Extensions.DependencyInjection.PatientCentricConfigurationServiceCollectionExtensions).Assembly, "PatientCentric.Hosting.Tests");
}
