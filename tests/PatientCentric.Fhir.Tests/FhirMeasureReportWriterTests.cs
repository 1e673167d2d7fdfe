using System.Collections.Immutable;
using System.Text;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Validation;
using Microsoft.Extensions.DependencyInjection;
using PatientCentric.Control;
using PatientCentric.Scoring;
using PatientCentric.Touchpoints;

namespace PatientCentric.Fhir.Tests;

public sealed partial class FhirMeasureReportWriterTests
{
    private const string PopulationSystem = "http://terminology.hl7.org/CodeSystem/measure-population";
    private const string ImprovementSystem = "http://terminology.hl7.org/CodeSystem/measure-improvement-notation";
    private const string FhirIdPattern = "^[A-Za-z0-9\\-\\.]{1,64}$";
    private static readonly DateTimeOffset AsOf = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly string SyntheaFile = Path.Combine(AppContext.BaseDirectory, "Data", "synthea", "Eboni_Brekke_ae30c5e1-23da-4ecd-a320-a2c6047f3a19.json");
    private static readonly ImmutableArray<byte> Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static PracticeEvaluation EvaluateSynthea()
    {
        var data = new FhirPracticeReader(new FhirReadOptions { PseudonymKey = Key, PracticeName = "Synthea Family Practice" }).ReadJsonFile(SyntheaFile).Data;
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
        int periodReports = evaluation.Series.Where(s => s.Scope.Level == ScopeLevel.Practice).Sum(s => s.Points.Length);
        Assert.Equal(1 + measureKeys + evaluation.Cards.Length + evaluation.PatientCards.Length + periodReports, resources.Count);
        Assert.All(resources, AssertValid);
        Assert.All(resources, r => Assert.Matches(FhirIdPattern, r.Id));
        Assert.All(resources.OfType<MeasureReport>().Take(evaluation.Cards.Length + evaluation.PatientCards.Length), r =>
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
        Assert.Equal(["Organization", "Measure", "Measure", "Measure", "MeasureReport", "MeasureReport", "MeasureReport", "MeasureReport"], resources.Select(r => r.TypeName));

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

    private static PracticeEvaluation WithCards(PracticeEvaluation evaluation, ImmutableArray<ScoreCard> cards, ImmutableArray<ScoreCard> patientCards) =>
        evaluation with { Cards = cards, PatientCards = patientCards };

    [Fact]
    public void HandMadeEvaluation_GetsTheDocumentedIds()
    {
        // Pinned: an id is a contract (a server upserts by it). Hashes are SHA-256 over "{length}:{part}" of each part,
        // computed independently (Python hashlib) from the scheme in docs/fhir.md.
        var resources = new FhirMeasureReportWriter().Build(HandMade());
        Assert.Equal(
            [
                "Test-practice-c3a511e729670083",
                "kept-rate", "lead-time", "pdc",
                "kept-rate.practice-f4484127b81345d7",
                "lead-time.service-line.dermatology-9e7aa96fcba47481",
                "kept-rate.service-line.derm-atology-36c5f86ed327f194",
                "pdc.patient-a58464e6cda5e0ad",
            ],
            resources.Select(r => r.Id));
    }

    [Fact]
    public void Ids_AreValidUnique_AndTheSameForTwoEvaluationsOfTheSameData()
    {
        var first = new FhirMeasureReportWriter().Build(EvaluateSynthea());
        var second = new FhirMeasureReportWriter().Build(EvaluateSynthea());
        var ids = first.Select(r => r.Id).ToList();
        Assert.All(ids, id => Assert.Matches(FhirIdPattern, id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(ids, second.Select(r => r.Id));
    }

    [Fact]
    public void Ids_StayValidDistinctAndConsistent_ForCollidingLongAndRepeatedKeys()
    {
        string longKey = "x" + new string('y', 99);
        string longLine = "service line " + new string('z', 90);
        var card = ScoreCard.Ok("pdc-statins", ScoreScope.Practice, 0.5, ScoreScale.Proportion, 20, 0, []);
        var evaluation = WithCards(HandMade(),
            [
                ScoreCard.Ok("pdc:statins", ScoreScope.Practice, 0.5, ScoreScale.Proportion, 20, 0, []),   // sanitises to the next key
                card,
                card,                                                                                     // the same card twice
                ScoreCard.Ok(longKey, ScoreScope.Practice, 2, ScoreScale.Days, 20, 0, []),
                ScoreCard.Ok("pdc-statins", ScoreScope.ServiceLine(longLine), 0.5, ScoreScale.Proportion, 20, 0, []),
                ScoreCard.Ok("pdc-statins", ScoreScope.ServiceLine(longLine + "!"), 0.5, ScoreScale.Proportion, 20, 0, []),
                ScoreCard.Ok("pdc-statins", ScoreScope.ServiceLine(longLine + "?"), 0.5, ScoreScale.Proportion, 20, 0, []),
            ],
            [ScoreCard.Ok("pdc:statins", ScoreScope.Patient("P-" + new string('9', 80)), 0.9, ScoreScale.Proportion, 3, 0, [])]);
        var resources = new FhirMeasureReportWriter().Build(evaluation);
        Assert.All(resources, AssertValid);
        var ids = resources.Select(r => r.Id).ToList();
        Assert.All(ids, id => Assert.Matches(FhirIdPattern, id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(ids, new FhirMeasureReportWriter().Build(evaluation).Select(r => r.Id));

        var measures = resources.OfType<Measure>().ToDictionary(m => m.Title!, StringComparer.Ordinal);
        Assert.Equal(3, measures.Count);
        Assert.Equal("pdc-statins", measures["pdc-statins"].Id);   // a key that is a valid id keeps it
        Assert.StartsWith("pdc-statins-", measures["pdc:statins"].Id, StringComparison.Ordinal);
        Assert.StartsWith("xyyy", measures[longKey].Id, StringComparison.Ordinal);
        // Each report points at its own measure's canonical URL.
        var reports = resources.OfType<MeasureReport>().ToList();
        string[] keys = [.. evaluation.Cards.Concat(evaluation.PatientCards).Select(c => c.MeasureKey)];
        Assert.Equal(keys.Length, reports.Count);
        for (int i = 0; i < keys.Length; i++)
            Assert.Equal(measures[keys[i]].Url, reports[i].Measure);
    }

    [Fact]
    public void Ids_NeverShowThePatientKey_WhileTheSubjectStillReferencesIt()
    {
        // The key a card carries is a pseudonym by default, but the FHIR Patient id with IncludePatientReferences.
        const string Sentinel = "PID-SENTINEL-7f3a";
        var evaluation = WithCards(HandMade(), [],
            [
                ScoreCard.Ok("pdc:statins", ScoreScope.Patient(Sentinel), 0.9, ScoreScale.Proportion, 30, 0, []),
                ScoreCard.Ok("referral-closure", ScoreScope.Patient(Sentinel), 1, ScoreScale.Proportion, 2, 0, []),
            ]);
        var resources = new FhirMeasureReportWriter().Build(evaluation);
        Assert.All(resources, r => Assert.DoesNotContain("SENTINEL", r.Id, StringComparison.OrdinalIgnoreCase));
        Assert.All(resources, r => Assert.DoesNotContain("7f3a", r.Id, StringComparison.OrdinalIgnoreCase));
        Assert.All(resources.OfType<MeasureReport>(), r => Assert.Equal("Patient/" + Sentinel, r.Subject!.Reference));
        Assert.Equal(2, resources.OfType<MeasureReport>().Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void EveryReport_NamesThePracticeOrganization_AsItsReporter()
    {
        var evaluation = EvaluateSynthea();
        var resources = new FhirMeasureReportWriter().Build(evaluation);
        var organization = Assert.Single(resources.OfType<Organization>());
        Assert.Equal("Synthea Family Practice", organization.Name);
        Assert.Equal(evaluation.PracticeName, organization.Name);
        AssertValid(organization);
        var reports = resources.OfType<MeasureReport>().ToList();
        Assert.NotEmpty(reports);
        Assert.All(reports, r => Assert.Equal("Organization/" + organization.Id, r.Reporter!.Reference));
    }

    [Fact]
    public void BlankPracticeName_GivesNoOrganization_AndNoReporter()
    {
        var resources = new FhirMeasureReportWriter().Build(HandMade() with { PracticeName = " " });
        Assert.Empty(resources.OfType<Organization>());
        Assert.All(resources.OfType<MeasureReport>(), r => Assert.Null(r.Reporter));
        Assert.All(resources, AssertValid);
    }

    [Theory]
    [InlineData("no-show-rate", "decrease")]
    [InlineData("lead-time", "decrease")]
    [InlineData("wait-to-be-seen", "decrease")]
    [InlineData("call-abandonment-rate", "decrease")]
    [InlineData("nps:recommend", "increase")]
    [InlineData("pdc:statins", "increase")]
    [InlineData("clean-claim-rate", "increase")]
    [InlineData("cahps:office-staff", "increase")]
    [InlineData("commitment:trust", "increase")]
    [InlineData("telehealth-share", null)]
    [InlineData("statement-to-payment-days", null)]
    [InlineData("host-defined-measure", null)]
    public void ImprovementNotation_FollowsTheMeasuresDirection(string measureKey, string? expected)
    {
        var direction = MeasureCatalog.DirectionOf(measureKey);
        Assert.Equal(expected, direction switch { ImprovementDirection.Increase => "increase", ImprovementDirection.Decrease => "decrease", _ => null });
        var evaluation = WithCards(HandMade(),
            [ScoreCard.Ok(measureKey, ScoreScope.Practice, 0.5, ScoreScale.Proportion, 20, 0, [])],
            [ScoreCard.Ok(measureKey, ScoreScope.Patient("P-0123ABCD"), 0.5, ScoreScale.Proportion, 2, 0, [])]);
        var resources = new FhirMeasureReportWriter().Build(evaluation);
        Assert.All(resources, AssertValid);
        var notations = resources.OfType<Measure>().Select(m => m.ImprovementNotation)
            .Concat(resources.OfType<MeasureReport>().Select(r => r.ImprovementNotation)).ToList();
        Assert.Equal(3, notations.Count);
        foreach (var notation in notations)
        {
            if (expected is null)
            {
                Assert.Null(notation);
                continue;
            }
            var coding = Assert.Single(notation!.Coding);
            Assert.Equal(ImprovementSystem, coding.System);
            Assert.Equal(expected, coding.Code);
        }
    }

    [Fact]
    public void RealEvaluation_EveryScoredMeasureHasADefinedDirection()
    {
        // A new built-in measure must be placed in the direction table (increase, decrease or neutral), not fall through.
        var cards = EvaluateSynthea().Cards.Where(c => c.Status != ScoreStatus.GuardrailBlocked).ToList();
        Assert.NotEmpty(cards);
        Assert.All(cards, c => Assert.True(MeasureCatalog.DirectionOf(c.MeasureKey) is not null, c.MeasureKey));
        Assert.Null(MeasureCatalog.DirectionOf("access-rates"));   // a scorer key, not a measure
    }
}
