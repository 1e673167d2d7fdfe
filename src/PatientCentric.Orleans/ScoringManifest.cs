using System.Collections.Immutable;
using PatientCentric.Scoring;

namespace PatientCentric.Orleans;

/// <summary>What a cluster run scores: the shards of one practice's data (disjoint by patient), the measurement period,
/// the profile and the instant the evaluation is as of. <see cref="PatientCentricClusterClient.EvaluateAsync"/> scores
/// every shard on some silo and merges them, in index order, into the evaluation of their union.</summary>
/// <param name="Shards">The shards; at least one. A shard's index in this list names it in errors and logs.</param>
/// <remarks>Immutable. Every silo must run the same PatientCentric configuration (profiles, strategies, options and, for
/// FHIR shards, <see cref="Fhir.FhirReadOptions"/> with the same pseudonym key): partials scored differently refuse to
/// merge, and the run fails saying so.</remarks>
public sealed record ScoringManifest(ImmutableArray<ShardDescriptor> Shards)
{
    /// <summary>Gets the shards.</summary>
    public ImmutableArray<ShardDescriptor> Shards { get; init; } = Shards.IsDefault ? [] : Shards;

    /// <summary>Gets the measurement period, or <see langword="null"/> (the default) to use the data's own period; give
    /// one for FHIR shards, whose readers state no period of their own unless <see cref="Fhir.FhirReadOptions.Period"/> is set.</summary>
    public MeasurementPeriod? Period { get; init; }

    /// <summary>Gets the key of the profile to score with, or <see langword="null"/> (the default) for the one in force on the silos.</summary>
    public string? ProfileKey { get; init; }

    /// <summary>Gets the instant the evaluation is as of, or <see langword="null"/> (the default) to read the client's clock
    /// once when the run starts. Every shard is scored as of this one instant, whichever silo scores it and when.</summary>
    public DateTimeOffset? AsOf { get; init; }
}
