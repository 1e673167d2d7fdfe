using System.Collections.Immutable;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PatientCentric.Customers;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Touchpoints;

namespace PatientCentric.Tests.DependencyInjection;

public sealed class AddPatientCentricTests
{
    private sealed class HostScorer : ITouchpointScorer
    {
        public string Key => "host-callback-time";
        public TouchpointKind Kind => TouchpointKind.Communication;
        public MeasureCategory Category => MeasureCategory.Operational;
        public ImmutableArray<ScoreCard> Score(PracticeDataSet data, ScoringContext context) =>
            [ScoreCard.Ok(Key, context.Scope, 0.5, ScoreScale.Proportion, 1, 0, [])];
    }

    private sealed class DuplicateKeyScorer : ITouchpointScorer
    {
        public string Key => "lead-time";
        public TouchpointKind Kind => TouchpointKind.Access;
        public MeasureCategory Category => MeasureCategory.Operational;
        public ImmutableArray<ScoreCard> Score(PracticeDataSet data, ScoringContext context) => [];
    }

    private sealed class FirstByDeclarationStrategy : IPrimaryCustomerStrategy
    {
        public string Key => "first";
        public PrimaryCustomerDecision Decide(StakeholderAssessments assessments, ScoringContext context) =>
            new(Key, assessments.Stakeholders[0].Key, [], assessments.Assessments, null);
    }

    private static ServiceProvider Build(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        configure(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    private static ServiceProvider FromConfiguration(Dictionary<string, string?> settings) => Build(s =>
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        s.Configure<PatientCentricOptions>(config.GetSection(PatientCentricOptions.SectionName));
        s.AddPatientCentric();
    });

    [Fact]
    public void AddPatientCentric_RegistersTheBuiltInScorersAndTheDefaultProfile()
    {
        using var provider = Build(s => s.AddPatientCentric());
        var registry = provider.GetRequiredService<StrategyRegistry>();
        Assert.Equal(["lead-time", "no-show-rate", "access-rates", "tnaa", "wait-to-be-seen", "cycle-time", "on-time-start-rate", "portal-response", "calls", "claims", "billing-experience", "post-visit-contact-rate", "nps", "cahps", "rating"], registry.TouchpointScorers.Select(s => s.Key));
        Assert.Equal(["weighted-sum", "ahp", "topsis", "salience"], registry.PrimaryCustomerStrategies.Select(s => s.Key));
        Assert.Equal(BuiltInProfiles.DefaultKey, provider.GetRequiredService<ProfileCatalog>().Active.Key);
        Assert.Same(provider.GetRequiredService<PracticeEvaluator>(), provider.GetRequiredService<PracticeEvaluator>());
    }

    [Fact]
    public void Builder_AddsHostStrategies_OnceEach()
    {
        using var provider = Build(s => s.AddPatientCentric(pc => pc
            .UseProfile("aesthetic-self-pay")
            .AddTouchpointScorer<HostScorer>()
            .AddTouchpointScorer<HostScorer>()
            .AddPrimaryCustomerStrategy<FirstByDeclarationStrategy>()));
        var registry = provider.GetRequiredService<StrategyRegistry>();
        Assert.Single(registry.TouchpointScorers, s => s.Key == "host-callback-time");
        Assert.Equal("first", registry.GetPrimaryCustomerStrategy("first").Key);
        Assert.Equal("aesthetic-self-pay", provider.GetRequiredService<ProfileCatalog>().Active.Key);
    }

    [Fact]
    public void Registry_TwoStrategiesWithOneKey_IsRefusedNamingTheKey()
    {
        using var provider = Build(s => s.AddPatientCentric(pc => pc.AddTouchpointScorer<DuplicateKeyScorer>()));
        var e = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<StrategyRegistry>());
        Assert.StartsWith("Two strategies share the key \"lead-time\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registry_UnknownKey_ListsTheRegisteredOnes()
    {
        using var provider = Build(s => s.AddPatientCentric());
        var e = Assert.Throws<KeyNotFoundException>(() => provider.GetRequiredService<StrategyRegistry>().GetTouchpointScorer("wait"));
        Assert.Equal("No touchpoint scorer has the key \"wait\". Registered: lead-time, no-show-rate, access-rates, tnaa, wait-to-be-seen, cycle-time, on-time-start-rate, portal-response, calls, claims, billing-experience, post-visit-contact-rate, nps, cahps, rating.", e.Message);
    }

    [Fact]
    public void Configuration_BindsAHostProfile_AndNormalisesItsWeights()
    {
        using var provider = FromConfiguration(new()
        {
            ["PatientCentric:Profile"] = "my-clinic",
            ["PatientCentric:Profiles:my-clinic:Description"] = "A test clinic.",
            ["PatientCentric:Profiles:my-clinic:CareSetting"] = "SelfPayElective",
            ["PatientCentric:Profiles:my-clinic:CustomerServiceWeight"] = "2",
            ["PatientCentric:Profiles:my-clinic:QualityOfCareWeight"] = "2",
            ["PatientCentric:Profiles:my-clinic:CostEffectivenessWeight"] = "1",
            ["PatientCentric:Profiles:my-clinic:MinimumSurveyResponses"] = "50",
            ["PatientCentric:Profiles:my-clinic:EnabledStrategies:0"] = "nps",
        });
        var profile = provider.GetRequiredService<ProfileCatalog>().Active;
        Assert.Equal("my-clinic", profile.Key);
        Assert.Equal((0.4, 0.4, 0.2), (profile.Weights.CustomerService, profile.Weights.QualityOfCare, profile.Weights.CostEffectiveness));
        Assert.Equal(50, profile.MinimumEvidence.SurveyResponses);
        Assert.True(profile.IsEnabled("nps"));
        Assert.False(profile.IsEnabled("lead-time"));
    }

    [Fact]
    public void Validation_NamesEveryOffendingSettingByPath()
    {
        using var provider = FromConfiguration(new()
        {
            ["PatientCentric:Profile"] = "nowhere",
            ["PatientCentric:Profiles:bad:CustomerServiceWeight"] = "-0.5",
            ["PatientCentric:Profiles:bad:MinimumRateEvents"] = "0",
            ["PatientCentric:Profiles:bad:EnabledStrategies:0"] = "waittime",
            ["PatientCentric:Profiles:zero:Description"] = "all weights left at 0",
        });
        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PatientCentricOptions>>().Value);
        Assert.Equal(
        [
            "PatientCentric:Profiles:bad:CustomerServiceWeight: must be a finite number of 0 or more, but is -0.5.",
            "PatientCentric:Profiles:bad:MinimumRateEvents: must be 1 or more events, but is 0.",
            "PatientCentric:Profiles:zero: at least one of CustomerServiceWeight, QualityOfCareWeight and CostEffectivenessWeight must be above 0, but all are 0.",
            "PatientCentric:Profile: \"nowhere\" is neither a built-in profile (acute-insured, aesthetic-self-pay, primary-care-fee-for-service, primary-care-value-based) nor declared under PatientCentric:Profiles.",
        ], e.Failures);
    }

    [Fact]
    public void Catalog_UnknownEnabledStrategy_IsNamedByPath()
    {
        using var provider = FromConfiguration(new()
        {
            ["PatientCentric:Profiles:mine:QualityOfCareWeight"] = "1",
            ["PatientCentric:Profiles:mine:EnabledStrategies:0"] = "nps",
            ["PatientCentric:Profiles:mine:EnabledStrategies:1"] = "waittime",
        });
        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ProfileCatalog>());
        Assert.Equal(
            ["PatientCentric:Profiles:mine:EnabledStrategies:1: \"waittime\" is not a registered strategy; registered: access-rates, ahp, billing-experience, cahps, calls, claims, cycle-time, job-timeliness, lead-time, no-show-rate, nps, on-time-start-rate, pdc, portal-response, post-visit-contact-rate, rating, referral-closure, salience, tnaa, topsis, wait-to-be-seen, weighted-sum."],
            e.Failures);
    }

    [Fact]
    public void Validation_JobSettingsOutOfRange_AreNamedByPath()
    {
        using var provider = FromConfiguration(new()
        {
            ["PatientCentric:Jobs:AdherenceThreshold"] = "1.5",
            ["PatientCentric:Jobs:MissedAfterDays"] = "-3",
            ["PatientCentric:Jobs:DrugClasses:METFORMIN"] = "Diabetes Meds",
        });
        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PatientCentricOptions>>().Value);
        Assert.Equal(
        [
            "PatientCentric:Jobs:AdherenceThreshold: must be from 0 to 1, but is 1.5.",
            "PatientCentric:Jobs:MissedAfterDays: must be from 0 to 365 days, but is -3.",
            "PatientCentric:Jobs:DrugClasses:METFORMIN: the class key must be kebab-case, such as \"statins\".",
        ], e.Failures);
    }

    [Fact]
    public void Validation_RunsAtStartUp_ThroughTheStartupValidator()
    {
        using var provider = Build(s => s.AddPatientCentric(pc => pc.UseProfile("no-such-profile")));
        var validator = provider.GetRequiredService<IStartupValidator>();
        var e = Assert.Throws<OptionsValidationException>(validator.Validate);
        Assert.Contains("PatientCentric:Profile: \"no-such-profile\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddProfile_InCode_IsValidatedLikeConfiguration()
    {
        using var provider = Build(s => s.AddPatientCentric(pc => pc
            .AddProfile("Bad Key", p => p.QualityOfCareWeight = 1)
            .UseProfile("Bad Key")));
        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ProfileCatalog>());
        Assert.Equal(["PatientCentric:Profiles:Bad Key: the profile key must be kebab-case (lower-case letters, digits and single hyphens)."], e.Failures);
    }

    [Fact]
    public void Evaluator_ReadsTheClockOnce_FromTheRegisteredTimeProvider()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
        using var provider = Build(s => s.AddSingleton<TimeProvider>(clock).AddPatientCentric());
        var evaluation = provider.GetRequiredService<PracticeEvaluator>().Evaluate(TestData.Data());
        Assert.Equal(clock.GetUtcNow(), evaluation.AsOf);
        Assert.Empty(evaluation.Cards);
    }

    [Fact]
    public void Evaluator_UnknownTimeZone_IsAClearArgumentError()
    {
        using var provider = Build(s => s.AddPatientCentric());
        var e = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<PracticeEvaluator>().Evaluate(TestData.Data() with { TimeZone = "Mars/Olympus" }));
        Assert.StartsWith("\"Mars/Olympus\" is not a known IANA time zone", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluator_ScoresThePracticeAndEachServiceLine()
    {
        var appts = Enumerable.Range(1, 12).Select(i => TestData.Kept(TestData.Jan(i + 5, 9), line: i % 3 == 0 ? "dermatology" : "primary-care"));
        using var provider = Build(s => s.AddPatientCentric());
        var evaluation = provider.GetRequiredService<PracticeEvaluator>().Evaluate(TestData.Data(appts), profile: TestData.Lenient);
        var leadTimes = evaluation.Cards.Where(c => c.MeasureKey == "lead-time").ToList();
        Assert.Equal([ScoreScope.Practice, ScoreScope.ServiceLine("primary-care"), ScoreScope.ServiceLine("dermatology"), new ScoreScope(ScopeLevel.Clinician, "C1")],
                     leadTimes.Select(c => c.Scope));
        Assert.Equal([12, 8, 4, 12], leadTimes.Select(c => c.EvidenceCount));   // every test appointment is clinician C1's
    }
}
