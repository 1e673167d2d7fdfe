using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PatientCentric.Scoring;
using static PatientCentric.Tests.TestData;

namespace PatientCentric.Tests.Scoring;

public sealed class TargetTests
{
    [Theory]
    [InlineData(0.95, true, 0.95, true)]     // equal to the target meets it
    [InlineData(0.95, true, 0.94, false)]
    [InlineData(0.05, false, 0.05, true)]
    [InlineData(0.05, false, 0.06, false)]
    public void IsMetBy_HonoursTheDirection(double target, bool higherIsBetter, double value, bool met) =>
        Assert.Equal(met, new MeasureTarget(target, higherIsBetter).IsMetBy(value));

    [Fact]
    public void ConfiguredTargets_AddTargetComponentsToCards()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PatientCentric:Profile"] = "mine",
            ["PatientCentric:Profiles:mine:QualityOfCareWeight"] = "1",
            ["PatientCentric:Profiles:mine:MinimumDurationObservations"] = "1",
            ["PatientCentric:Profiles:mine:Targets:cycle-time:Target"] = "45",
            ["PatientCentric:Profiles:mine:Targets:cycle-time:HigherIsBetter"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.Configure<PatientCentricOptions>(config.GetSection(PatientCentricOptions.SectionName));
        using var provider = services.AddPatientCentric().BuildServiceProvider();
        var evaluation = provider.GetRequiredService<PracticeEvaluator>().Evaluate(Data([Kept(Jan(10, 9), arrived: Jan(10, 9), departed: Jan(10, 9, 50))]));
        var card = evaluation.Cards.First(c => c.MeasureKey == "cycle-time");
        Assert.Equal(45.0, card.Components.Single(c => c.Name == "target").InputValue);
        Assert.Equal(0.0, card.Components.Single(c => c.Name == "meets-target").InputValue);   // 50 min > 45
        Assert.True(evaluation.Profile.Targets.ContainsKey("clean-claim-rate"));             // built-in targets stay
    }
}
