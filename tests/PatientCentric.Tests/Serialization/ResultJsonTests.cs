using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PatientCentric.Control;
using PatientCentric.Customers;
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
        Assert.Contains("\"status\":\"ok\"", json, StringComparison.Ordinal);
        Assert.Contains("\"scale\":\"minutes\"", json, StringComparison.Ordinal);
        Assert.Contains("\"level\":\"practice\"", json, StringComparison.Ordinal);
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

    [Fact]
    public void EveryPublicEnum_HasTheCamelCaseConverter()
    {
        var enums = typeof(ScoreCard).Assembly.GetExportedTypes().Where(t => t.IsEnum).ToHashSet();
        Assert.Equal(enums.OrderBy(t => t.FullName), JsonEnumConverterFactory.Types.OrderBy(t => t.FullName));
        var inContext = enums.Where(t => PatientCentricJsonContext.Default.GetTypeInfo(t) is not null).ToList();
        Assert.Contains(typeof(SpecialCauseRule), inContext);
        foreach (var t in inContext)
            Assert.Equal(typeof(JsonEnumConverter<>).MakeGenericType(t), PatientCentricJsonContext.Default.GetTypeInfo(t)!.Converter.GetType());
    }

    [Fact]
    public void EveryEnumsNameTable_NamesEachMemberOnce_AndFindsItByItsJsonAndMemberNames()
    {
        foreach (var type in JsonEnumConverterFactory.Types)
        {
            var table = JsonEnumTable.Of(type);
            var names = Enum.GetNames(type);
            var jsonNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in names)
            {
                int value = (int)Enum.Parse(type, member);
                string json = table.NameOf(value);
                Assert.True(jsonNames.Add(json), $"{type.Name}.{member}");
                Assert.Equal(json, table.EncodedNameOf(value).Value);
                Assert.Equal(value, table.Find(json));
                Assert.Equal(value, table.Find(member.ToUpperInvariant()));
            }
            Assert.Null(table.Find("no such member"));
            Assert.Throws<JsonException>(() => table.NameOf(int.MinValue));
        }
        Assert.Throws<ArgumentException>(() => JsonEnumTable.Of(typeof(ConsoleKeyInfo)));
    }

    [Theory]
    [InlineData(ScoreStatus.NotApplicable, "\"notApplicable\"")]
    [InlineData(ScoreScale.Points0To100, "\"points0To100\"")]
    [InlineData(PointType.SpecialCauseConcern, "\"specialCauseConcern\"")]
    [InlineData(SpecialCauseRule.Shift, "\"shift\"")]
    [InlineData(SpecialCauseRule.None, "null")]                       // no rule applies: absence is null, as in eval
    [InlineData(SalienceGroup.None, "\"none\"")]                      // a setting (screen nobody out), not an absence
    [InlineData(TopsisNormalization.None, "\"none\"")]                // a setting (do not normalise)
    [InlineData(RandomIndexTable.Saaty1980, "\"saaty1980\"")]
    [InlineData(PatientCentric.Jobs.CmaType.CMA7, "\"CMA7\"")]                        // no lower-case letter: kept as published
    public void Enum_IsWrittenInCamelCase_AndReadBack(Enum value, string json)
    {
        var options = new JsonSerializerOptions { Converters = { new JsonEnumConverterFactory() }, TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };
        Assert.Equal(json, JsonSerializer.Serialize(value, value.GetType(), options));
        Assert.Equal(value, JsonSerializer.Deserialize(json, value.GetType(), options));
    }

    [Fact]
    public void Enum_UnknownValue_IsRefusedWithTheAllowedValues()
    {
        var info = PatientCentricJsonContext.Default.GetTypeInfo(typeof(SpecialCauseRule))!;
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\"sideways\"", info));
        Assert.Equal("expected one of \"astronomical\", \"trend\", \"twoOfThree\", \"shift\" or null.", e.Message);
    }
}
