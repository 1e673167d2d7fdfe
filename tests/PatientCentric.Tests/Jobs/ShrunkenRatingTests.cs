using PatientCentric.Jobs;

namespace PatientCentric.Tests.Jobs;

public sealed class ShrunkenRatingTests
{
    [Fact]
    public void Compute_WorkedExample_PullsFewRatingsTowardThePrior()
    {
        // (C·m + Σx) / (C + n) = (5·3 + 5 + 5) / (5 + 2) = 25 / 7.
        Assert.Equal(25.0 / 7, ShrunkenRating.Compute([5, 5])!.Value, precision: 15);
        // Many ratings dominate the prior: (15 + 100·1) / 105.
        Assert.Equal(115.0 / 105, ShrunkenRating.Compute(Enumerable.Repeat(1, 100).ToArray())!.Value, precision: 15);
    }

    [Fact]
    public void Compute_NoRatings_IsInsufficientData() => Assert.Null(ShrunkenRating.Compute([]));

    [Fact]
    public void Compute_ZeroPriorWeight_IsThePlainMean() => Assert.Equal(2.5, ShrunkenRating.Compute([2, 3], priorWeight: 0));

    [Fact]
    public void Compute_RatingOffTheScale_NamesItsIndex() =>
        Assert.StartsWith("ratings[1] must be from 1 to 5", Assert.Throws<ArgumentOutOfRangeException>(() => ShrunkenRating.Compute([3, 6])).Message, StringComparison.Ordinal);
}
