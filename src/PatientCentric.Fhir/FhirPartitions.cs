using System.Collections.Immutable;

namespace PatientCentric.Fhir;

/// <summary>A Bulk Data export split by patient into partition files (<see cref="FhirPracticeReader.PartitionNdjson"/>),
/// each readable on its own as a shard of the practice's data: every patient with all their resources is in exactly one
/// partition, and the practice-level resources are in partition 0 (docs/scale.md#modes-by-size).</summary>
/// <remarks>Partitions may be read concurrently, each <see cref="Read"/> with its own reader. Dispose deletes the folder
/// and its files. Pseudonyms are keyed as by the reader that made the partitions, so they match across partitions.</remarks>
public sealed class FhirPartitions : IDisposable
{
    internal const byte Resource = (byte)'R', TooLong = (byte)'L', Corrupt = (byte)'G';

    private readonly FhirReadOptions _options;
    private readonly FhirTelemetry _telemetry;
    private readonly ImmutableArray<string> _fileNames;
    private readonly bool _tasksRead;
    private int _disposed;

    internal FhirPartitions(string folder, int count, ImmutableArray<string> fileNames, bool tasksRead, FhirReadOptions options, byte[] key, FhirTelemetry telemetry)
    {
        Folder = folder;
        Count = count;
        _fileNames = fileNames;
        _tasksRead = tasksRead;
        _telemetry = telemetry;
        _options = new FhirReadOptions
        {
            PracticeName = options.PracticeName, TimeZone = options.TimeZone, Period = options.Period, PseudonymKey = [.. key],
            IncludePatientReferences = options.IncludePatientReferences, MaxLineBytes = options.MaxLineBytes,
            Strict = options.Strict, Parser = options.Parser, DefaultServiceLine = options.DefaultServiceLine, SlotsObservedAt = options.SlotsObservedAt,
            SurveyItemsByLinkId = options.SurveyItemsByLinkId, SurveyItems = options.SurveyItems,
        };
    }

    /// <summary>Gets the folder holding the partition files.</summary>
    public string Folder { get; }

    /// <summary>Gets how many partitions there are.</summary>
    /// <value>1 or more.</value>
    public int Count { get; }

    /// <summary>Gets the earliest and latest local dates (in the practice's time zone) of the visits the partitioning read:
    /// the starts of the <c>Appointment</c> resources and of the finished <c>Encounter</c> resources that name no
    /// appointment, every copy of each, before de-duplication and mapping; <see langword="null"/> when there is none.</summary>
    /// <value>Usually the period the partitions' reads state together (<see cref="Read"/>: the earliest and latest visit),
    /// but not always: the earliest or latest of these may be superseded by another copy or not mappable, and an encounter
    /// naming an appointment that is not in the input is a visit too. A caller that scores the partitions in one pass may
    /// score with it and check it against the partitions' periods afterwards.</value>
    public Scoring.MeasurementPeriod? VisitDates { get; internal init; }

    /// <summary>Gets the size of the partition files together, in bytes.</summary>
    /// <value>0 or more; 0 once disposed.</value>
    public long Bytes => Directory.Exists(Folder) ? Enumerable.Range(0, Count).Select(k => new FileInfo(PathOf(Folder, k))).Where(f => f.Exists).Sum(f => f.Length) : 0;

    /// <summary>Reads one partition into a data set holding its patients (and, in partition 0, the practice-level
    /// records) and its quality report, exactly as one read of the whole input reads those records.</summary>
    /// <param name="partition">0 to <see cref="Count"/> − 1.</param>
    /// <param name="cancellationToken">Checked before each line.</param>
    /// <returns>The partition's data and quality. Its <see cref="Records.PracticeDataSet.Period"/> and
    /// <see cref="Records.PracticeDataSet.ServiceLines"/> are the partition's own: a caller that scores partitions apart
    /// gives each the union's period (the earliest and latest of the periods); the lines may stay each partition's own, as
    /// <see cref="Scoring.PracticeEvaluator.Merge"/> takes their union, in key order as one read lists them.
    /// Combine the quality reports with <see cref="FhirDataQuality.Combine"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="partition"/> is out of range.</exception>
    /// <exception cref="ObjectDisposedException">The partitions were disposed.</exception>
    /// <exception cref="InvalidDataException">A partition file is damaged (not as written).</exception>
    /// <exception cref="IOException">A partition file cannot be read.</exception>
    /// <exception cref="FhirInputException"><see cref="FhirReadOptions.Strict"/> is set and the partition has a problem.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public FhirReadResult Read(int partition, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(partition, Count);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var reader = new FhirPracticeReader(_options, _telemetry);
        var (result, orders) = reader.ReadPartitionFile(PathOf(Folder, partition), _fileNames, _tasksRead, cancellationToken);
        return result with { Quality = result.Quality with { IssueOrders = orders } };
    }

    /// <summary>Deletes the partition files and the folder.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
            DeleteFolder(Folder);
    }

    internal static string PathOf(string folder, int partition) => Path.Combine(folder, $"part-{partition:D5}.ndjson");

    /// <summary>The partition of a patient id: 64-bit FNV-1a of its UTF-8 bytes, modulo the count (never
    /// <see cref="string.GetHashCode()"/>, which differs between processes): the hash that
    /// <see cref="Records.PracticeDataSet.SplitByPatient"/> uses, from one source file.</summary>
    internal static int PartitionOf(string patientId, int count) => Records.StableHash.ShardOf(patientId, count);

    /// <summary>The partition of a patient id's hash (<see cref="Records.StableHash.Of(ReadOnlySpan{byte})"/> of its UTF-8
    /// bytes): the same as <see cref="PartitionOf(string, int)"/> of the id.</summary>
    internal static int PartitionOf(ulong patientIdHash, int count) => Records.StableHash.ShardOf(patientIdHash, count);

    internal static void DeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a file still open elsewhere. Nothing in it is read again.
        }
    }
}
