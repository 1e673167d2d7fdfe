using PatientCentric.Scoring;

namespace PatientCentric.Tests.Conventions;

/// <summary>The core package's public API against tests/PatientCentric.Tests/Conventions/PublicApi.approved.txt
/// (<see cref="PublicApiText"/>).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_MatchesTheApprovedFile() => PublicApiText.Approve(typeof(ScoreCard).Assembly, "PatientCentric.Tests");
}
