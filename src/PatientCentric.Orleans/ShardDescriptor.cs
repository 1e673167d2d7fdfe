namespace PatientCentric.Orleans;

/// <summary>One shard of a practice's data for the cluster to score: what kind of input it is and where every silo reads
/// it (docs/scale.md#a-cluster-on-orleans). Shards split a practice by patient: every record of one patient is in one
/// shard, and each shard carries the practice's whole configuration (time zone, calendar, survey items, service lines).</summary>
/// <remarks>Immutable. Make one with <see cref="DataSet"/>, <see cref="FhirNdjson"/> or <see cref="FhirBundles"/>.
/// <see cref="Path"/> is read by whichever silo scores the shard, so it must name the same file or folder on every silo:
/// a shared file system (NFS, SMB, a mounted volume), given as an absolute path.</remarks>
public sealed record ShardDescriptor
{
    /// <summary>The kind of a PatientCentric JSON data set file (docs/data-model.md), read with
    /// <see cref="Serialization.PracticeDataSetReader"/>.</summary>
    public const string DataSetKind = "data-set";

    /// <summary>The kind of a FHIR R4 Bulk Data export folder of NDJSON files (a Group export, or one partition of it), read
    /// with <see cref="Fhir.FhirPracticeReader.ReadNdjsonFolder"/>.</summary>
    public const string FhirNdjsonKind = "fhir-ndjson";

    /// <summary>The kind of a practice's folder of FHIR R4 JSON files (Bundles or single resources), read with
    /// <see cref="Fhir.FhirPracticeReader.ReadJsonFolder"/>.</summary>
    public const string FhirBundlesKind = "fhir-bundles";

    private ShardDescriptor(string kind, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Kind = kind;
        Path = path;
    }

    /// <summary>Gets the kind of input: <see cref="DataSetKind"/>, <see cref="FhirNdjsonKind"/> or <see cref="FhirBundlesKind"/>.</summary>
    public string Kind { get; }

    /// <summary>Gets the file or folder that every silo reads; it names the shard in errors.</summary>
    public string Path { get; }

    /// <summary>A PatientCentric JSON data set file (docs/data-model.md).</summary>
    /// <param name="path">The file, readable by every silo.</param>
    /// <returns>The shard.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null, empty or white space.</exception>
    public static ShardDescriptor DataSet(string path) => new(DataSetKind, path);

    /// <summary>A FHIR R4 Bulk Data export folder of NDJSON files: a Group export, or one partition of a larger export
    /// (docs/fhir.md). The silos read it with their registered <see cref="Fhir.FhirReadOptions"/>.</summary>
    /// <param name="path">The folder, readable by every silo.</param>
    /// <returns>The shard.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null, empty or white space.</exception>
    public static ShardDescriptor FhirNdjson(string path) => new(FhirNdjsonKind, path);

    /// <summary>A practice's folder of FHIR R4 JSON files, Bundles or single resources (docs/fhir.md). The silos read it
    /// with their registered <see cref="Fhir.FhirReadOptions"/>.</summary>
    /// <param name="path">The folder, readable by every silo.</param>
    /// <returns>The shard.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null, empty or white space.</exception>
    public static ShardDescriptor FhirBundles(string path) => new(FhirBundlesKind, path);

    /// <summary>Returns the kind and path, as errors name the shard.</summary>
    /// <returns>For example <c>data-set /mnt/shared/run-7/shard-3.json</c>.</returns>
    public override string ToString() => $"{Kind} {Path}";

    // For a request that arrives from another process: the kind must be one of the three.
    internal static ShardDescriptor Of(string kind, string path) => kind switch
    {
        DataSetKind or FhirNdjsonKind or FhirBundlesKind => new(kind, path),
        _ => throw new ArgumentException($"Unknown shard kind '{kind}'; expected {DataSetKind}, {FhirNdjsonKind} or {FhirBundlesKind}.", nameof(kind)),
    };
}
