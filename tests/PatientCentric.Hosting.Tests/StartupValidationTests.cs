using System.Collections.Immutable;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using PatientCentric.DependencyInjection;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Touchpoints;

namespace PatientCentric.Hosting.Tests;

/// <summary>Each configuration mistake fails <c>IHost.StartAsync</c> with the setting's path, in a Generic Host bound
/// through <c>AddPatientCentric(IConfiguration)</c>.</summary>
public sealed class StartupValidationTests
{
    private const string Profile = "PatientCentric:Profiles:my-clinic";

    private static Dictionary<string, string?> ValidClinic() => new()
    {
        ["PatientCentric:Profile"] = "my-clinic",
        [$"{Profile}:CareSetting"] = "PrimaryCare",
        [$"{Profile}:CustomerServiceWeight"] = "3",
        [$"{Profile}:QualityOfCareWeight"] = "5",
        [$"{Profile}:CostEffectivenessWeight"] = "2",
        [$"{Profile}:EnabledStrategies:0"] = "lead-time",
        [$"{Profile}:EnabledStrategies:1"] = "nps",
    };

    private static Dictionary<string, string?> With(string key, string? value)
    {
        var settings = ValidClinic();
        settings[key] = value;
        return settings;
    }

    private static IHost BuildHost(Dictionary<string, string?> settings, Action<PatientCentricBuilder>? configure = null, FakeLogCollector? logs = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        if (logs is not null)
            builder.Logging.AddProvider(new FakeLoggerProvider(logs));
        builder.Services.AddPatientCentric(builder.Configuration.GetSection(PatientCentricOptions.SectionName), configure ?? (static _ => { }));
        return builder.Build();
    }

    /// <summary>Starts a host that must fail, and returns every validation failure's text.</summary>
    private static async Task<string> StartFailure(Dictionary<string, string?> settings, Action<PatientCentricBuilder>? configure = null)
    {
        using var host = BuildHost(settings, configure);
        var error = await Record.ExceptionAsync(() => host.StartAsync(TestContext.Current.CancellationToken));
        Assert.NotNull(error);
        var failures = error is AggregateException all ? all.InnerExceptions : [error];
        Assert.All(failures, f => Assert.IsType<OptionsValidationException>(f));
        return string.Join("\n", failures.Cast<OptionsValidationException>().SelectMany(f => f.Failures));
    }

    [Fact]
    public async Task StartAsync_ValidConfiguration_StartsWithTheBoundProfile()
    {
        using var host = BuildHost(ValidClinic());
        await host.StartAsync(TestContext.Current.CancellationToken);
        var active = host.Services.GetRequiredService<ProfileCatalog>().Active;
        Assert.Equal("my-clinic", active.Key);
        Assert.Equal(["lead-time", "nps"], active.EnabledStrategies);
        Assert.Equal(0.3, active.Weights.CustomerService, 12);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task StartAsync_UnknownEnabledStrategy_FailsNamingTheEntry()
    {
        string failures = await StartFailure(With($"{Profile}:EnabledStrategies:1", "nsp"));
        Assert.Contains($"{Profile}:EnabledStrategies:1: \"nsp\" is not a registered strategy; registered: ", failures);
    }

    [Fact]
    public async Task StartAsync_UnknownPrimaryCustomerStrategy_FailsNamingTheSetting()
    {
        string failures = await StartFailure(With("PatientCentric:PrimaryCustomerStrategy", "board"));
        Assert.Equal("PatientCentric:PrimaryCustomerStrategy: \"board\" is not a registered primary-customer strategy; registered: weighted-sum, ahp, topsis, salience.", failures);
    }

    [Fact]
    public async Task StartAsync_WeightThatIsNotANumber_FailsNamingTheWeight_NotTheProfile()
    {
        string failures = await StartFailure(With($"{Profile}:CustomerServiceWeight", "abc"));
        Assert.Equal($"{Profile}:CustomerServiceWeight: \"abc\" is not a number (invariant culture, such as 0.25).", failures);
    }

    [Fact]
    public async Task StartAsync_UnknownCareSetting_FailsListingTheCareSettings()
    {
        string failures = await StartFailure(With($"{Profile}:CareSetting", "Hospital"));
        Assert.Equal($"{Profile}:CareSetting: \"Hospital\" is not one of {string.Join(", ", Enum.GetNames<CareSetting>())}.", failures);
    }

    [Theory]
    [InlineData($"{Profile}:CustomerServiceWieght", "CustomerServiceWieght", "ProfileOptions")]
    [InlineData("PatientCentric:Profle", "Profle", "PatientCentricOptions")]
    [InlineData("PatientCentric:Jobs:AdherenceTreshold", "AdherenceTreshold", "JobOptions")]
    [InlineData($"{Profile}:Targets:nps:Taget", "Taget", "MeasureTargetOptions")]
    public async Task StartAsync_MisspeltSetting_FailsNamingItsPath(string path, string key, string type)
    {
        string failures = await StartFailure(With(path, "1"));
        Assert.StartsWith($"{path}: \"{key}\" is not a setting of {type}; its settings are ", failures);
    }

    [Fact]
    public async Task StartAsync_SeveralMistakes_ReportsEach()
    {
        var settings = With($"{Profile}:CustomerServiceWeight", "abc");
        settings[$"{Profile}:MinimumRateEvent"] = "5";
        string failures = await StartFailure(settings);
        Assert.Contains($"{Profile}:CustomerServiceWeight:", failures);
        Assert.Contains($"{Profile}:MinimumRateEvent:", failures);
        Assert.DoesNotContain("neither a built-in profile", failures);   // nothing is bound, so nothing blames the profile's name
    }

    [Fact]
    public async Task StartAsync_RuleBroken_FailsNamingTheSetting()
    {
        string failures = await StartFailure(With($"{Profile}:MinimumRateEvents", "0"));
        Assert.Equal($"{Profile}:MinimumRateEvents: must be 1 or more events, but is 0.", failures);
    }

    [Fact]
    public async Task Builder_WinsOverConfiguration()
    {
        using var host = BuildHost(ValidClinic(), pc => pc.UseProfile("aesthetic-self-pay"));
        await host.StartAsync(TestContext.Current.CancellationToken);
        Assert.Equal("aesthetic-self-pay", host.Services.GetRequiredService<ProfileCatalog>().Active.Key);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    private sealed class CallbackTimeScorer : ITouchpointScorer
    {
        public string Key => "callback-time";
        public TouchpointKind Kind => TouchpointKind.Communication;
        public MeasureCategory Category => MeasureCategory.Operational;
        public ImmutableArray<ScoreCard> Score(PracticeDataSet data, ScoringContext context) => [];
    }

    [Fact]
    public async Task HostScorerNotEnabledByTheProfile_IsAWarningNamingHowToEnableIt()
    {
        var logs = new FakeLogCollector();
        using var host = BuildHost(ValidClinic(), pc => pc.AddTouchpointScorer<CallbackTimeScorer>(), logs);
        await host.StartAsync(TestContext.Current.CancellationToken);
        _ = host.Services.GetRequiredService<PracticeEvaluator>();
        var warning = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 1003);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal("Strategy callback-time is registered but the profile in force, my-clinic, does not enable it, so it never runs; add it to PatientCentric:Profiles:my-clinic:EnabledStrategies to run it.", warning.Message);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task HostScorerEnabledByTheProfile_IsNoWarning()
    {
        var logs = new FakeLogCollector();
        using var host = BuildHost(With($"{Profile}:EnabledStrategies:2", "callback-time"), pc => pc.AddTouchpointScorer<CallbackTimeScorer>(), logs);
        await host.StartAsync(TestContext.Current.CancellationToken);
        _ = host.Services.GetRequiredService<PracticeEvaluator>();
        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Id.Id == 1003);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }
}
