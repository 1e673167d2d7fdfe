using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PatientCentric.Orleans;
using PatientCentric.Scoring;

// As dotnet/extensions does, the entry point lives in the DI namespace so hosts find it without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds <see cref="PatientCentricClusterClient"/> to a Generic Host that has an Orleans client (<c>UseOrleansClient</c>)
/// or a silo (<c>UseOrleans</c>).</summary>
public static class PatientCentricClusterServiceCollectionExtensions
{
    /// <summary>Adds the cluster client with default options; see
    /// <see cref="AddPatientCentricClusterClient(IServiceCollection, Action{PatientCentricClusterOptions})"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddPatientCentricClusterClient(this IServiceCollection services) =>
        AddPatientCentricClusterClient(services, static _ => { });

    /// <summary>Adds <see cref="PatientCentricClusterClient"/> as a singleton, and PatientCentric (<c>AddPatientCentric</c>,
    /// whose <see cref="PracticeEvaluator"/> merges and finishes the shards' partials) unless the host added it already.
    /// <see cref="PatientCentricClusterOptions"/> are validated at start-up.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the run's options.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddPatientCentricClusterClient(this IServiceCollection services, Action<PatientCentricClusterOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddPatientCentric();
        services.AddOptions<PatientCentricClusterOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PatientCentricClusterOptions>, PatientCentricClusterOptionsValidator>());
        services.TryAddSingleton(static sp => new PatientCentricClusterClient(sp.GetRequiredService<IClusterClient>(), sp.GetRequiredService<PracticeEvaluator>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<PatientCentricClusterOptions>>(),
            sp.GetService<ILogger<PatientCentricClusterClient>>()));
        return services;
    }
}
