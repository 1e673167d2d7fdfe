using Microsoft.Extensions.DependencyInjection;
using PatientCentric.DependencyInjection;

// As Orleans does for its own silo extensions, the entry point lives in Orleans.Hosting so hosts find it without a using.
namespace Orleans.Hosting;

/// <summary>Adds PatientCentric's shard-scoring grains to an Orleans silo.</summary>
public static class PatientCentricSiloBuilderExtensions
{
    /// <summary>Adds the shard-scoring grains and PatientCentric with its built-in strategies and default profile; see
    /// <see cref="AddPatientCentricScoring(ISiloBuilder, Action{PatientCentricBuilder})"/>.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <returns><paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static ISiloBuilder AddPatientCentricScoring(this ISiloBuilder builder) => AddPatientCentricScoring(builder, static _ => { });

    /// <summary>Adds the shard-scoring grains (a silo scores the shards a <c>PatientCentricClusterClient</c> sends it) with
    /// PatientCentric (<c>AddPatientCentric</c>) and its FHIR reader (<c>AddPatientCentricFhir</c>), then lets
    /// <paramref name="configure"/> choose the profile and add the host's own strategies. Every silo of a cluster must be
    /// configured alike, and read FHIR shards with the same <c>FhirReadOptions</c> (the same pseudonym key): partials
    /// scored differently refuse to merge (docs/scale.md#a-cluster-on-orleans).</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Configures PatientCentric.</param>
    /// <returns><paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>The grains themselves are found by Orleans in this assembly; this call adds the services they use. To set
    /// the FHIR reader's options, call <c>services.AddPatientCentricFhir(read =&gt; …, report =&gt; …)</c> as well.</remarks>
    public static ISiloBuilder AddPatientCentricScoring(this ISiloBuilder builder, Action<PatientCentricBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddPatientCentric(configure);
        builder.Services.AddPatientCentricFhir();
        return builder;
    }
}
