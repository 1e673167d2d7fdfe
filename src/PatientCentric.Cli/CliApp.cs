using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PatientCentric.Cli.Eval;
using PatientCentric.Cli.Report;
using PatientCentric.Cli.Sample;
using PatientCentric.Fhir;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Serialization;

namespace PatientCentric.Cli;

/// <summary>The <c>patientcentric</c> command line: <c>report</c>, <c>eval</c>, <c>profiles</c> and <c>sample</c>.
/// Exit codes: 0 success, 2 bad input or usage (one message on stderr, nothing on stdout), 1 unexpected failure.</summary>
internal sealed partial class CliApp(TextReader stdin, TextWriter stdout, TextWriter stderr, TimeProvider? time = null)
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
    /// <summary>The run was cancelled (Ctrl-C or SIGTERM): 128 + SIGINT, as shells report it.</summary>
    public const int Cancelled = 130;

    public static int Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        using var input = Console.OpenStandardInput();
        // Standard output through a 64 KiB buffer, flushed after every write (so eval's result lines still go out one at a
        // time, and nothing is left to flush at exit: the writer is never disposed, so a late write cannot fail):
        // Console.Out's own buffer holds 256 bytes, which made a JSON report streamed to standard output one system call
        // per 256 bytes (34,278 for the bundled sample's 8.7 MB; 1,191 with this one).
        Console.SetOut(new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16) { AutoFlush = true });
        return new CliApp(Console.In, Console.Out, Console.Error) { StdinBytes = input, HandlesSignals = true }.Run(args);
    }

    /// <summary>Gets whether <c>report</c> turns SIGINT and SIGTERM into a cancellation (the real process only; tests
    /// cancel through <see cref="Run"/>'s token).</summary>
    public bool HandlesSignals { get; init; }

    /// <summary>Gets what a <c>report</c> run reports as it goes (a test hook); without it, progress is drawn on
    /// standard error only when that is a terminal.</summary>
    internal IProgress<ReportProgress>? Progress { get; init; }

    private CancellationToken _cancellation;

    /// <summary>Gets standard input as bytes, so that eval decodes it strictly itself; when <see langword="null"/> the text
    /// reader is used and must hold valid UTF-16 (no unpaired surrogate).</summary>
    public Stream? StdinBytes { get; init; }

    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="cancellationToken">Cancels a <c>report</c> run (as Ctrl-C does: exit 130, no output file kept) or
    /// an <c>eval --lines</c> run between lines.</param>
    public int Run(string[] args, CancellationToken cancellationToken = default)
    {
        _cancellation = cancellationToken;
        var root = new RootCommand("patientcentric: explainable patient-experience scores for a practice's data.");
        root.Subcommands.Add(ReportCommand());
        root.Subcommands.Add(EvalCommand());
        root.Subcommands.Add(ProfilesCommand());
        root.Subcommands.Add(SampleCommand());
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
                stderr.WriteLine($"error: {error.Message}");
            stderr.WriteLine("Run 'patientcentric --help' for usage.");
            return BadInput;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Unexpected: say what kind of failure it was, never the data (messages of our own exceptions carry no record values).
            stderr.WriteLine($"error: unexpected {e.GetType().Name}: {e.Message}");
            return Failure;
        }
    }

    private static Option<string> FormatOption() => new("--format")
    {
        Description = "Output format: table (for people) or json (for programs).",
        DefaultValueFactory = _ => "table",
    };

    private Command ReportCommand()
    {
        var input = new Option<FileInfo?>("--input") { Description = "A practice data set in the JSON input schema (docs/data-model.md). Default: the bundled sample." };
        var fhir = new Option<string?>("--fhir") { Description = "Read FHIR R4 instead (docs/fhir.md): a Bundle or resource .json file, an .ndjson(.gz) file, or a folder of either (a Bulk Data export folder when it holds .ndjson files)." };
        var strict = new Option<bool>("--strict") { Description = "With --fhir: stop at the first problem in the input (malformed line, missing patient…) instead of counting it and going on." };
        var keyFile = new Option<FileInfo?>("--pseudonym-key-file") { Description = "With --fhir: a file whose bytes (at least 16, kept secret) key the patient pseudonyms, so the same patient gets the same key in every run. Default: a random key per run." };
        var patientRefs = new Option<bool>("--include-patient-refs") { Description = "With --fhir: identify patients in the output by their FHIR Patient id instead of a keyed pseudonym (only where results must be linked back to records)." };
        var timeZone = new Option<string?>("--time-zone") { Description = "With --fhir: the practice's IANA time zone (such as America/Chicago), in which instants become local dates and business hours are counted (FhirReadOptions.TimeZone). Default: UTC, since FHIR does not carry it." };
        var slotsObservedAt = new Option<string?>("--slots-observed-at") { Description = "With --fhir: the instant (ISO 8601 with offset, such as the Bulk Data manifest's transactionTime) at which the Slot resources were exported, so Slot and Schedule are read as availability snapshots taken then and TNAA is scored (FhirReadOptions.SlotsObservedAt). Default: Slots are not read." };
        var surveyItems = new Option<FileInfo?>("--survey-items") { Description = "With --fhir: the survey item definitions and linkId map ({\"surveyItems\": [...], \"linkIds\": {...}}, as written by 'sample --fhir-out'), so QuestionnaireResponses are read and the survey measures scored (docs/fhir.md)." };
        var format = FormatOption();
        format.AcceptOnlyFromAmong("table", "json");
        var profile = new Option<string?>("--profile") { Description = "The profile to score under (see 'patientcentric profiles'). Default: primary-care-value-based." };
        var from = new Option<DateOnly?>("--from") { Description = "First day of the measurement period (yyyy-MM-dd). Default: the data set's period." };
        var to = new Option<DateOnly?>("--to") { Description = "Last day of the measurement period (yyyy-MM-dd). Default: the data set's period." };
        // Read as text and parsed like every other instant: without an offset it would be read in the machine's time zone.
        var asOf = new Option<string?>("--as-of") { Description = "Evaluate as of this instant (ISO 8601 with offset) instead of now, for reproducible output." };
        var explain = new Option<bool>("--explain") { Description = "List every component of every score card." };
        var (memoryLimit, temp) = PartitionOptions();
        var outDir = new Option<DirectoryInfo?>("--out") { Description = "Also write DIR/report.html (a self-contained page for people), DIR/results.json (the same JSON as --format json) and DIR/measure-reports.ndjson (FHIR R4 Measure and MeasureReport resources), and with --fhir DIR/data-quality.json (what was read, assumed and skipped; files by number, never by name), creating DIR." };
        var practices = new Option<DirectoryInfo?>("--practices") { Description = "Score every practice in DIR, one sub-folder each (a JSON data set or a FHIR export), in parallel, and compare each practice's headline measures with its peers' (docs/peers.md). With --out, DIR2/report.html and DIR2/results.json hold the peer comparison and DIR2/<folder>/ each practice's own report." };
        var workers = new Option<int?>("--workers") { Description = "With --practices: how many practices to score at once; with --fhir: how many partitions of an export over --memory-limit are read and scored at once. Default: the number of processors." };
        var command = new Command("report", "Score everything the library knows on a practice's data (the bundled sample by default).")
        {
            input, fhir, strict, keyFile, patientRefs, timeZone, slotsObservedAt, surveyItems, format, profile, from, to, asOf, explain, outDir, practices, workers,
            memoryLimit, temp,
        };
        // --workers alone (no --fhir) belongs to --practices, which says so when --practices is missing.
        command.SetAction(r => r.GetValue(practices) is not null || (r.GetValue(workers) is not null && r.GetValue(fhir) is null)
            ? ReportPractices(new PracticesRequest(r.GetValue(practices), r.GetValue(workers), r.GetValue(format)!, r.GetValue(profile), r.GetValue(from), r.GetValue(to),
                                                   r.GetValue(asOf), r.GetValue(outDir), r.GetValue(timeZone), r.GetValue(strict),
                                                   [.. new (string Name, bool Given)[]
                                                   {
                                                       ("--input", r.GetValue(input) is not null), ("--fhir", r.GetValue(fhir) is not null), ("--explain", r.GetValue(explain)),
                                                       ("--pseudonym-key-file", r.GetValue(keyFile) is not null), ("--include-patient-refs", r.GetValue(patientRefs)),
                                                       ("--slots-observed-at", r.GetValue(slotsObservedAt) is not null), ("--survey-items", r.GetValue(surveyItems) is not null),
                                                       ("--memory-limit", r.GetValue(memoryLimit) is not null), ("--temp", r.GetValue(temp) is not null),
                                                   }.Where(o => o.Given).Select(o => o.Name)]))
            : ReportPartitionable(r.GetValue(memoryLimit), r.GetValue(workers), r.GetValue(temp), () =>
                ReportCancellable(r.GetValue(input), r.GetValue(fhir), r.GetValue(strict), r.GetValue(keyFile), r.GetValue(patientRefs), r.GetValue(timeZone), r.GetValue(slotsObservedAt), r.GetValue(surveyItems), r.GetValue(format)!, r.GetValue(profile), r.GetValue(from), r.GetValue(to), r.GetValue(asOf), r.GetValue(explain), r.GetValue(outDir))));
        return command;
    }

    /// <summary>Runs <see cref="Report"/> with cancellation: on Ctrl-C or SIGTERM (with <see cref="HandlesSignals"/>) or the
    /// token given to <see cref="Run"/>, the run stops at its next check, deletes the temporary files it wrote, says so
    /// in one line and exits 130.</summary>
    private int ReportCancellable(FileInfo? input, string? fhirPath, bool strict, FileInfo? keyFile, bool patientRefs, string? timeZone, string? slotsObservedAt, FileInfo? surveyItemsFile, string format, string? profileKey, DateOnly? from, DateOnly? to, string? asOfText, bool explain, DirectoryInfo? outDir)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(_cancellation);
        using var signals = HandlesSignals ? SignalCancellation.Register(cancel) : null;
        // A one-line progress display, only when a person watches standard error (never in tests or pipes).
        var console = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected ? new ConsoleReportProgress(stderr) : null;
        try
        {
            return Report(input, fhirPath, strict, keyFile, patientRefs, timeZone, slotsObservedAt, surveyItemsFile, format, profileKey, from, to, asOfText, explain, outDir,
                          Progress ?? console, console, cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            console?.Done();
            stderr.WriteLine("cancelled: the run stopped before the end; no output file of this run was kept.");
            return Cancelled;
        }
        finally
        {
            console?.Done();
        }
    }

    private int Report(FileInfo? input, string? fhirPath, bool strict, FileInfo? keyFile, bool patientRefs, string? timeZone, string? slotsObservedAt, FileInfo? surveyItemsFile, string format, string? profileKey, DateOnly? from, DateOnly? to, string? asOfText, bool explain, DirectoryInfo? outDir,
                       IProgress<ReportProgress>? progress, ConsoleReportProgress? console, CancellationToken ct)
    {
        DateTimeOffset? asOf = null;
        if (asOfText is not null)
        {
            if (!TryParseInstant(asOfText, out var at))
                return Fail("--as-of: not an ISO 8601 instant with a UTC offset (for example 2026-01-15T12:00:00Z or 2026-01-15T06:00:00-06:00).");
            asOf = at;
        }
        PracticeDataSet data;
        string source;
        FhirInput? fhirInput = null;
        if (input is not null && fhirPath is not null)
            return Fail("--input and --fhir are alternatives: give one.");
        if (strict && fhirPath is null)
            return Fail("--strict applies to --fhir input only.");
        if (keyFile is not null && fhirPath is null)
            return Fail("--pseudonym-key-file applies to --fhir input only.");
        if (patientRefs && fhirPath is null)
            return Fail("--include-patient-refs applies to --fhir input only.");
        if (patientRefs && keyFile is not null)
            return Fail("--include-patient-refs and --pseudonym-key-file are alternatives: give one.");
        if (surveyItemsFile is not null && fhirPath is null)
            return Fail("--survey-items applies to --fhir input only.");
        if (timeZone is not null && fhirPath is null)
            return Fail("--time-zone applies to --fhir input only.");
        if (timeZone is not null && (string.IsNullOrWhiteSpace(timeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _)))
            return Fail("--time-zone: not a known IANA time zone id (for example America/Chicago).");
        if (slotsObservedAt is not null && fhirPath is null)
            return Fail("--slots-observed-at applies to --fhir input only.");
        if (!TryCheckPartitionSettings(fhirPath is not null, out var partitionFailure))
            return Fail(partitionFailure);
        DateTimeOffset? observedAt = null;
        if (slotsObservedAt is not null)
        {
            if (!TryParseInstant(slotsObservedAt, out var observed))
                return Fail("--slots-observed-at: not an ISO 8601 instant with a UTC offset (for example 2025-12-29T08:00:00-06:00).");
            observedAt = observed;
        }
        byte[]? key = null;
        if (keyFile is not null)
        {
            if (!keyFile.Exists)
                return Fail($"{keyFile.FullName}: file not found.");
            key = File.ReadAllBytes(keyFile.FullName);
            if (key.Length < 16)
                return Fail($"{keyFile.FullName}: a pseudonym key needs at least 16 bytes but the file has {key.Length}.");
        }
        var fhirOptions = new FhirReadOptions { Strict = strict, PseudonymKey = key is null ? null : [.. key], IncludePatientReferences = patientRefs };
        if (timeZone is not null)
            fhirOptions.TimeZone = timeZone;
        fhirOptions.SlotsObservedAt = observedAt;
        if (surveyItemsFile is not null)
        {
            if (!surveyItemsFile.Exists)
                return Fail($"{surveyItemsFile.FullName}: file not found.");
            try
            {
                var (items, linkIds) = SurveyItemsFile.Read(File.ReadAllBytes(surveyItemsFile.FullName), surveyItemsFile.Name);
                fhirOptions.SurveyItems = items;
                fhirOptions.SurveyItemsByLinkId = linkIds;
            }
            catch (PatientCentricDataException e)
            {
                return Fail($"--survey-items: {SurveyItemsFile.OneLine(e)}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Fail($"{surveyItemsFile.FullName}: cannot read the survey items ({e.GetType().Name}).");
            }
        }
        progress?.Report(new ReportProgress(ReportPhase.Read));
        // The writers' set-up runs beside the one-pass read (on one core); a partitioned run starts it once its partitions
        // are scored (ScorePartitions), as the merged partial is finished on one core.
        _writerWarmUp = (format == "json" || outDir is not null, null);
        try
        {
            if (fhirPath is not null)
            {
                if (!TryReadFhirPartitioned(fhirPath, fhirOptions, ct, out data, out source, out fhirInput, out var failure))
                    return Fail(failure);
                if (_partitions is null)
                {
                    WarmUpWriters();
                    if (!TryReadFhir(fhirPath, fhirOptions, console, ct, out data, out source, out fhirInput, out failure))
                        return Fail(failure);
                }
            }
            else if (input is null)
            {
                WarmUpWriters();
                data = SampleData.Load();
                source = SampleData.DisplayName;
            }
            else
            {
                if (!input.Exists)
                    return Fail($"{input.FullName}: file not found.");
                WarmUpWriters();
                using var stream = new CancellableReadStream(input.OpenRead(), ct);
                data = PracticeDataSetReader.Read(stream, input.Name);
                source = input.FullName;
            }
        }
        catch (PatientCentricDataException e)
        {
            return Fail(e.Message);
        }

        if ((from is null) != (to is null))
            return Fail("--from and --to go together: give both or neither.");
        MeasurementPeriod? period = null;
        if (from is { } f && to is { } t)
        {
            if (t < f)
                return Fail("--to must be on or after --from.");
            period = new MeasurementPeriod(f, t);
        }
        else if (data.Period is null && _partitions is null)
        {
            return Fail(NoPeriod(source));
        }

        ct.ThrowIfCancellationRequested();
        if (_fhirSummary is not null)
            stderr.Write(_fhirSummary.ToString());

        // Partitions are scored apart and merged: they must share one evaluation instant.
        using var services = BuildServices(_partitions is null ? asOf : asOf ?? (time ?? TimeProvider.System).GetUtcNow(), profileKey);
        PracticeEvaluation evaluation;
        progress?.Report(new ReportProgress(ReportPhase.Score));
        try
        {
            var evaluator = services.GetRequiredService<PracticeEvaluator>();
            if (_partitions is null)
            {
                evaluation = MeasureFamilies.WithNotApplicableFamilies(evaluator.Evaluate(data, period, cancellationToken: ct), data);
            }
            else
            {
                // The partitions are read as they are scored: the FHIR summary, the export's period and lines come after.
                var partitioned = EvaluatePartitions(evaluator, period);
                if (partitioned is null)
                    return Fail(NoPeriod(source));
                if (_fhirSummary is not null)
                {
                    console?.Done();
                    stderr.Write(_fhirSummary.ToString());
                }
                data = data with { Period = _globalPeriod, ServiceLines = _globalLines };
                fhirInput = _partitionInput;
                evaluation = MeasureFamilies.WithNotApplicableFamilies(partitioned, data, _census);
            }
        }
        catch (OptionsValidationException e)
        {
            return Fail(string.Join(Environment.NewLine, e.Failures));
        }
        catch (PatientCentricDataException e)
        {
            return Fail(e.Message);
        }
        catch (PartitionReadException e)
        {
            return Fail(e.Message);
        }

        string? html = null, results = null, measureReports = null, dataQuality = null;
        if (outDir is not null)
        {
            try
            {
                Directory.CreateDirectory(outDir.FullName);
                // Each file is streamed to a temporary file and all are renamed at the end: a failed or cancelled run
                // leaves the folder as it was.
                using var outputs = new ReportOutputs(outDir.FullName, progress, ct);
                // The files are written concurrently: each writer reads the immutable evaluation and enumerates the
                // patients' outputs on its own (a partitioned run's files are opened again per enumeration).
                var patientOutputs = _patientOutputs ?? PatientOutputs.Of(evaluation);
                var census = _census;
                // The longest first (on a large export results.json takes longest, then the MeasureReports), so that the
                // shorter ones fill in beside them.
                List<(string, Action<Stream>)> files =
                [
                    ("results.json", stream =>
                    {
                        ReportJson.Write(stream, evaluation, patientOutputs);
                        stream.WriteByte((byte)'\n');
                    }),
                    ("measure-reports.ndjson", stream => new FhirMeasureReportWriter().WriteNdjson(evaluation, patientOutputs.Cards, stream)),
                    ("report.html", stream =>
                    {
                        using var text = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: 1 << 16);
                        HtmlReport.Render(text, evaluation, data, source, fhirInput, census, patientOutputs);
                    }),
                ];
                if (fhirInput is not null)
                    files.Add((DataQualityJson.FileName, stream => DataQualityJson.Write(stream, fhirInput)));
                outputs.WriteAll(files);
                // A data-quality.json left by an earlier FHIR run would describe other data.
                outputs.Commit(fhirInput is null ? [DataQualityJson.FileName] : []);
                html = outputs.PathOf("report.html");
                results = outputs.PathOf("results.json");
                measureReports = outputs.PathOf("measure-reports.ndjson");
                dataQuality = fhirInput is null ? null : outputs.PathOf(DataQualityJson.FileName);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                console?.Done();
                return Fail($"{outDir.FullName}: cannot write the report ({e.GetType().Name}).");
            }
            catch (PatientOutputsReadException e)
            {
                console?.Done();
                return Fail(e.Message);
            }
        }
        console?.Done();

        try
        {
            WriteReport(format, evaluation, data, source, explain, html, results, measureReports, dataQuality, ct);
        }
        catch (PatientOutputsReadException e)
        {
            return Fail(e.Message);
        }
        return Success;
    }

    /// <summary>What the writers' set-up (<see cref="WriterWarmUp"/>) covers in this run, and once started, its task.</summary>
    private (bool Json, Task? Started) _writerWarmUp;

    /// <summary>Starts the writers' set-up on the thread pool, once per run, when a phase on one core begins.</summary>
    private void WarmUpWriters()
    {
        if (_writerWarmUp is (var json, null))
            _writerWarmUp = (json, WriterWarmUp.Start(json));
    }

    // Standard output: the JSON document or the table, then where the files went.
    private void WriteReport(string format, PracticeEvaluation evaluation, PracticeDataSet data, string source, bool explain,
                             string? html, string? results, string? measureReports, string? dataQuality, CancellationToken ct)
    {
        if (format == "json")
        {
            // Streamed through the text writer (standard output, or a test's), never built whole.
            using (var json = new ReportOutputStream(new TextWriterStream(stdout), "standard output", Progress, ct))
                ReportJson.Write(json, evaluation, _patientOutputs);
            stdout.WriteLine();
            // Standard output stays one JSON document: where the files went goes to standard error.
            if (html is not null)
                stderr.WriteLine(dataQuality is null ? $"Wrote {html}, {results} and {measureReports}." : $"Wrote {html}, {results}, {measureReports} and {dataQuality}.");
        }
        else
        {
            var text = new StringWriter(CultureInfo.InvariantCulture);
            ConsoleReport.Write(text, evaluation, data, source, explain, _census, _patientOutputs);
            stdout.Write(text.ToString());
            if (html is not null)
            {
                stdout.WriteLine();
                stdout.WriteLine($"Wrote the HTML report to {html}");
                stdout.WriteLine($"Wrote the JSON results to {results}");
                stdout.WriteLine($"Wrote the FHIR MeasureReports to {measureReports}");
                if (dataQuality is not null)
                    stdout.WriteLine($"Wrote the FHIR data-quality report to {dataQuality}");
            }
        }
    }

    /// <summary>An ISO 8601 date and time that states its offset (<c>Z</c> or <c>±hh:mm</c>): without one the instant
    /// would depend on the machine's time zone.</summary>
    private static bool TryParseInstant(string text, out DateTimeOffset instant)
    {
        instant = default;
        var t = text.Trim();
        bool hasOffset = t.EndsWith('Z') || (t.Length > 6 && t[^6] is '+' or '-' && t[^3] == ':');
        return hasOffset && t.Contains('T', StringComparison.Ordinal)
               && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
    }

    /// <summary>The data-quality summary of the FHIR input read, for standard error once the report goes on.</summary>
    private System.Text.StringBuilder? _fhirSummary;

    private bool TryReadFhir(string path, FhirReadOptions options, ConsoleReportProgress? progress, CancellationToken ct, out PracticeDataSet data, out string source, out FhirInput? input, out string failure, bool quiet = false)
    {
        data = null!;
        input = null;
        failure = "";
        var full = Path.GetFullPath(path);
        // A single file is shown by its folder only: Synthea names each file after its patient.
        source = File.Exists(full) ? $"{Path.GetDirectoryName(full)} (one file; its name is not shown)" : full;
        FhirInputFiles? files;
        try
        {
            files = FhirInputFiles.Find(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            failure = $"{source}: cannot list the FHIR input ({e.GetType().Name}).";
            return false;
        }
        if (files is null)
        {
            failure = $"{source}: no such file or folder.";
            return false;
        }
        var reader = new FhirPracticeReader(options);
        FhirReadResult result;
        try
        {
            result = files.Read(reader, progress, ct);
        }
        catch (FhirInputException e) when (!e.Issues.IsEmpty)
        {
            progress?.Done();
            failure = FhirProblems(source, files, e);
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FhirInputException)
        {
            progress?.Done();
            failure = $"{source}: cannot read the FHIR input ({files.Scrub(e.Message)}).";
            return false;
        }
        progress?.Done();

        data = result.Data;
        input = new FhirInput(result.Quality, files);
        Summarize(input, data.Claims.Length > 0, quiet);
        return true;
    }

    private static string NoPeriod(string source) => $"{source}: the data set states no period; give --from and --to.";

    /// <summary>The one line of a strict read's problems; files by position, never by name (Synthea names each file after
    /// its patient).</summary>
    private static string FhirProblems(string source, FhirInputFiles files, FhirInputException e) =>
        $"{source}: cannot read the FHIR input (FHIR input problem: " +
        string.Join("; ", e.Issues.Select(i => $"{i.Code} in {files.Locate(i)}" + (FhirInput.What(i) is { } what ? $", {what}" : ""))) + ").";

    private void Summarize(FhirInput input, bool hasClaims, bool quiet)
    {
        var (q, files) = (input.Quality, input.Files);
        // Written once the run goes on (see Report): a run that then stops (exit 2) says one line only.
        var summary = new System.Text.StringBuilder();
        if (!quiet)
            _fhirSummary = summary;   // with --practices (quiet) several reads run at once and none is summarised
        if (_readMode is not null && !quiet)
            summary.AppendLine(_readMode);
        // Counts only, on standard error so that --format json keeps standard output one JSON document.
        var ignored = q.ResourcesIgnored.Values.Sum();
        summary.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"FHIR input: {q.ResourcesRead:N0} resources read, {q.DuplicatesReplaced:N0} duplicates replaced, {ignored:N0} of unused types ignored, {q.Issues.Length:N0} problems; " +
            $"{q.BookingInstantUnknown:N0} appointments with unknown booking instant, {q.DerivedFills:N0} fills derived from prescriptions, {q.ClaimsWithoutResponse:N0} claims without a response, " +
            $"{q.ReferralClosureUnknown:N0} referrals with unknown closure."));
        if (q.BookingInstantUnknown > 0)
            summary.AppendLine("  Appointments with an unknown booking instant are left out of lead-time, and visits recorded without an Appointment out of the no-show and cancellation rates.");
        if (q.ReferralClosureUnknown > 0)
            summary.AppendLine("  The input holds no Task, so no referral can show whether its loop closed: referral closure leaves them out.");
        if (q.Retracted > 0)
            summary.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"  {q.Retracted:N0} resources retracted: their latest version (meta.lastUpdated) is entered-in-error or has a status that is not scored, so no version of them is used."));
        if (hasClaims)
            summary.AppendLine("  FHIR does not record claim edits: the clean-claim rate leaves every claim out; the initial denial rate uses them.");
        foreach (var (code, issues) in input.IssuesByCode)
        {
            var first = issues[0];
            summary.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"  {code}: {issues.Length:N0} (first: {files.Locate(first)}{(FhirInput.What(first) is { } what ? $", {what}" : "")})"));
        }
        if (!q.Issues.IsEmpty && files.Count > 1)
            summary.AppendLine("  Files are numbered in the order read: ordinal name order in the folder (LC_ALL=C ls); names are not shown.");
    }

    private ServiceProvider BuildServices(DateTimeOffset? asOf, string? profileKey)
    {
        var services = new ServiceCollection();
        if (asOf is { } instant)
            services.AddSingleton<TimeProvider>(new FixedTimeProvider(instant));
        else if (time is not null)
            services.AddSingleton(time);
        services.AddPatientCentric(pc =>
        {
            if (profileKey is not null)
                pc.UseProfile(profileKey);
        });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private Command EvalCommand()
    {
        var file = new Argument<string?>("request")
        {
            Description = "A file holding one JSON request, or - (the default) for standard input.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var list = new Option<bool>("--list") { Description = "List every measure id with a one-line description." };
        var lines = new Option<bool>("--lines") { Description = "Read JSON Lines (one request per line, blank lines skipped) and write one compact JSON result per request, in order, each flushed; a bad request gets {\"error\":{\"line\",\"path\",\"message\"}} on its line and the rest go on. Exit 0 when every request succeeded, 2 when any was refused." };
        var format = new Option<string?>("--format") { Description = "Output format: json (the default for results) or table (the default for --list)." };
        format.AcceptOnlyFromAmong("json", "table");
        var command = new Command("eval", "Evaluate one measure: one JSON request in (file or stdin), one JSON result out (docs/cli-json.md); --lines for many.")
        {
            file, list, lines, format,
        };
        command.SetAction(r => Eval(r.GetValue(file), r.GetValue(list), r.GetValue(lines), r.GetValue(format)));
        return command;
    }

    /// <summary>Gets the longest request line <c>eval --lines</c> answers, in bytes (tests lower it).</summary>
    internal int EvalMaxLineBytes { get; init; } = EvalLines.MaxLineBytes;

    private int Eval(string? file, bool list, bool lines, string? format)
    {
        if (lines)
        {
            if (list)
                return Fail("--lines and --list are alternatives: give one.");
            if (format == "table")
                return Fail("--lines writes JSON Lines only: --format table does not apply.");
            return EvalLinesOf(file);
        }
        if (list)
        {
            if (file is not null)
                return Fail("--list takes no request.");
            format ??= "table";
            if (format == "json")
            {
                var buffer = new MemoryStream();
                using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    w.WriteStartArray();
                    foreach (var m in EvalMeasures.All)
                    {
                        w.WriteStartObject();
                        w.WriteString("measure", m.Id);
                        w.WriteString("description", m.Description);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }
                stdout.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
            }
            else
            {
                var table = new TextTable("Measure", "Description");
                foreach (var m in EvalMeasures.All)
                    table.Add(m.Id, m.Description);
                table.Write(stdout, "");
            }
            return Success;
        }

        byte[] request;
        string name = file is null or "-" ? "<stdin>" : file;
        try
        {
            request = file is null or "-" ? ReadStdin() : File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail($"{name}: cannot read the request ({e.GetType().Name}).");
        }
        catch (EncoderFallbackException)
        {
            return Fail("$: the input is not valid Unicode text (an unpaired surrogate).");
        }

        string result;
        try
        {
            result = EvalRunner.Evaluate(request);
        }
        catch (EvalInputException e)
        {
            return Fail(e.Message);
        }
        if (format is null or "json")
        {
            stdout.WriteLine(result);
        }
        else
        {
            var table = new TextTable("Field", "Value");
            using var doc = JsonDocument.Parse(result);
            foreach (var p in doc.RootElement.EnumerateObject())
                table.Add(p.Name, CellText(p.Value));
            table.Write(stdout, "");
        }
        return Success;
    }

    private int EvalLinesOf(string? file)
    {
        bool fromStdin = file is null or "-";
        Stream input;
        try
        {
            input = fromStdin
                ? StdinBytes ?? new MemoryStream(StrictUtf8.GetBytes(stdin.ReadToEnd()))
                : File.OpenRead(file!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail($"{file}: cannot read the requests ({e.GetType().Name}).");
        }
        catch (EncoderFallbackException)
        {
            return Fail("$: the input is not valid Unicode text (an unpaired surrogate).");
        }
        EvalLines.Outcome outcome;
        try
        {
            outcome = EvalLines.Run(input, stdout, EvalMaxLineBytes, _cancellation);
        }
        catch (IOException e)
        {
            return Fail($"{(fromStdin ? "<stdin>" : file)}: cannot read the requests ({e.GetType().Name}).");
        }
        catch (OperationCanceledException e) when (_cancellation.IsCancellationRequested)
        {
            stderr.WriteLine(e.Message);
            return Cancelled;
        }
        finally
        {
            if (!ReferenceEquals(input, StdinBytes))
                input.Dispose();
        }
        return outcome.Failed > 0 ? Failure : outcome.Refused > 0 ? BadInput : Success;
    }

    /// <summary>Standard input's bytes as sent, never decoded with replacement characters: eval checks them strictly.</summary>
    private byte[] ReadStdin()
    {
        if (StdinBytes is { } bytes)
        {
            using var buffer = new MemoryStream();
            bytes.CopyTo(buffer);
            return buffer.ToArray();
        }
        return StrictUtf8.GetBytes(stdin.ReadToEnd());
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A table cell: numbers as written, strings bare, arrays and objects as compact JSON on one line.</summary>
    private static string CellText(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                return value.GetRawText();
            case JsonValueKind.Array or JsonValueKind.Object:
                using (var buffer = new MemoryStream())
                {
                    using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                        value.WriteTo(writer);
                    return Encoding.UTF8.GetString(buffer.ToArray());
                }
            default:
                return value.ToString();
        }
    }

    private Command ProfilesCommand()
    {
        var format = FormatOption();
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("profiles", "List the built-in profiles with their weights and the reason for them.") { format };
        command.SetAction(r =>
        {
            var profiles = BuiltInProfiles.All.Values.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
            if (r.GetValue(format) == "json")
            {
                var options = new JsonSerializerOptions(PatientCentricJsonContext.Default.Options) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
                var context = new PatientCentricJsonContext(options);
                stdout.WriteLine("[" + string.Join(",", profiles.Select(p => JsonSerializer.Serialize(p, context.Profile))) + "]");
                return Success;
            }
            var table = new TextTable("Profile", "CS", "QC", "CE", "Why");
            foreach (var p in profiles)
            {
                table.Add(p.Key, F(p.Weights.CustomerService), F(p.Weights.QualityOfCare), F(p.Weights.CostEffectiveness), p.Rationale);
            }
            table.Write(stdout, "");
            stdout.WriteLine();
            stdout.WriteLine($"CS customer service · QC quality of care · CE cost effectiveness. Default: {BuiltInProfiles.DefaultKey}. These weights are library starting points, not published values.");
            return Success;
        });
        return command;
        static string F(double w) => w.ToString("0.00", CultureInfo.InvariantCulture);
    }

    private Command SampleCommand()
    {
        var output = new Option<FileInfo?>("--out") { Description = "Where to write the sample data set (JSON)." };
        var fhirOut = new Option<DirectoryInfo?>("--fhir-out") { Description = "Also (or instead) write the sample as FHIR R4 Bulk Data NDJSON into DIR, creating it: one <Type>.000.ndjson per resource type and survey-items.json for 'report --fhir DIR --survey-items DIR/survey-items.json' (docs/fhir.md)." };
        var seed = new Option<int>("--seed") { Description = "The random seed.", DefaultValueFactory = _ => SamplePracticeGenerator.DefaultSeed };
        var patients = new Option<int>("--patients") { Description = "How many patients.", DefaultValueFactory = _ => SamplePracticeGenerator.DefaultPatients };
        var practices = new Option<int?>("--practices") { Description = "Write K practices instead of one, each its own data set with its own character, into --out DIR (DIR/practice-01/practice.json, …) and/or --fhir-out DIR (one FHIR export per sub-folder), for 'report --practices DIR' (docs/peers.md)." };
        var command = new Command("sample", "Generate the synthetic sample practice (deterministic for a seed) as a JSON data set and/or FHIR R4 NDJSON.") { output, fhirOut, seed, patients, practices };
        command.SetAction(r =>
        {
            if (r.GetValue(practices) is { } count)
                return SamplePractices(count, r.GetValue(output), r.GetValue(fhirOut), r.GetValue(seed), r.GetValue(patients));
            var file = r.GetValue(output);
            var folder = r.GetValue(fhirOut);
            if (file is null && folder is null)
                return Fail("give --out FILE (JSON data set), --fhir-out DIR (FHIR NDJSON) or both.");
            if (r.GetValue(patients) < 1)
                return Fail("--patients must be 1 or more.");
            if (file is not null)
            {
                var data = SamplePracticeGenerator.Generate(r.GetValue(seed), r.GetValue(patients));
                File.WriteAllText(file.FullName, SampleJson(data));
                stdout.WriteLine($"Wrote {file.FullName}: {data.Appointments.Length:N0} appointments, {data.SurveyReturns.Length:N0} survey returns, " +
                                 $"{data.MedicationFills.Length:N0} fills, {data.Referrals.Length:N0} referrals, {data.Claims.Length:N0} claims.");
            }
            if (folder is not null)
            {
                // Generated again, patient by patient, so the export's memory does not grow with --patients (docs/performance.md).
                ImmutableArray<(string FileName, int Resources)> files;
                using var cancel = CancellationTokenSource.CreateLinkedTokenSource(_cancellation);
                using var signals = HandlesSignals ? SignalCancellation.Register(cancel) : null;
                var console = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected ? new SampleExportConsoleProgress(stderr) : null;
                try
                {
                    files = SampleFhirExport.WriteStreaming(r.GetValue(seed), r.GetValue(patients), null, folder.FullName, console, ct: cancel.Token);
                }
                catch (OperationCanceledException) when (cancel.IsCancellationRequested)
                {
                    console?.Done();
                    stderr.WriteLine($"cancelled: the export stopped before the end; its partial folder was deleted and {folder.Name} was left as it was.");
                    return Cancelled;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    console?.Done();
                    return Fail($"{folder.FullName}: cannot write the FHIR sample ({e.GetType().Name}).");
                }
                console?.Done();
                var ndjson = files.Where(f => f.Resources > 0).ToList();
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Wrote {folder.FullName}: {ndjson.Sum(f => f.Resources):N0} FHIR R4 resources ({string.Join(", ", ndjson.Select(f => $"{f.Resources:N0} {f.FileName[..f.FileName.IndexOf('.', StringComparison.Ordinal)]}"))}) and {SampleFhirExport.SurveyItemsFileName}."));
            }
            return Success;
        });
        return command;
    }

    /// <summary>The sample as committed: compact JSON, one trailing newline.</summary>
    public static string SampleJson(PracticeDataSet data) =>
        JsonSerializer.Serialize(data, PatientCentricJsonContext.Default.PracticeDataSet) + "\n";

    private int Fail(string message)
    {
        stderr.WriteLine($"error: {message}");
        return BadInput;
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
