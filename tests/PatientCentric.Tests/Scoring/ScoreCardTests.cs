using PatientCentric.Scoring;

namespace PatientCentric.Tests.Scoring;

public sealed class ScoreCardTests
{
    [Fact]
    public void Ok_WithoutValue_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new ScoreCard("x", ScoreScope.Practice, null, ScoreScale.Proportion, ScoreStatus.Ok, 1, 0, []));

    [Theory]
    [InlineData(ScoreStatus.InsufficientData)]
    [InlineData(ScoreStatus.NotApplicable)]
    [InlineData(ScoreStatus.GuardrailBlocked)]
    [InlineData(ScoreStatus.Suppressed)]
    public void NotOk_WithAValue_IsRefused(ScoreStatus status) =>
        Assert.Throws<ArgumentException>(() => new ScoreCard("x", ScoreScope.Practice, 0.5, ScoreScale.Proportion, status, 1, 0, []));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void NonFiniteValue_IsRefused(double value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoreCard.Ok("x", ScoreScope.Practice, value, ScoreScale.Proportion, 1, 0, []));

    [Fact]
    public void DefaultComponents_AreEmptyNotDefault() =>
        Assert.Empty(ScoreCard.WithoutValue("x", ScoreScope.Practice, ScoreScale.Days, ScoreStatus.NotApplicable, "none").Components);

    [Fact]
    public void MeasurementPeriod_EndBeforeStart_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MeasurementPeriod(new DateOnly(2025, 2, 1), new DateOnly(2025, 1, 31)));

    [Fact]
    public void MeasurementPeriod_CountsBothEnds() =>
        Assert.Equal(365, new MeasurementPeriod(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)).LengthDays);
}
