using PatientCentric.Touchpoints;

namespace PatientCentric.Tests.Touchpoints;

public sealed class StarRatingTests
{
    private static readonly double[] Cuts = [80, 85, 89, 92];

    [Theory]
    [InlineData(79.9, 1)]
    [InlineData(80.0, 2)]   // reaching a cut point earns the star
    [InlineData(88.9, 3)]
    [InlineData(92.0, 5)]
    [InlineData(100.0, 5)]
    public void Assign_CountsTheCutPointsReached(double score, int stars) => Assert.Equal(stars, StarRating.Assign(score, Cuts, 150));

    [Fact]
    public void Assign_BelowCmsMinimumSurveys_GivesNoRating() => Assert.Null(StarRating.Assign(90, Cuts, 99));

    [Fact]
    public void Assign_CutPointsNotAscending_AreRefused() =>
        Assert.Throws<ArgumentException>(() => StarRating.Assign(90, [80, 80, 89, 92], 150));
}
