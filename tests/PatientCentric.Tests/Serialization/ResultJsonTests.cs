using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PatientCentric.Scoring;
using PatientCentric.Serialization;

namespace PatientCentric.Tests.Serialization;

public sealed class ResultJsonTests
{
    [Fact]
    public void Evaluation_RoundTripsThroughTheJsonContext()
    {
        var appointments = Enumerable.Range(1, 12).Select(i => TestData.Kept(TestData.Jan(i + 5, 9), arrived: TestData.Jan(i + 5, 9), departed: TestData.Jan(i + 5, 9, 30 + i)));
        using var provider = new ServiceCollection().AddPatientCentric().BuildServiceProvider();
        var evaluation = provider.GetRequiredService<PracticeEvaluator>().Evaluate(TestData.Data(appointments));

        string json = JsonSerializer.Serialize(evaluation, PatientCentricJsonContext.Default.PracticeEvaluation);
        var back = JsonSerializer.Deserialize(json, PatientCentricJsonContext.Default.PracticeEvaluation)!;

        Assert.Equal(JsonSerializer.Serialize(back, PatientCentricJsonContext.Default.PracticeEvaluation), json);
        Assert.Contains("\"status\":\"Ok\"", json, StringComparison.Ordinal);
        Assert.Contains("\"scale\":\"Minutes\"", json, StringComparison.Ordinal);
        Assert.Contains("\"value\":null", json, StringComparison.Ordinal);   // insufficient cards say so explicitly
        Assert.Equal(evaluation.Cards.Length, back.Cards.Length);
    }

    [Fact]
    public void Options_RoundTripWithTheirProfiles()
    {
        var options = new PatientCentricOptions { Profile = "mine" };
        options.Profiles["mine"] = new ProfileOptions { CustomerServiceWeight = 1, QualityOfCareWeight = 2 };
        options.Profiles["mine"].EnabledStrategies.Add("nps");
        string json = JsonSerializer.Serialize(options, PatientCentricJsonContext.Default.PatientCentricOptions);
        var back = JsonSerializer.Deserialize(json, PatientCentricJsonContext.Default.PatientCentricOptions)!;
        Assert.Equal("mine", back.Profile);
        Assert.Equal(2, back.Profiles["mine"].QualityOfCareWeight);
        Assert.Equal(["nps"], back.Profiles["mine"].EnabledStrategies);
    }
}
