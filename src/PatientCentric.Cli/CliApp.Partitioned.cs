using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using PatientCentric.Cli.Report;
using PatientCentric.Fhir;
using PatientCentric.Jobs;
using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Cli;

// report --fhir on an export larger than the memory limit: partitioned by patient into a temporary folder, each partition
// read and scored on its own on --workers cores, the partial evaluations merged (docs/scale.md#modes-by-size).
internal sealed partial class CliApp
{
    /// <summary>Memory taken by the in-memory read and evaluation per byte of NDJSON input (measured on the sample's
    /// exports: docs/performance.md#report---fhir-in-bounded-memory); a gzip byte counts as <see cref="GzipRatio"/> bytes.</summary>
    internal const double ExpansionFactor = 4.0;

    private const double GzipRatio = 8.0;

    private (string? MemoryLimit, int? Workers, DirectoryInfo? Temp) _partitionSettings;
    private CancellationToken _partitionCt;
    private long _memoryLimit;
    private long _inputBytes;
    private int _workers;
    private FhirPartitions? _partitions;
    private DataCensus? _census;
    private string? _readMode;

    /// <summary>Gets a hook called with the partition folder once the export is partitioned (tests damage a file there).</summary>
    internal Action<string>? AfterPartitioning { get; init; }

    /// <summary>Runs a report with the partition settings, and removes the temporary folder on the way out, whatever
    /// happened (success, failure, cancellation).</summary>
    private int ReportPartitionable(string? memoryLimit, int? workers, DirectoryInfo? temp, Func<int> report)
    {
        _partitionSettings = (memoryLimit, workers, temp);
        PatientOutputsHeld = PatientOutputsPath.None;
        try
        {
            return report();
        }
        finally
        {
            _partitions?.Dispose();
            _partitions = null;
            _patientOutputs = null;
        }
    }

    private static (Option<string?> MemoryLimit, Option<DirectoryInfo?> Temp) PartitionOptions() => (
        new Option<string?>("--memory-limit") { Description = "With --fhir: the memory the read and scoring may use, such as 64MB, 512MB or 2GB (KB/MB/GB are powers of 1000, KiB/MiB/GiB of 1024). An NDJSON export that does not fit is split by patient into partitions in a temporary folder and scored partition by partition (docs/scale.md#modes-by-size). Default: an eighth of the machine's memory, from 256 MiB to 1 GiB." },
        new Option<DirectoryInfo?>("--temp") { Description = "With --fhir: where the temporary partition folder goes (removed at the end, also on failure and Ctrl-C). Default: the system's temporary folder." });

    private bool TryCheckPartitionSettings(bool fhir, out string failure)
    {
        failure = "";
        var (limit, workers, temp) = _partitionSettings;
        if (!fhir && (limit is not null || workers is not null || temp is not null))
        {
            failure = $"{(limit is not null ? "--memory-limit" : workers is not null ? "--workers" : "--temp")} applies to --fhir input only.";
            return false;
        }
        _memoryLimit = DefaultMemoryLimit();
        if (limit is not null)
        {
            if (!TryParseSize(limit, out _memoryLimit) || _memoryLimit < 1L << 20)
            {
                failure = "--memory-limit: not a size of at least 1MiB such as 64MB, 512MiB or 2GB.";
                return false;
            }
        }
        _workers = workers ?? Environment.ProcessorCount;
        if (_workers is < 1 or > 1024)
        {
            failure = "--workers: must be a whole number from 1 to 1,024.";
            return false;
        }
        if (temp is not null && !temp.Exists)
        {
            failure = $"--temp: {temp.FullName}: no such folder.";
            return false;
        }
        return true;
    }

    /// <summary>How many partitions an export needing <paramref name="needed"/> bytes in memory is split into: enough that
    /// <paramref name="workers"/> partitions fit half of <paramref name="limit"/> together, rounded up to a multiple of the
    /// workers (each round of partitions keeps every worker busy), at most 4,096.</summary>
    /// <remarks>Half: the other half is for what the run holds beside the partitions being scored (the patients' outputs
    /// it keeps, up to a quarter of the limit, the merged partial, the memory the collector keeps between collections).
    /// Partitions half the size were also no slower on the sample exports: 0.84-0.98x the time at 50,000, 100,000,
    /// 200,000 and a million patients, with a 12-23 % lower peak (docs/performance.md).</remarks>
    internal static int PartitionCount(long needed, long limit, int workers)
    {
        double fitting = Math.Max(Math.Ceiling(needed * 2.0 * workers / limit), workers);
        return (int)Math.Min(Math.Ceiling(fitting / workers) * workers, 4096);
    }

    /// <summary>An eighth of the memory available to the process, from 256 MiB to 1 GiB.</summary>
    internal static long DefaultMemoryLimit() => Math.Clamp(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 8, 256L << 20, 1L << 30);

    /// <summary>Parses a size: a whole or decimal number, then B, KB, MB, GB, TB (powers of 1000) or KiB, MiB, GiB, TiB
    /// (powers of 1024), in any case; a bare number is bytes.</summary>
    internal static bool TryParseSize(string text, out long bytes)
    {
        bytes = 0;
        var t = text.Trim();
        int end = 0;
        while (end < t.Length && (char.IsAsciiDigit(t[end]) || t[end] == '.')) end++;
        if (end == 0 || !decimal.TryParse(t[..end], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            return false;
        decimal? unit = t[end..].Trim().ToUpperInvariant() switch
        {
            "" or "B" => 1m,
            "KB" => 1e3m, "MB" => 1e6m, "GB" => 1e9m, "TB" => 1e12m,
            "KIB" => 1024m, "MIB" => 1024m * 1024, "GIB" => 1024m * 1024 * 1024, "TIB" => 1024m * 1024 * 1024 * 1024,
            _ => null,
        };
        if (unit is not { } u || number * u > long.MaxValue)
            return false;
        bytes = (long)decimal.Truncate(number * u);
        return bytes > 0;
    }

    internal static string FormatSize(long bytes) =>
        bytes >= 1L << 30 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.#} GiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.#} MiB");

    /// <summary>Partitions and reads an NDJSON export that does not fit the memory limit; returns true with no partitions
    /// when the one-pass read applies (JSON input, or the export fits).</summary>
    private bool TryReadFhirPartitioned(string path, FhirReadOptions options, CancellationToken ct, out PracticeDataSet data, out string source, out FhirInput? input, out string failure)
    {
        data = null!;
        input = null;
        failure = "";
        _partitionCt = ct;
        _readOptionsPeriod = options.Period;
        var full = Path.GetFullPath(path);
        source = File.Exists(full) ? $"{Path.GetDirectoryName(full)} (one file; its name is not shown)" : full;
        FhirInputFiles? files;
        try
        {
            files = FhirInputFiles.Find(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;   // the one-pass read says why
        }
        if (files is null || files.Kind is not (FhirInputKind.NdjsonFolder or FhirInputKind.NdjsonFile))
            return true;
        long inputBytes;
        try
        {
            inputBytes = (long)files.Paths.Sum(p => new FileInfo(p).Length * (p.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? GzipRatio : 1.0));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
        long needed = (long)(inputBytes * ExpansionFactor);
        _inputBytes = inputBytes;
        if (needed <= _memoryLimit)
        {
            _readMode = $"FHIR input read in memory: about {FormatSize(needed)} needed, within the memory limit of {FormatSize(_memoryLimit)}.";
            return true;
        }
        // Each of the workers holds one partition at a time: partitions of at most half the limit ÷ workers once read, as
        // many as a multiple of the workers, so that no worker idles through the last round while another scores.
        int count = PartitionCount(needed, _memoryLimit, _workers);
        var folder = Path.Combine(_partitionSettings.Temp?.FullName ?? Path.GetTempPath(), "patientcentric-" + Guid.NewGuid().ToString("N"));
        var reader = new FhirPracticeReader(options);
        try
        {
            _partitions = reader.PartitionNdjson(files.Paths, folder, count, null, _partitionCt);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            failure = $"{source}: cannot read the FHIR input ({files.Scrub(e.Message)}).";
            return false;
        }
        AfterPartitioning?.Invoke(folder);

        // The partitions are read once, and scored as they are read (EvaluatePartitions). The period a read of the whole
        // export states (the earliest and latest visit) is only known after that pass: until then the visit dates the
        // partitioning saw stand in for it, and the pass checks them.
        _partitionFiles = files;
        _partitionSource = source;
        _globalPeriod = options.Period ?? _partitions.VisitDates;
        _globalLines = [];
        data = new PracticeDataSet(PracticeDataSet.CurrentSchemaVersion, options.PracticeName, options.TimeZone, _globalPeriod, _globalLines,
            [], options.SurveyItems, [], [], [], []);
        _readMode = string.Create(CultureInfo.InvariantCulture,
            $"FHIR input read in {count:N0} partitions by patient ({FormatSize(_partitions.Bytes)} in a temporary folder, removed at the end), {_workers:N0} at a time: about {FormatSize(needed)} needed in memory, over the limit of {FormatSize(_memoryLimit)}.");
        return true;
    }

    /// <summary>The export's period as the partitioned read knows it: the explicit one, or until <see cref="EvaluatePartitions"/>
    /// has run the visit dates the partitioning saw, then the earliest and latest of the partitions' periods.</summary>
    private MeasurementPeriod? _globalPeriod;

    /// <summary>The per-patient outputs of a partitioned run, on disk; <see langword="null"/> for a one-pass read.</summary>
    private PatientOutputs? _patientOutputs;
    private ImmutableArray<ServiceLine> _globalLines = [];
    private FhirInputFiles? _partitionFiles;
    private string? _partitionSource;

    /// <summary>What one partition's read tells of the whole export.</summary>
    private readonly record struct PartitionFacts(FhirDataQuality Quality, MeasurementPeriod? Period, ImmutableArray<ServiceLine> Lines, DataCensus Census);

    /// <summary>Reads every partition once and scores it as it is read (<paramref name="evaluator"/> with
    /// <paramref name="period"/>, or else the visit dates the partitioning saw), gathering the export's quality report,
    /// period, service lines and census on the way (then in <see cref="_globalPeriod"/>, <see cref="_globalLines"/>,
    /// <see cref="_census"/>, <see cref="_partitionInput"/>); the FHIR summary is written once they are known.</summary>
    /// <returns>The evaluation; <see langword="null"/> when no period is given and the export states none.</returns>
    /// <remarks>Without an explicit period the pass scores with the earliest and latest visit dates the partitioning saw
    /// (<see cref="FhirPartitions.VisitDates"/>), and checks them against the partitions' periods (de-duplicated and
    /// mapped): in the rare export where they differ (the earliest or latest visit superseded by another copy or not
    /// mappable, an encounter naming an appointment that is not in the input) the partitions are scored again with the
    /// export's period, so every number is as one read of the whole export gives.</remarks>
    private PracticeEvaluation? EvaluatePartitions(PracticeEvaluator evaluator, MeasurementPeriod? period)
    {
        var partitions = _partitions!;
        var candidate = period ?? _globalPeriod;
        var reads = new PartitionFacts[partitions.Count];
        PracticeEvaluation? evaluation = null;
        try
        {
            if (candidate is { } scoreWith)
                evaluation = ScorePartitions(evaluator, scoreWith, reads);
            else
                ForEachPartition(k => reads[k] = FactsOf(partitions.Read(k, _partitionCt)));
        }
        catch (FhirInputException e) when (!e.Issues.IsEmpty)
        {
            throw new PartitionReadException(FhirProblems(_partitionSource!, _partitionFiles!, e), e);
        }
        var periods = reads.Select(r => r.Period).OfType<MeasurementPeriod>().ToList();
        var stated = _readOptionsPeriod ?? (periods.Count == 0 ? null : new MeasurementPeriod(periods.Min(p => p.Start), periods.Max(p => p.End)));
        _globalPeriod = stated;
        _globalLines = [.. reads.SelectMany(r => r.Lines).DistinctBy(l => l.Key, StringComparer.Ordinal).OrderBy(l => l.Key, StringComparer.Ordinal)];
        _census = reads.Select(r => r.Census).Aggregate((a, b) => a + b);
        _partitionInput = new FhirInput(FhirDataQuality.Combine(reads.Select(r => r.Quality)), _partitionFiles!);
        bool again = period is null && stated != candidate && stated is not null;
        if (again)
            _readMode += " The export's period (its earliest and latest visit once de-duplicated and mapped) differs from the visit dates the partitioning saw, so the partitions were scored a second time with it.";
        Summarize(_partitionInput, _census.Claims > 0, quiet: false);
        if (period is null && stated is null)
            return null;
        if (again)
            evaluation = ScorePartitions(evaluator, stated!.Value, null);
        return evaluation;
    }

    /// <summary>The FHIR input of a partitioned run, once <see cref="EvaluatePartitions"/> has read it.</summary>
    private FhirInput? _partitionInput;
    private MeasurementPeriod? _readOptionsPeriod;

    private static PartitionFacts FactsOf(FhirReadResult result) =>
        new(result.Quality, result.Data.Period, result.Data.ServiceLines, DataCensus.Of(result.Data));

    /// <summary>Each partition scored into a partial evaluation, the population-level partials merged as they come in
    /// (<see cref="PartialFold"/>), then finished; the coded survey rows go to files (<see cref="SurveyRowSpill"/>) and are
    /// read back in order as the loyalty drivers are finished. When the export's size says the patients' outputs all fit a
    /// quarter of the memory limit (<see cref="PatientOutputsPerInputByte"/>), a partition's stay in its partial, and are
    /// merged with it, while those kept so far fit that quarter (<see cref="KeptPatients"/>); otherwise, or past that,
    /// they go to a file next to the partition's (in canonical patient
    /// order), the outputs kept so far go to files too (the rest of the run does not hold them), and at the end any kept
    /// by partitions that finished meanwhile go to one more file, so that the report reads them all back merged in order
    /// (<see cref="_patientOutputs"/>), into memory when they fit half the limit, else as each output is written. Each
    /// partition keeps its own service lines: the merge takes their union, in key order as one read lists them.</summary>
    private PracticeEvaluation ScorePartitions(PracticeEvaluator evaluator, MeasurementPeriod period, PartitionFacts[]? reads)
    {
        var partitions = _partitions!;
        var fold = new PartialFold(evaluator, partitions.Count);
        var spills = Enumerable.Range(0, partitions.Count).Select(k => Path.Combine(partitions.Folder, $"patients-{k:D5}.ndjson")).ToArray();
        var spilled = new bool[partitions.Count];
        var rows = new SurveyRowSpill(partitions.Folder, partitions.Count);
        // Kept only when the export's size says they should all fit (the budget then guards an export unlike the sample's):
        // a run that would overflow it part-way was slower than one that writes them all to files (a million patients:
        // 76-88 s against 69-70 s).
        var kept = new KeptPatients(KeepsPatientOutputs && _inputBytes * PatientOutputsPerInputByte <= _memoryLimit / 4 ? _memoryLimit / 4 : -1, KeptPatientOutputBytes);
        var keptFiles = new List<string>();
        string NextKeptFile()
        {
            lock (keptFiles)
            {
                keptFiles.Add(Path.Combine(partitions.Folder, $"patients-kept-{keptFiles.Count:D5}.ndjson"));
                return keptFiles[^1];
            }
        }
        ForEachPartition(k =>
        {
            var result = partitions.Read(k, _partitionCt);
            if (reads is not null) reads[k] = FactsOf(result);
            var partial = evaluator.Accumulate(result.Data, period, null, _partitionCt);
            if (!kept.TryKeep(partial.PatientCount, out bool overflowed))
            {
                partial = WritePatients(partial, spills[k]);
                spilled[k] = true;
                // The first partition over the budget: the outputs kept so far go to files now, so the rest of the run
                // does not hold them.
                if (overflowed)
                    fold.ChangeHeld(held => WritePatients(held, NextKeptFile()));
            }
            fold.Add(k, rows.Spill(k, partial));
        });
        _partitionCt.ThrowIfCancellationRequested();
        // The partitions' data are all garbage now, most of it in the oldest generation, which no collection visits during
        // the finish and the writing: they allocated beside it, and a million patients' run could peak there (770 MB in
        // one run of three, against at most 620 MB while scoring). One full compacting collection lets them reuse that
        // memory instead; it also took the 100,000-patient finish from 0.43 to 0.29 s. (An aggressive one, which returns
        // the memory to the system at once, made the finish fault it back in: 0.53 s.)
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        WarmUpWriters();   // beside the merge and the finish, on one core
        var merged = fold.Result();
        var files = spills.Where((_, k) => spilled[k]).ToList();
        PartitionsKeepingPatientOutputs = partitions.Count - files.Count;
        // Some partitions' outputs are on disk: the kept ones join them (those of partitions kept before the budget was
        // full and added after), so that one merge of the files gives them all in order.
        if (files.Count > 0 && merged.PatientCount > 0)
            merged = WritePatients(merged, NextKeptFile());
        files.AddRange(keptFiles);
        _patientOutputs = files.Count > 0 ? PatientOutputs.OnDisk(files, _partitionCt) : null;
        BeforeFinishingPartitions?.Invoke(partitions.Folder);
        try
        {
            var evaluation = rows.Finish(evaluator, merged, _partitionCt);
            if (files.Count == 0)
            {
                PatientOutputsHeld = PatientOutputsPath.Kept;
                return evaluation;
            }
            if (!PatientOutputsFit(files))
            {
                PatientOutputsHeld = PatientOutputsPath.Streamed;
                return evaluation;
            }
            return WithPatientOutputs(evaluation);
        }
        catch (PatientOutputsReadException e)
        {
            throw new PartitionReadException(e.Message, e);   // the same one line and exit 2 as a damaged patients' file
        }
    }

    /// <summary>How many bytes in memory the patients' outputs take per byte of their files, at most (UTF-16 strings
    /// and the objects' headers; measured at about 2 on the sample exports).</summary>
    internal const double PatientOutputsExpansion = 3.0;

    /// <summary>Bytes in memory of the patients' outputs per byte of NDJSON input, at most, for deciding whether to keep
    /// them at all (0.13 measured on the 100,000-patient sample export: 72 MiB for 537 MiB).</summary>
    internal const double PatientOutputsPerInputByte = 0.3;

    /// <summary>Writes <paramref name="partial"/>'s per-patient outputs to <paramref name="path"/> and returns it without them.</summary>
    private static EvaluationPartial WritePatients(EvaluationPartial partial, string path)
    {
        using (var file = ScratchFile.Create(path))
            partial.WritePatientsTo(file);
        return partial.WithoutPatients();
    }

    /// <summary>How many bytes in memory one patient's outputs (cards and support plan) take at most, for deciding
    /// whether a partitioned run keeps them (about 2 KiB on the sample exports: 72 MiB for the 36,000 patients with
    /// outputs of the 100,000-patient export; <see cref="KeepsPatientOutputs"/>).</summary>
    internal const long PatientOutputBytes = 6 << 10;

    /// <summary>Gets how many partitions of the last partitioned run kept their patients' outputs in memory (the others
    /// wrote them to files).</summary>
    internal int PartitionsKeepingPatientOutputs { get; private set; }

    /// <summary>Where the last partitioned run held its patients' outputs as the report was written.</summary>
    internal PatientOutputsPath PatientOutputsHeld { get; private set; }

    /// <summary>Where a partitioned run holds its patients' outputs as the report is written.</summary>
    internal enum PatientOutputsPath
    {
        /// <summary>Not a partitioned run.</summary>
        None,

        /// <summary>Kept in the partitions' partials and merged with them: they fitted a quarter of the memory limit.</summary>
        Kept,

        /// <summary>Written to files, then read back into memory once: they fitted half the limit once the partitions were done.</summary>
        ReadBack,

        /// <summary>Written to files, and read from them by each output as it is written.</summary>
        Streamed,
    }

    /// <summary>Gets or sets the bytes one patient's outputs count for against the budget of those kept in memory
    /// (<see cref="PatientOutputBytes"/>; tests make it larger, to fill the budget part-way through a small export).</summary>
    internal long KeptPatientOutputBytes { get; init; } = PatientOutputBytes;

    /// <summary>Gets or sets whether a partitioned run writes every partition's patients' outputs to files, even when
    /// they would fit in memory (tests of the files' path, read back or streamed).</summary>
    internal bool SpillPatientOutputs { get; init; }

    /// <summary>Gets or sets whether a partitioned run writes its patients' outputs to files and streams them from there,
    /// even when they would fit in memory (tests of that path).</summary>
    internal bool StreamPatientOutputs { get; init; }

    /// <summary>Gets whether a partitioned run keeps patients' outputs in memory at all (<see cref="KeptPatients"/>).</summary>
    private bool KeepsPatientOutputs => !SpillPatientOutputs && !StreamPatientOutputs;

    /// <summary>The patients' outputs the partitions keep in memory, within a budget of bytes (by
    /// <see cref="PatientOutputBytes"/> per patient); the first partition that does not fit, and every one after it,
    /// goes to disk, and so do, at that moment, the outputs kept so far. Thread-safe. Which partitions are kept depends on
    /// the order they finish in; the numbers do not.</summary>
    private sealed class KeptPatients(long budget, long bytesPerPatient)
    {
        private readonly Lock _gate = new();
        private long _bytes;
        private bool _full = budget < 0;   // a negative budget keeps nothing, and never overflows

        /// <summary>Whether a partition's <paramref name="patients"/> are kept; <paramref name="overflowed"/>: this call
        /// was the first refused since the budget was set (the caller then writes out those kept so far).</summary>
        public bool TryKeep(int patients, out bool overflowed)
        {
            lock (_gate)
            {
                overflowed = false;
                if (_full || _bytes + patients * bytesPerPatient > budget)
                {
                    overflowed = !_full;
                    _full = true;
                    return false;
                }
                _bytes += patients * bytesPerPatient;
                return true;
            }
        }
    }

    /// <summary>Whether the patients' outputs in <paramref name="spills"/> fit half the memory limit once read back: by
    /// the time they are written, the partitions' data are gone, so half the limit is free for them.</summary>
    private bool PatientOutputsFit(List<string> spills)
    {
        long bytes = 0;
        foreach (var spill in spills)
            bytes += new FileInfo(spill).Length;
        return !StreamPatientOutputs && bytes * PatientOutputsExpansion <= _memoryLimit / 2.0;
    }

    /// <summary>Reads the patients' outputs back once into <paramref name="evaluation"/>, as a one-pass evaluation holds
    /// them: every output then writes them from memory, instead of merging and parsing the files again for each of the
    /// results, the HTML report and the MeasureReports (five reads with <c>--out</c>).</summary>
    private PracticeEvaluation WithPatientOutputs(PracticeEvaluation evaluation)
    {
        var cards = ImmutableArray.CreateBuilder<ScoreCard>();
        var plans = ImmutableArray.CreateBuilder<SupportPlan>();
        _patientOutputs!.Visit(cards.Add, plans.Add);
        _patientOutputs = null;
        PatientOutputsHeld = PatientOutputsPath.ReadBack;
        return evaluation with { PatientCards = cards.ToImmutable(), SupportPlans = plans.ToImmutable() };
    }

    /// <summary>Runs <paramref name="body"/> for every partition on <see cref="_workers"/> threads; a failure in one
    /// stops the rest and is rethrown as itself (the first by partition, so that a run names the same problem each time).</summary>
    private void ForEachPartition(Action<int> body)
    {
        var failures = new Exception?[_partitions!.Count];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_partitionCt);
        try
        {
            Parallel.For(0, _partitions.Count, new ParallelOptions { MaxDegreeOfParallelism = _workers, CancellationToken = stop.Token }, k =>
            {
                try
                {
                    body(k);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failures[k] = e;
                    stop.Cancel();
                }
            });
        }
        catch (OperationCanceledException) when (!_partitionCt.IsCancellationRequested)
        {
            // stopped because a partition failed: reported below
        }
        _partitionCt.ThrowIfCancellationRequested();
        if (failures.FirstOrDefault(f => f is not null) is { } failure)
        {
            if (failure is IOException or UnauthorizedAccessException or InvalidDataException)
                throw new PartitionReadException($"cannot read a temporary partition file of the FHIR input ({failure.GetType().Name}); check the free space and permissions of the temporary folder (--temp).", failure);
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    /// <summary>A temporary partition file could not be read: a clear one-line failure (exit 2), never a record's value.</summary>
    private sealed class PartitionReadException(string message, Exception inner) : Exception(message, inner);
}
