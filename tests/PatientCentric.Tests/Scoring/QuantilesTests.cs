using PatientCentric.Scoring;

namespace PatientCentric.Tests.Scoring;

public sealed class QuantilesTests
{
    // R: quantile(1:10, 0.9) = 9.1 (type 7, R's default).
    [Fact]
    public void HyndmanFanType7_OneToTenAtNinety_Is9Point1() =>
        Assert.Equal(9.1, Quantiles.HyndmanFanType7([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9), precision: 12);

    // Excel: PERCENTILE.INC({15,20,35,40,50}, 0.4) = 29 (h = 1.6: 20 + 0.6·15).
    [Fact]
    public void HyndmanFanType7_MatchesExcelPercentileInc() =>
        Assert.Equal(29.0, Quantiles.HyndmanFanType7([15, 20, 35, 40, 50], 0.4), precision: 12);

    [Theory]
    [InlineData(0.0, 15.0)]
    [InlineData(1.0, 50.0)]
    [InlineData(0.5, 35.0)]
    public void HyndmanFanType7_EndsAndMiddle(double p, double expected) =>
        Assert.Equal(expected, Quantiles.HyndmanFanType7([15, 20, 35, 40, 50], p), precision: 12);

    [Fact]
    public void HyndmanFanType7_SingleValue_IsThatValue() => Assert.Equal(7.0, Quantiles.HyndmanFanType7([7], 0.9));

    [Fact]
    public void Median_EvenCount_IsMeanOfTheTwoMiddleValues() => Assert.Equal(2.5, Quantiles.Median([1, 2, 3, 4]));

    [Fact]
    public void Median_OddCount_IsTheMiddleValue() => Assert.Equal(3.0, Quantiles.Median([1, 2, 3, 10, 11]));
}
