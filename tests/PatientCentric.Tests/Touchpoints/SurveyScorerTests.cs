using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Touchpoints;
using static PatientCentric.Tests.TestData;

namespace PatientCentric.Tests.Touchpoints;

public sealed class SurveyScorerTests
{
    private static readonly SurveyItem Recommend = new("recommend", "Recommend?", SurveyItemKind.LikelihoodToRecommend, ZeroToTen, InteractionRole.Customer);

    [Fact]
    public void Nps_ContributionsSumToTheValue_AndInvalidAnswersAreExcluded()
    {
        var returns = new[] { "10", "9", "8", "3", "9", "eleven" }.Select(a => Return("recommend", a));
        var card = Assert.Single(new NpsScorer().Score(Data(items: [Recommend], returns: returns), Context()));
        Assert.Equal("nps:recommend", card.MeasureKey);
        Assert.Equal((3 - 1) / 5.0, card.Value!.Value, precision: 15);
        Assert.Equal(card.Value!.Value, card.Components.Sum(c => c.Contribution ?? 0), precision: 15);
        Assert.Equal((5, 1), (card.EvidenceCount, card.ExcludedCount));
    }

    [Fact]
    public void Nps_ReturnsOutsideThePeriod_AreIgnored()
    {
        var outside = new SurveyReturn("S-out", "P", "primary-care", new DateOnly(2025, 2, 1), System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty.Add("recommend", "0"));
        var card = Assert.Single(new NpsScorer().Score(Data(items: [Recommend], returns: [Return("recommend", "10"), outside]), Context()));
        Assert.Equal(1.0, card.Value);
    }

    [Fact]
    public void Nps_BelowThirtyAnswers_IsInsufficientDataByDefault()
    {
        var returns = Enumerable.Range(0, 29).Select(_ => Return("recommend", "10"));
        var card = Assert.Single(new NpsScorer().Score(Data(items: [Recommend], returns: returns), Context(BuiltInProfiles.AestheticSelfPay)));
        Assert.Equal(ScoreStatus.InsufficientData, card.Status);
        Assert.Equal(29, card.EvidenceCount);
    }

    [Fact]
    public void Cahps_Composite_IsTheUnweightedMeanOfItemTopBoxes_EachOverItsOwnRespondents()
    {
        var a = new SurveyItem("a", "Item A", SurveyItemKind.Report, Frequency, InteractionRole.Customer, "staff");
        var b = new SurveyItem("b", "Item B", SurveyItemKind.Report, Frequency, InteractionRole.Customer, "staff");
        var returns = new[] { Return("a", "Always"), Return("a", "Never"), Return("b", "Always"), Return("b", "Always"), Return("b", "Always"), Return("b", "Usually") };
        var card = Assert.Single(new CahpsCompositeScorer().Score(Data(items: [a, b], returns: returns), Context()));
        Assert.Equal("cahps:staff", card.MeasureKey);
        Assert.Equal((0.5 + 0.75) / 2, card.Value!.Value, precision: 15);   // not pooled: pooled would be 4/6
        Assert.Equal(2, card.EvidenceCount);                                  // smallest item n
        Assert.Equal(card.Value!.Value, card.Components.Sum(c => c.Contribution ?? 0), precision: 15);
    }
}
