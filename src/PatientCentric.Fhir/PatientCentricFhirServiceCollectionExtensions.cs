using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PatientCentric.Fhir;

// As dotnet/extensions does, the entry point lives in the DI namespace so hosts find it without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the FHIR adapter (reader and MeasureReport writer) to a service collection.</summary>
public static class PatientCentricFhirServiceCollectionExtensions
{
    /// <summary>Adds the FHIR reader and writer with default options; see
    /// <see cref="AddPatientCentricFhir(IServiceCollection, Action{FhirReadOptions}, Action{FhirMeasureReportOptions})"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddPatientCentricFhir(this IServiceCollection services) =>
        AddPatientCentricFhir(services, static _ => { }, static _ => { });

    /// <summary>Adds the FHIR reader and writer: <see cref="FhirPracticeReader"/> as a transient (a reader is not
    /// thread-safe) built from <see cref="FhirReadOptions"/>, and <see cref="FhirMeasureReportWriter"/> as a singleton built
    /// from <see cref="FhirMeasureReportOptions"/>. Both options are validated at start-up (<c>ValidateOnStart</c>), each
    /// error naming the setting under <c>PatientCentric:Fhir:Read</c> or <c>PatientCentric:Fhir:Report</c>. The reader
    /// logs to the host's <c>ILoggerFactory</c> and records metrics on its <c>IMeterFactory</c> (docs/telemetry.md).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configureRead">Sets the reader's options. Set <see cref="FhirReadOptions.PseudonymKey"/> so that
    /// pseudonyms match across readers: without it every resolved reader has its own random key.</param>
    /// <param name="configureReport">Sets the writer's options.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>To bind the options from configuration, add
    /// <c>services.Configure&lt;FhirReadOptions&gt;(configuration.GetSection("PatientCentric:Fhir:Read"))</c> (and the
    /// same for <see cref="FhirMeasureReportOptions"/>); this package does not depend on configuration.</remarks>
    public static IServiceCollection AddPatientCentricFhir(this IServiceCollection services, Action<FhirReadOptions> configureRead,
                                                           Action<FhirMeasureReportOptions> configureReport)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configureRead);
        ArgumentNullException.ThrowIfNull(configureReport);
        services.AddOptions<FhirReadOptions>().Configure(configureRead).ValidateOnStart();
        services.AddOptions<FhirMeasureReportOptions>().Configure(configureReport).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FhirReadOptions>, FhirReadOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FhirMeasureReportOptions>, FhirMeasureReportOptionsValidator>());
        services.TryAddSingleton(static sp => new FhirTelemetry(sp.GetService<ILoggerFactory>(), sp.GetService<IMeterFactory>()));
        services.TryAddTransient(static sp => new FhirPracticeReader(sp.GetRequiredService<IOptions<FhirReadOptions>>().Value, sp.GetRequiredService<FhirTelemetry>()));
        services.TryAddSingleton(static sp => new FhirMeasureReportWriter(sp.GetRequiredService<IOptions<FhirMeasureReportOptions>>().Value.CanonicalBase));
        return services;
    }
}
