using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PatientCentric.Customers;
using PatientCentric.Jobs;
using PatientCentric.Scoring;
using PatientCentric.Touchpoints;

namespace PatientCentric.DependencyInjection;

/// <summary>Configures PatientCentric inside <c>AddPatientCentric</c>: the profile in force and the host's own strategies.
/// Each method adds one thing, returns the builder, and does nothing more if called again with the same type.</summary>
public sealed class PatientCentricBuilder
{
    internal PatientCentricBuilder(IServiceCollection services) => Services = services;

    /// <summary>Gets the service collection being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Puts the profile with <paramref name="profileKey"/> in force (built-in or declared in configuration).</summary>
    /// <param name="profileKey">A profile key, such as <c>"aesthetic-self-pay"</c>; checked at start-up.</param>
    /// <returns>This builder.</returns>
    public PatientCentricBuilder UseProfile(string profileKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(profileKey);
        Services.Configure<PatientCentricOptions>(o => o.Profile = profileKey);
        return this;
    }

    /// <summary>Declares a profile in code, as if it were configured under <c>PatientCentric:Profiles:&lt;key&gt;</c>.</summary>
    /// <param name="profileKey">The kebab-case key; a built-in key replaces that profile.</param>
    /// <param name="configure">Sets the profile's options; validated at start-up.</param>
    /// <returns>This builder.</returns>
    public PatientCentricBuilder AddProfile(string profileKey, Action<ProfileOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(profileKey);
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure<PatientCentricOptions>(o =>
        {
            if (!o.Profiles.TryGetValue(profileKey, out var p))
                o.Profiles[profileKey] = p = new ProfileOptions();
            configure(p);
        });
        return this;
    }

    /// <summary>Registers a touchpoint scorer as a singleton.</summary>
    /// <typeparam name="TScorer">The scorer's type.</typeparam>
    /// <returns>This builder.</returns>
    public PatientCentricBuilder AddTouchpointScorer<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TScorer>() where TScorer : class, ITouchpointScorer
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<ITouchpointScorer, TScorer>());
        return this;
    }

    /// <summary>Registers a job scorer as a singleton.</summary>
    /// <typeparam name="TScorer">The scorer's type.</typeparam>
    /// <returns>This builder.</returns>
    public PatientCentricBuilder AddJobScorer<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TScorer>() where TScorer : class, IJobScorer
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IJobScorer, TScorer>());
        return this;
    }

    /// <summary>Registers a primary-customer strategy as a singleton.</summary>
    /// <typeparam name="TStrategy">The strategy's type.</typeparam>
    /// <returns>This builder.</returns>
    public PatientCentricBuilder AddPrimaryCustomerStrategy<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStrategy>() where TStrategy : class, IPrimaryCustomerStrategy
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPrimaryCustomerStrategy, TStrategy>());
        return this;
    }
}
