using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PatientCentric.Touchpoints;

namespace PatientCentric.Tests.Touchpoints;

public sealed class NetPromoterScoreTests
{
    // DOMAIN.md §3.1 worked example: 60 promoters, 25 passives, 15 detractors of 100.
    private static readonly int[] SixtyTwentyFiveFifteen = [.. Enumerable.Repeat(10, 60), .. Enumerable.Repeat(7, 25), .. Enumerable.Repeat(0, 15)];

    [Fact]
    public void Compute_SixtyPromotersAndFifteenDetractorsOfHundred_Is045()
    {
        var r = NetPromoterScore.Compute(SixtyTwentyFiveFifteen)!.Value;
        Assert.Equal((60, 25, 15, 100), (r.Promoters, r.Passives, r.Detractors, r.N));
        Assert.Equal(0.45, r.Score, precision: 12);
    }

    [Fact]
    public void Compute_WorkedExample_IsExactlyFortyFivePoints()
    {
        // From the integer counts in one division: 0.6 − 0.15 and 0.45·100 in doubles would give 44.99999999999999.
        var r = NetPromoterScore.Compute(SixtyTwentyFiveFifteen)!.Value;
        Assert.Equal(45.0, r.ScorePoints);
        Assert.Equal(0.45, r.Score);
        Assert.Equal(0.5475, r.Variance);
    }

    // Counts built to give a whole number of points (−100..100) with n = 100·m and e extra promoter–detractor pairs.
    [Property(MaxTest = 1_000)]
    public bool ScorePoints_IsExact_ForEveryWholeNumberOfPoints(byte pointsSeed, byte multiplierSeed, byte pairsSeed)
    {
        int points = (pointsSeed % 201) - 100, m = (multiplierSeed % 50) + 1;
        int pairs = pairsSeed % ((m * (100 - Math.Abs(points)) / 2) + 1);
        int promoters = (m * Math.Max(points, 0)) + pairs, detractors = (m * Math.Max(-points, 0)) + pairs;
        var r = new NpsResult(promoters, (100 * m) - promoters - detractors, detractors);
        return r.ScorePoints == points;
    }

    [Fact]
    public void Compute_WorkedExample_VarianceSeAndIntervalFollowTheMultinomialFormula()
    {
        var r = NetPromoterScore.Compute(SixtyTwentyFiveFifteen)!.Value;
        // var = pP + pD − (pP − pD)² = 0.60 + 0.15 − 0.45² = 0.5475
        Assert.Equal(0.5475, r.Variance, precision: 12);
        // SE = √(0.5475 / 100) = 0.07399324293...
        Assert.Equal(0.0739932429347, r.StandardError, precision: 12);
        // CI = 0.45 ± 1.96·SE
        Assert.Equal(0.45 - (1.96 * 0.0739932429347), r.Ci95Low, precision: 11);
        Assert.Equal(0.45 + (1.96 * 0.0739932429347), r.Ci95High, precision: 11);
        Assert.False(r.IsSmallSample);
    }

    [Theory]
    [InlineData(0, 6, 0)]      // detractor band ends at 6
    [InlineData(7, 8, 1)]      // passives
    [InlineData(9, 10, 2)]     // promoters
    public void Compute_CategoryBands_MatchReichheld(int from, int to, int category)
    {
        for (int answer = from; answer <= to; answer++)
        {
            var r = NetPromoterScore.Compute([answer])!.Value;
            Assert.Equal(category == 0 ? 1 : 0, r.Detractors);
            Assert.Equal(category == 1 ? 1 : 0, r.Passives);
            Assert.Equal(category == 2 ? 1 : 0, r.Promoters);
        }
    }

    [Fact]
    public void Compute_Empty_IsInsufficientData() => Assert.Null(NetPromoterScore.Compute([]));

    [Fact]
    public void Compute_AllPromoters_HasZeroVarianceAndAClippedInterval()
    {
        var r = NetPromoterScore.Compute(Enumerable.Repeat(9, 40).ToArray())!.Value;
        Assert.Equal(1.0, r.Score);
        Assert.Equal(0.0, r.Variance);
        Assert.Equal(0.0, r.StandardError);
        Assert.Equal((1.0, 1.0), (r.Ci95Low, r.Ci95High));
    }

    [Fact]
    public void Compute_SmallSample_IsFlagged()
    {
        Assert.True(NetPromoterScore.Compute([9, 9, 3])!.Value.IsSmallSample);
        Assert.False(NetPromoterScore.Compute(Enumerable.Repeat(8, 30).ToArray())!.Value.IsSmallSample);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void Compute_AnswerOutsideZeroToTen_Throws(int bad)
    {
        // In the vectorised body and in the scalar tail.
        int[] longInput = [.. Enumerable.Repeat(5, 64), bad, .. Enumerable.Repeat(5, 3)];
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NetPromoterScore.Compute(longInput));
        Assert.Equal(bad, e.ActualValue);
        Assert.Throws<ArgumentOutOfRangeException>(() => NetPromoterScore.Compute([1, bad]));
    }

    [Fact]
    public void StandardErrorOfDifference_IsRootOfSummedVariancesOverN()
    {
        var a = NetPromoterScore.Compute(SixtyTwentyFiveFifteen)!.Value;
        var b = new NpsResult(20, 10, 20);   // NPS 0, var = 0.8
        Assert.Equal(Math.Sqrt((0.5475 / 100) + (0.8 / 50)), NetPromoterScore.StandardErrorOfDifference(a, b), precision: 14);
    }

    private static Arbitrary<int[]> Answers() =>
        Gen.Choose(0, 10).ArrayOf().Where(a => a.Length > 0).ToArbitrary();

    [Property(MaxTest = 1_000)]
    public Property Score_IsWithinMinusHundredAndHundredPoints() =>
        Prop.ForAll(Answers(), answers =>
        {
            var r = NetPromoterScore.Compute(answers)!.Value;
            return r.Score * 100 is >= -100 and <= 100 && r.Ci95Low >= -1 && r.Ci95High <= 1 && r.Ci95Low <= r.Score && r.Score <= r.Ci95High;
        });

    [Property(MaxTest = 1_000)]
    public Property Score_DoesNotDependOnTheOrderOfAnswers() =>
        Prop.ForAll(Answers(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (answers, seed) =>
        {
            var shuffled = (int[])answers.Clone();
            new Random(seed).Shuffle(shuffled);
            return NetPromoterScore.Compute(answers) == NetPromoterScore.Compute(shuffled);
        });

    [Property(MaxTest = 1_000)]
    public Property Compute_IsDeterministic_AndMatchesAPlainCount() =>
        Prop.ForAll(Answers(), answers =>
        {
            var r = NetPromoterScore.Compute(answers)!.Value;
            var again = NetPromoterScore.Compute(answers)!.Value;
            return r == again
                && r.Promoters == answers.Count(a => a >= 9)
                && r.Detractors == answers.Count(a => a <= 6)
                && r.Passives == answers.Count(a => a is 7 or 8);
        });

    [Property(MaxTest = 500)]
    public Property Variance_IsNonNegativeAndAtMostOne() =>
        Prop.ForAll(Answers(), answers => NetPromoterScore.Compute(answers)!.Value.Variance is >= 0 and <= 1);
}
