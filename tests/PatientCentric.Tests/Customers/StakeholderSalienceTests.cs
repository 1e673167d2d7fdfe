using PatientCentric.Customers;
using PatientCentric.Scoring;

namespace PatientCentric.Tests.Customers;

public sealed class StakeholderSalienceTests
{
    // DOMAIN.md §5.2, the Mitchell, Agle & Wood (1997) table, row by row.
    [Theory]
    [InlineData(true, false, false, SalienceClass.Dormant, SalienceGroup.Latent, 1)]
    [InlineData(false, true, false, SalienceClass.Discretionary, SalienceGroup.Latent, 1)]
    [InlineData(false, false, true, SalienceClass.Demanding, SalienceGroup.Latent, 1)]
    [InlineData(true, true, false, SalienceClass.Dominant, SalienceGroup.Expectant, 2)]
    [InlineData(true, false, true, SalienceClass.Dangerous, SalienceGroup.Expectant, 2)]
    [InlineData(false, true, true, SalienceClass.Dependent, SalienceGroup.Expectant, 2)]
    [InlineData(true, true, true, SalienceClass.Definitive, SalienceGroup.Definitive, 3)]
    [InlineData(false, false, false, SalienceClass.NonStakeholder, SalienceGroup.None, 0)]
    public void Classify_FollowsTheTable(bool power, bool legitimacy, bool urgency, SalienceClass cls, SalienceGroup group, int salience)
    {
        var s = new StakeholderSalience(power, legitimacy, urgency);
        Assert.Equal((cls, group, salience), (s.Class, s.Group, s.Salience));
    }

    [Fact]
    public void FromScores_CountsAnAttributeAsPresentFromHalf()
    {
        var s = StakeholderSalience.FromScores(0.5, 0.4999, 1);
        Assert.Equal(SalienceClass.Dangerous, s.Class);
        Assert.Throws<ArgumentOutOfRangeException>(() => StakeholderSalience.FromScores(1.2, 0, 0));
    }

    [Fact]
    public void SalienceStrategy_RanksBySalience_AndNamesTheDefinitiveStakeholder()
    {
        var input = CustomerTestData.ThreeStakeholders() with
        {
            Salience = [new("patients", 1, 1, 0.6), new("payer", 1, 1, 0), new("referrers", 0, 0.8, 0)],
        };
        var d = new SalienceStrategy().Decide(input, TestData.Context());
        Assert.Equal("patients", d.WinnerKey);
        Assert.Equal(DecisionOutcome.Winner, d.Outcome);
        Assert.Equal(["patients", "payer", "referrers"], d.Ranking.Select(c => c.Scope.Key));
        Assert.Equal([1.0, 2 / 3.0, 1 / 3.0], d.Ranking.Select(c => c.Value!.Value));
        Assert.Equal(1 / 3.0, d.ScoreMargin!.Value, 12);
        Assert.Equal(WeightMarginStatus.NotApplicable, d.WeightMargin.Status);
        Assert.Equal(ScopeLevel.Stakeholder, d.Ranking[0].Scope.Level);
        // Contributions of power, legitimacy and urgency sum to the value.
        Assert.Equal(1.0, d.Ranking[0].Components.Sum(c => c.Contribution ?? 0), 12);
    }

    [Fact]
    public void SalienceStrategy_OnlyLatentStakeholders_HasNoCandidate()
    {
        var input = CustomerTestData.ThreeStakeholders() with
        {
            Salience = [new("patients", 1, 0, 0), new("payer", 0, 0, 0), new("referrers", 0, 0, 0)],
        };
        var d = new SalienceStrategy().Decide(input, TestData.Context());
        Assert.Equal(DecisionOutcome.NoCandidate, d.Outcome);
        Assert.Null(d.WinnerKey);
    }
}
