using PatientCentric.Scoring;
using PatientCentric.Touchpoints;

namespace PatientCentric.Tests.Touchpoints;

public sealed class CommitmentRubricTests
{
    [Fact]
    public void Score_IsTheWeightedMeanOfNormalisedMeasures_SkippingThoseWithoutValue()
    {
        // wait 15 min on [60 → 0] → 0.75; lead time 7 d on [30 → 0] → 23/30; weights 2 : 1 → (2·0.75 + 23/30)/3.
        var card = CommitmentRubric.Score(Commitment.RespectingTime,
            [new("wait-to-be-seen", 15, 60, 0, 2), new("lead-time", 7, 30, 0), new("tnaa", null, 30, 0)], ScoreScope.Practice);
        Assert.Equal("commitment:respecting-time", card.MeasureKey);
        Assert.Equal(((2 * 0.75) + (23.0 / 30)) / 3, card.Value!.Value, precision: 15);
        Assert.Equal(card.Value!.Value, card.Components.Sum(c => c.Contribution ?? 0), precision: 15);
        Assert.Contains(card.Components, c => c.Name == "skipped:tnaa");
    }

    [Fact]
    public void Score_ClipsToTheBounds() =>
        Assert.Equal(1.0, CommitmentRubric.Score(Commitment.Engagement, [new("portal-response", -2, 24, 1)], ScoreScope.Practice).Value);

    [Fact]
    public void Score_NoValues_IsNotApplicable() =>
        Assert.Equal(ScoreStatus.NotApplicable, CommitmentRubric.Score(Commitment.Trust, [new("x", null, 0, 1)], ScoreScope.Practice).Status);

    [Fact]
    public void Score_EqualBounds_AreRefused() =>
        Assert.Throws<ArgumentException>(() => CommitmentRubric.Score(Commitment.Trust, [new("x", 1, 5, 5)], ScoreScope.Practice));
}
