using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PatientCentric.Customers;
using PatientCentric.DependencyInjection;
using PatientCentric.Diagnostics;
using PatientCentric.Jobs;
using PatientCentric.Scoring;
using PatientCentric.Touchpoints;

// As dotnet/extensions does, the entry point lives in the DI namespace so hosts find it without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds PatientCentric to a service collection.</summary>
public static class PatientCentricServiceCollectionExtensions
{
    /// <summary>Adds PatientCentric with its built-in strategies and profiles and the default profile
    /// (<see cref="BuiltInProfiles.DefaultKey"/>).</summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddPatientCentric(this IServiceCollection services) => AddPatientCentric(services, static _ => { });

    /// <summary>Adds PatientCentric with its built-in strategies and profiles, then lets <paramref name="configure"/> choose
    /// the profile and add the host's own strategies. Options are validated at start-up (or at first use without a host).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the builder.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>To bind configuration with unknown-key and conversion checks, use the <c>AddPatientCentric(IConfiguration)</c>
    /// overload of the PatientCentric.Hosting package; the core package does not depend on configuration. Start-up
    /// validation also checks every strategy key (<see cref="ProfileOptions.EnabledStrategies"/>,
    /// <see cref="PatientCentricOptions.PrimaryCustomerStrategy"/>) against the registered strategies. Logs go to the
    /// host's <c>ILoggerFactory</c> and metrics to its <c>IMeterFactory</c> when they are registered (docs/telemetry.md).</remarks>
    public static IServiceCollection AddPatientCentric(this IServiceCollection services, Action<PatientCentricBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<PatientCentricOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PatientCentricOptions>, PatientCentricOptionsValidator>());
        services.AddOptions<StrategyKeyCheck>().ValidateOnStart();   // strategy keys against the registered strategies
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StrategyKeyCheck>, StrategyKeyValidator>());
        services.TryAddSingleton<StrategyRegistry>();
        services.TryAddSingleton<ProfileCatalog>();
        services.TryAddSingleton(static sp => new EvaluationTelemetry(sp.GetService<ILoggerFactory>(), sp.GetService<IMeterFactory>()));
        services.TryAddSingleton(static sp => new PracticeEvaluator(sp.GetRequiredService<StrategyRegistry>(), sp.GetRequiredService<ProfileCatalog>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<PatientCentricOptions>>(), sp.GetRequiredService<IReviewClassifier>(),
            sp.GetRequiredService<EvaluationTelemetry>()));
        services.TryAddSingleton<IReviewClassifier>(static _ => new KeywordReviewClassifier());

        // Built-in touchpoint scorers, in report order.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITouchpointScorer, LeadTimeScorer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITouchpointScorer, NoShowRateScorer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITouchpointScorer, AccessRatesScorer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITouchpointScorer, TnaaScorer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITouchpointScorer, WaitToBeSeenScorer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITouchpointScorer, CycleTimeScorer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITouchpointScorer, OnTimeStartScorer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITouchpointScorer, PortalResponseScorer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITouchpointScorer, CallCenterScorer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITouchpointScorer, ClaimsScorer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITouchpointScorer, BillingExperienceScorer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITouchpointScorer, FollowUpContactScorer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITouchpointScorer, NpsScorer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITouchpointScorer, CahpsCompositeScorer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITouchpointScorer, RatingScorer>());

        // Built-in job scorers.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IJobScorer, PdcScorer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IJobScorer, ReferralClosureScorer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IJobScorer, JobTimelinessScorer>());

        // Built-in primary-customer strategies (docs/primary-customer.md).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPrimaryCustomerStrategy, WeightedSumStrategy>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPrimaryCustomerStrategy, AhpStrategy>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPrimaryCustomerStrategy, TopsisStrategy>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPrimaryCustomerStrategy, SalienceStrategy>());

        configure(new PatientCentricBuilder(services));
        return services;
    }
}
