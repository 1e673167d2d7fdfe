using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PatientCentric.Touchpoints;

namespace PatientCentric.Tests.Touchpoints;

public sealed class CahpsScoringTests
{
    private static readonly CahpsScale FourPoint = CahpsScale.Create(["Never", "Sometimes", "Usually", "Always"]);
    private static readonly CahpsScale Rating = CahpsScale.Create(Enumerable.Range(0, 11).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Score_FourPointWorkedExample_MatchesDomainDefinitions()
    {
        // Never 4, Sometimes 6, Usually 30, Always 60 → linear mean (0·4 + 33⅓·6 + 66⅔·30 + 100·60)/100 = 82.
        var r = CahpsScoring.Score(FourPoint, [4, 6, 30, 60])!;
        Assert.Equal(100, r.N);
        Assert.Equal(82.0, r.LinearMean, precision: 12);
        Assert.Equal(0.60, r.TopBox, precision: 12);      // Always
        Assert.Equal(0.30, r.MiddleBox, precision: 12);   // Usually
        Assert.Equal(0.10, r.BottomBox, precision: 12);   // Never + Sometimes
    }

    [Fact]
    public void LinearValue_FourPoint_Is0_33_67_100() =>
        Assert.Equal([0, 100.0 / 3, 200.0 / 3, 100], Enumerable.Range(0, 4).Select(FourPoint.LinearValue));

    [Fact]
    public void Score_Rating0To10_TopBoxIs9And10_BottomBoxIs0To6_MeanIsTenTimesTheAnswer()
    {
        int[] counts = new int[11];
        counts[10] = 5; counts[9] = 5; counts[8] = 4; counts[7] = 2; counts[6] = 3; counts[0] = 1;   // n = 20
        var r = CahpsScoring.Score(Rating, counts)!;
        Assert.Equal(CahpsScaleKind.Rating0To10, Rating.Kind);
        Assert.Equal(0.50, r.TopBox, precision: 12);
        Assert.Equal(0.20, r.BottomBox, precision: 12);
        Assert.Equal(0.30, r.MiddleBox, precision: 12);
        Assert.Equal(((10 * 50) + (5 * 90) + (4 * 80) + (2 * 70) + (3 * 60) + 0) / 20.0, r.LinearMean, precision: 12);
    }

    [Fact]
    public void Score_TwoPoint_TopIsYes_BottomIsNo_NoMiddle()
    {
        var r = CahpsScoring.Score(CahpsScale.Create(["No", "Yes"]), [3, 7])!;
        Assert.Equal((0.7, 0.0, 0.3), (r.TopBox, r.MiddleBox, r.BottomBox));
        Assert.Equal(70.0, r.LinearMean, precision: 12);
    }

    [Fact]
    public void Score_ThreePoint_BottomIsTheLeastPositiveCategoryOnly()
    {
        var r = CahpsScoring.Score(CahpsScale.Create(["No", "Yes, somewhat", "Yes, definitely"]), [2, 3, 5])!;
        Assert.Equal((0.5, 0.3, 0.2), (r.TopBox, r.MiddleBox, r.BottomBox));
        Assert.Equal(65.0, r.LinearMean, precision: 12);   // (0·2 + 50·3 + 100·5)/10
    }

    [Fact]
    public void Score_NoResponses_IsInsufficientData() => Assert.Null(CahpsScoring.Score(FourPoint, [0, 0, 0, 0]));

    [Fact]
    public void Score_WrongNumberOfCounts_Throws() => Assert.Throws<ArgumentException>(() => CahpsScoring.Score(FourPoint, [1, 2, 3]));

    [Fact]
    public void Score_NegativeCount_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => CahpsScoring.Score(FourPoint, [1, -2, 3, 4]));

    public static TheoryData<string[]> NotScales => new()
    {
        new[] { "Only" },
        new[] { "a", "b", "c", "d", "e" },
        new[] { "Never", "Never" },
        new[] { "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11" },
    };

    [Theory]
    [MemberData(nameof(NotScales))]
    public void Create_NotACahpsScale_Throws(string[] categories)
    {
        var e = Assert.Throws<ArgumentException>(() => CahpsScale.Create(categories));
        Assert.StartsWith(categories.Distinct().Count() != categories.Length ? "Categories must be distinct." : "A CAHPS scale has 2, 3 or 4 categories", e.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 1_000)]
    public Property Score_BoxesSumToOne_AndMeanIsWithinZeroAndHundred() =>
        Prop.ForAll(Gen.Choose(0, 500).ArrayOf(4).Where(c => c.Sum() > 0).ToArbitrary(), counts =>
        {
            var r = CahpsScoring.Score(FourPoint, counts)!;
            return Math.Abs(r.TopBox + r.MiddleBox + r.BottomBox - 1.0) < 1e-12 && r.LinearMean is >= 0 and <= 100;
        });

    [Property(MaxTest = 500)]
    public Property Score_MovingAResponseUpACategory_NeverLowersTheMean() =>
        Prop.ForAll(Gen.Choose(0, 200).ArrayOf(4).Where(c => c.Take(3).Sum() > 0).ToArbitrary(), counts =>
        {
            int from = Array.FindIndex(counts, c => c > 0);
            if (from == 3) return true;
            var moved = (int[])counts.Clone();
            moved[from]--; moved[from + 1]++;
            return CahpsScoring.Score(FourPoint, moved)!.LinearMean >= CahpsScoring.Score(FourPoint, counts)!.LinearMean - 1e-12;
        });
}
