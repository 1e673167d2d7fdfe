using System.Collections.Immutable;
using System.Text;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Validation;
using Microsoft.Extensions.DependencyInjection;
using PatientCentric.Scoring;

namespace PatientCentric.Fhir.Tests;

public sealed class FhirMeasureReportWriterTests
{
    private const string PopulationSystem = "http://terminology.hl7.org/CodeSystem/measure-population";
    private static readonly DateTimeOffset AsOf = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly string SyntheaFile = Path.Combine(AppContext.BaseDirectory, "Data", "synthea", "Eboni_Brekke_ae30c5e1-23da-4ecd-a320-a2c6047f3a19.json");
    private static readonly ImmutableArray<byte> Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static PracticeEvaluation EvaluateSynthea()
    {
        var data = new FhirPracticeReader(new FhirReadOptions { PseudonymKey = Key }).ReadJsonFile(SyntheaFile).Data;
        using var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FixedTimeProvider(AsOf))
            .AddPatientCentric()
            .BuildServiceProvider();
        return services.GetRequiredService<PracticeEvaluator>().Evaluate(data);
    }

    private static PracticeEvaluation HandMade() =>
        new("Test practice", BuiltInProfiles.PrimaryCareFeeForService, new MeasurementPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31)),
            AsOf, "UTC",
            [
                ScoreCard.Ok("kept-rate", ScoreScope.Practice, 0.25, ScoreScale.Proportion, 8, 2, []),
                ScoreCard.Ok("lead-time", ScoreScope.ServiceLine("dermatology"), 3.5, ScoreScale.Days, 12, 0, []),
                ScoreCard.WithoutValue("kept-rate", ScoreScope.ServiceLine("derm atology"), ScoreScale.Proportion, ScoreStatus.NotApplicable,
                                       "No appointments in this service line."),
            ])
        {
            PatientCards = [ScoreCard.Ok("pdc", ScoreScope.Patient("P-0123ABCD"), 0.9, ScoreScale.Proportion, 30, 0, [])],
        };

    private static void AssertValid(Resource resource)
    {
        var issues = resource.Validate();
        Assert.True(issues.Count == 0, $"{resource.TypeName}: {string.Join("; ", issues)}");
    }

    private static MeasureReport.PopulationComponent? Population(MeasureReport.GroupComponent group, string code) =>
        group.Population.SingleOrDefault(p => p.Code!.Coding.Single().System == PopulationSystem && p.Code.Coding.Single().Code == code);

    [Fact]
    public void Validator_IsLive_ItRejectsAReportWithoutRequiredElements()
    {
        // Guards the validation tests above against a validator that accepts anything.
        Assert.NotEmpty(new MeasureReport { Measure = "https://example.org/Measure/x" }.Validate());
    }

    [Fact]
    public void Constructor_RejectsRelativeOrNonHttpBase_AndIgnoresTrailingSlash()
    {
        Assert.Throws<ArgumentException>(() => new FhirMeasureReportWriter("fhir/base"));
        Assert.Throws<ArgumentException>(() => new FhirMeasureReportWriter("ftp://example.org/fhir"));
        Assert.Throws<ArgumentException>(() => new FhirMeasureReportWriter(" "));
        var measure = new FhirMeasureReportWriter("https://example.org/fhir/").Build(HandMade()).OfType<Measure>().First();
        Assert.Equal("https://example.org/fhir/Measure/kept-rate", measure.Url);
    }

    [Fact]
    public void RealEvaluation_EveryResourcePassesFirelyValidation()
    {
        var evaluation = EvaluateSynthea();
        Assert.NotEmpty(evaluation.Cards);
        Assert.Contains(evaluation.Cards, c => c.Status == ScoreStatus.Ok);
        Assert.Contains(evaluation.Cards, c => c.Status != ScoreStatus.Ok);
        var resources = new FhirMeasureReportWriter().Build(evaluation);
        var measureKeys = evaluation.Cards.Concat(evaluation.PatientCards).Select(c => c.MeasureKey).Distinct().Count();
        Assert.Equal(measureKeys + evaluation.Cards.Length + evaluation.PatientCards.Length, resources.Count);
        Assert.All(resources, AssertValid);
        Assert.All(resources.OfType<Measure>(), m => Assert.Matches("^[A-Za-z0-9\\-\\.]{1,64}$", m.Id));
        Assert.All(resources.OfType<MeasureReport>(), r =>
        {
            Assert.Equal(MeasureReport.MeasureReportStatus.Complete, r.Status);
            Assert.Equal(evaluation.Period.Start.ToString("yyyy-MM-dd"), r.Period!.Start);
            Assert.Equal(evaluation.Period.End.ToString("yyyy-MM-dd"), r.Period!.End);
        });
        Assert.Equal(evaluation.PatientCards.Length, resources.OfType<MeasureReport>().Count(r => r.Type == MeasureReport.MeasureReportType.Individual));
    }

    [Fact]
    public void HandMadeEvaluation_MapsToExactResources()
    {
        var resources = new FhirMeasureReportWriter().Build(HandMade());
        Assert.All(resources, AssertValid);
        Assert.Equal(["Measure", "Measure", "Measure", "MeasureReport", "MeasureReport", "MeasureReport", "MeasureReport"], resources.Select(r => r.TypeName));

        var measures = resources.OfType<Measure>().ToList();
        Assert.Equal(["kept-rate", "lead-time", "pdc"], measures.Select(m => m.Id));
        Assert.Equal("KeptRate", measures[0].Name);
        Assert.Equal(PublicationStatus.Active, measures[0].Status);
        Assert.Equal("proportion", measures[0].Scoring!.Coding.Single().Code);
        Assert.Equal("continuous-variable", measures[1].Scoring!.Coding.Single().Code);
        Assert.Equal(["initial-population", "denominator", "denominator-exclusion", "numerator"],
                     measures[0].Group.Single().Population.Select(p => p.Code!.Coding.Single().Code));

        var reports = resources.OfType<MeasureReport>().ToList();
        var kept = reports[0];
        Assert.Equal(MeasureReport.MeasureReportType.Summary, kept.Type);
        Assert.Equal("https://patientcentric.example/fhir/Measure/kept-rate", kept.Measure);
        Assert.Equal("2026-01-01", kept.Period!.Start);
        Assert.Equal("2026-01-31", kept.Period!.End);
        Assert.Equal(new FhirDateTime(AsOf).Value, kept.Date);
        Assert.Equal("practice:practice", kept.Identifier.Single().Value);
        Assert.Equal("https://patientcentric.example/fhir/scope", kept.Identifier.Single().System);
        var group = kept.Group.Single();
        Assert.Equal(10, Population(group, "initial-population")!.Count);
        Assert.Equal(8, Population(group, "denominator")!.Count);
        Assert.Equal(2, Population(group, "denominator-exclusion")!.Count);
        Assert.Equal(2, Population(group, "numerator")!.Count);
        Assert.Equal(0.25m, group.MeasureScore!.Value);
        Assert.Equal("1", group.MeasureScore!.Code);

        var lead = reports[1].Group.Single();
        Assert.Equal(3.5m, lead.MeasureScore!.Value);
        Assert.Equal("d", lead.MeasureScore!.Code);
        Assert.Equal("http://unitsofmeasure.org", lead.MeasureScore!.System);
        Assert.Null(Population(lead, "numerator"));
        Assert.Equal(12, Population(lead, "measure-population")!.Count);
        Assert.Equal("service-line:dermatology", reports[1].Identifier.Single().Value);

        var individual = reports[3];
        Assert.Equal(MeasureReport.MeasureReportType.Individual, individual.Type);
        Assert.Equal("Patient/P-0123ABCD", individual.Subject!.Reference);
        Assert.Null(individual.Subject!.Display);
        Assert.Equal(27, Population(individual.Group.Single(), "numerator")!.Count);
    }

    [Fact]
    public void NotApplicableCard_HasNoMeasureScore_AndStatesItsReason()
    {
        var report = new FhirMeasureReportWriter().Build(HandMade()).OfType<MeasureReport>().ElementAt(2);
        var group = report.Group.Single();
        Assert.Null(group.MeasureScore);
        Assert.Null(Population(group, "numerator"));
        Assert.Equal("NotApplicable: No appointments in this service line.", group.Code!.Text);
        AssertValid(report);
    }

    [Fact]
    public void NumeratorComponent_WinsOverRoundedProduct()
    {
        var evaluation = HandMade() with
        {
            Cards = [ScoreCard.Ok("kept-rate", ScoreScope.Practice, 0.3, ScoreScale.Proportion, 10, 0,
                                  [ScoreComponent.Describe("numerator", 3, ScoreScale.Count, "Kept appointments.")])],
            PatientCards = [],
        };
        var report = new FhirMeasureReportWriter().Build(evaluation).OfType<MeasureReport>().Single();
        Assert.Equal(3, Population(report.Group.Single(), "numerator")!.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WriteNdjson_WritesOneParsableResourcePerLine(bool real)
    {
        var evaluation = real ? EvaluateSynthea() : HandMade();
        var writer = new FhirMeasureReportWriter();
        var expected = writer.Build(evaluation);
        using var stream = new MemoryStream();
        writer.WriteNdjson(evaluation, stream);
        var bytes = stream.ToArray();
        Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.EndsWith("\n", text);
        Assert.DoesNotContain("\r", text);
        var lines = text.Split('\n')[..^1];
        Assert.Equal(expected.Count, lines.Length);
        var parser = new FhirJsonDeserializer(new DeserializerSettings().UsingMode(DeserializationMode.Strict));
        for (var i = 0; i < lines.Length; i++)
        {
            var parsed = parser.DeserializeResource(lines[i]);
            Assert.Equal(expected[i].TypeName, parsed.TypeName);
            Assert.True(parsed.IsExactly(expected[i]), $"line {i + 1} differs");
        }
    }
}
