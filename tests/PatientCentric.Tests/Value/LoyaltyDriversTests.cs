using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Value;

namespace PatientCentric.Tests.Value;

public sealed class LoyaltyDriversTests
{
    private static readonly ImmutableArray<string> Frequency = ["Never", "Sometimes", "Usually", "Always"];

    private static PracticeDataSet Data(int returns, bool withPartnerItem = false)
    {
        var random = new Random(7);
        var items = new List<SurveyItem>
        {
            new("recommend", "Recommend?", SurveyItemKind.LikelihoodToRecommend, TestData.ZeroToTen, InteractionRole.Customer),
            new("access", "Access", SurveyItemKind.Report, Frequency, InteractionRole.Customer),
            new("parking", "Parking", SurveyItemKind.Report, Frequency, InteractionRole.Customer),
        };
        if (withPartnerItem)
            items.Add(new("explained", "Explained", SurveyItemKind.Report, Frequency, InteractionRole.Partner));
        var list = new List<SurveyReturn>();
        for (int i = 0; i < returns; i++)
        {
            int access = random.Next(4), parking = random.Next(4);
            int recommend = Math.Clamp((access * 3) + random.Next(-1, 2), 0, 10);   // access drives recommend; parking is noise
            var answers = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal)
                .Add("recommend", recommend.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Add("access", Frequency[access]).Add("parking", Frequency[parking]).Add("explained", "Always");
            list.Add(new SurveyReturn($"S{i}", "P", "primary-care", new DateOnly(2025, 1, 10), answers));
        }
        return TestData.Data(items: items, returns: list);
    }

    [Fact]
    public void TheItemThatDrivesRecommend_GetsMostOfRSquared_AndUsesOnlyCustomerItems()
    {
        var ld = LoyaltyDrivers.Analyse(Data(200, withPartnerItem: true), TestData.January)!;
        var weights = ld.Weights.Weights.ToDictionary(w => w.Predictor, w => w.RescaledPercent!.Value);
        Assert.Equal(["access", "parking"], weights.Keys.Order());            // the clinical (Partner) item is never a driver
        Assert.True(weights["access"] > 90, $"access {weights["access"]}");
        Assert.Equal(ld.Weights.RSquared, ld.Weights.Weights.Sum(w => w.RawWeight), precision: 10);
    }

    [Fact]
    public void TooFewReturns_GiveNoAnalysis() => Assert.Null(LoyaltyDrivers.Analyse(Data(40), TestData.January));
}
