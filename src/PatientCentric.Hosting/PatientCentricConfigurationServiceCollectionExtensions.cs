using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PatientCentric.DependencyInjection;
using PatientCentric.Hosting;
using PatientCentric.Scoring;

// As dotnet/extensions does, the entry point lives in the DI namespace so hosts find it without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds PatientCentric to a service collection with its options bound from configuration.</summary>
public static class PatientCentricConfigurationServiceCollectionExtensions
{
    /// <summary>Adds PatientCentric (as <c>AddPatientCentric()</c> does) with <see cref="PatientCentricOptions"/> bound from
    /// <paramref name="configuration"/>, normally <c>configuration.GetSection("PatientCentric")</c>
    /// (<see cref="PatientCentricOptions.SectionName"/>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section to bind.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>Validated at start-up (<c>ValidateOnStart</c>): a key that is not a setting (a misspelt one), a value that
    /// cannot be converted (<c>CustomerServiceWeight=abc</c>, <c>CareSetting=Hospital</c>), a strategy key that is not
    /// registered and every rule of the options fails <c>IHost.StartAsync</c> with an <see cref="OptionsValidationException"/>
    /// whose message names each setting's path, such as <c>PatientCentric:Profiles:riverside:CustomerServiceWeight</c>.
    /// Without a host the same errors are thrown when the options are first used.</remarks>
    [RequiresUnreferencedCode("Binds PatientCentricOptions by reflection (ConfigurationBinder).")]
    [RequiresDynamicCode("Binds PatientCentricOptions by reflection (ConfigurationBinder).")]
    public static IServiceCollection AddPatientCentric(this IServiceCollection services, IConfiguration configuration) =>
        AddPatientCentric(services, configuration, static _ => { });

    /// <summary>Adds PatientCentric with <see cref="PatientCentricOptions"/> bound from <paramref name="configuration"/>,
    /// then lets <paramref name="configure"/> choose the profile and add the host's own strategies; what
    /// <paramref name="configure"/> sets wins over configuration.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section to bind, normally <c>configuration.GetSection("PatientCentric")</c>.</param>
    /// <param name="configure">Configures the builder.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>Validated at start-up as <see cref="AddPatientCentric(IServiceCollection, IConfiguration)"/> is.</remarks>
    [RequiresUnreferencedCode("Binds PatientCentricOptions by reflection (ConfigurationBinder).")]
    [RequiresDynamicCode("Binds PatientCentricOptions by reflection (ConfigurationBinder).")]
    public static IServiceCollection AddPatientCentric(this IServiceCollection services, IConfiguration configuration, Action<PatientCentricBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(configure);
        var setup = new PatientCentricConfigurationSetup(configuration);
        services.AddSingleton<IConfigureOptions<PatientCentricOptions>>(setup);   // before the builder's, so code wins
        services.AddSingleton<IValidateOptions<PatientCentricOptions>>(setup);
        return services.AddPatientCentric(configure);
    }
}
