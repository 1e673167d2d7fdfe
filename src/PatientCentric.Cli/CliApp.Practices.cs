using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PatientCentric.Cli.Report;
using PatientCentric.Fhir;
using PatientCentric.Peers;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Serialization;

namespace PatientCentric.Cli;

/// <summary><c>report --practices DIR</c>: every practice sub-folder scored in parallel, and each practice's headline
/// measures compared with its peers' (docs/peers.md).</summary>
internal sealed partial class CliApp
{
    /// <summary>The options of <c>report --practices</c>; <paramref name="NotWithPractices"/> names the options given that
    /// do not apply to it.</summary>
    private sealed record PracticesRequest(DirectoryInfo? Folder, int? Workers, string Format, string? Profile, DateOnly? From, DateOnly? To,
                                           string? AsOf, DirectoryInfo? Out, string? TimeZone, bool Strict, ImmutableArray<string> NotWithPractices);

    /// <summary>One practice folder's result: its evaluation, or why it has nothing to score.</summary>
    private sealed record PracticeOutcome(string Folder, PracticeInputKind Kind, PracticeDataSet? Data, PracticeEvaluation? Evaluation,
                                          string Source, FhirInput? Fhir, string? Failure)
    {
        public string? WriteFailure { get; set; }
    }

    /// <summary>Indented JSON with the relaxed encoder, as <c>report --format json</c> writes; one context for all threads.</summary>
    private static readonly PatientCentricJsonContext IndentedJson =
        new(new JsonSerializerOptions(PatientCentricJsonContext.Default.Options) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private int ReportPractices(PracticesRequest q)
    {
        if (q.Folder is null)
            return Fail("--workers applies to --practices only.");
        if (q.NotWithPractices.Length > 0)
            return Fail($"{string.Join(", ", q.NotWithPractices)} cannot be combined with --practices: each practice sub-folder is read on its own (docs/peers.md).");
        if (q.Workers is < 1)
            return Fail("--workers must be 1 or more.");
        DateTimeOffset? asOf = null;
        if (q.AsOf is not null)
        {
            if (!TryParseInstant(q.AsOf, out var at))
                return Fail("--as-of: not an ISO 8601 instant with a UTC offset (for example 2026-01-15T12:00:00Z or 2026-01-15T06:00:00-06:00).");
            asOf = at;
        }
        if ((q.From is null) != (q.To is null))
            return Fail("--from and --to go together: give both or neither.");
        MeasurementPeriod? period = null;
        if (q.From is { } f && q.To is { } t)
        {
            if (t < f)
                return Fail("--to must be on or after --from.");
            period = new MeasurementPeriod(f, t);
        }
        if (q.TimeZone is not null && (string.IsNullOrWhiteSpace(q.TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(q.TimeZone, out _)))
            return Fail("--time-zone: not a known IANA time zone id (for example America/Chicago).");

        string root = q.Folder.FullName;
        if (!Directory.Exists(root))
            return Fail($"{root}: no such folder.");
        string[] folders;
        try
        {
            folders = PracticeFolder.List(root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail($"{root}: cannot list the practice folders ({e.GetType().Name}).");
        }
        if (folders.Length == 0)
            return Fail($"{root}: no practice sub-folders; --practices takes a folder with one sub-folder per practice (docs/peers.md).");

        // One instant for every practice, so that all are scored as of the same moment.
        var instant = asOf ?? (time ?? TimeProvider.System).GetUtcNow();
        using var services = BuildServices(instant, q.Profile);
        PracticeEvaluator evaluator;
        try
        {
            evaluator = services.GetRequiredService<PracticeEvaluator>();
        }
        catch (OptionsValidationException e)
        {
            return Fail(string.Join(Environment.NewLine, e.Failures));
        }

        var outcomes = new PracticeOutcome[folders.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = q.Workers ?? Environment.ProcessorCount };
        Parallel.ForEachAsync(Enumerable.Range(0, folders.Length), parallel, (i, _) =>
        {
            var outcome = outcomes[i] = ScorePractice(folders[i], evaluator, period, q);
            if (q.Out is not null && outcome.Evaluation is not null)
                outcome.WriteFailure = WritePracticeFiles(Path.Combine(q.Out.FullName, outcome.Folder), outcome);
            return ValueTask.CompletedTask;
        }).GetAwaiter().GetResult();

        var scored = outcomes.Where(o => o.Evaluation is not null).ToList();
        if (scored.Count == 0)
        {
            stderr.WriteLine($"error: {root}: no practice folder has anything to score:");
            foreach (var o in outcomes)
                stderr.WriteLine($"  {NotScoredLine(o)}");
            return BadInput;
        }
        if (outcomes.FirstOrDefault(o => o.WriteFailure is not null) is { } unwritten)
            return Fail($"{q.Out!.FullName}: cannot write the report ({unwritten.WriteFailure}).");

        var comparison = PeerComparison.Compare(scored.Select(o => new PeerPractice(o.Folder, o.Evaluation!.Cards)));
        string json = PeersJson(outcomes, comparison, instant, scored[0].Evaluation!.Profile.Key);

        string? html = null, results = null;
        if (q.Out is not null)
        {
            try
            {
                Directory.CreateDirectory(q.Out.FullName);
                html = Path.Combine(q.Out.FullName, "report.html");
                results = Path.Combine(q.Out.FullName, "results.json");
                File.WriteAllText(html, HtmlReport.RenderPeers(outcomes.Select(o => (o.Folder, o.Evaluation, NotScoredLine(o))).ToList(), comparison, root, instant), new UTF8Encoding(false));
                File.WriteAllText(results, json + "\n", new UTF8Encoding(false));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Fail($"{q.Out.FullName}: cannot write the report ({e.GetType().Name}).");
            }
        }

        if (q.Format == "json")
        {
            stdout.WriteLine(json);
            foreach (var o in outcomes.Where(o => o.Evaluation is null))
                stderr.WriteLine(NotScoredLine(o));
            if (html is not null)
                stderr.WriteLine($"Wrote {html}, {results} and each scored practice's own report in {q.Out!.FullName}{Path.DirectorySeparatorChar}<folder>.");
        }
        else
        {
            var text = new StringWriter(CultureInfo.InvariantCulture);
            PeerConsoleReport.Write(text, outcomes.Select(o => (o.Folder, o.Evaluation, o.Kind, NotScoredLine(o))).ToList(), comparison, root, instant);
            stdout.Write(text.ToString());
            if (html is not null)
            {
                stdout.WriteLine();
                stdout.WriteLine($"Wrote the peer comparison to {html} and {results}");
                stdout.WriteLine($"Wrote each scored practice's own report (report.html, results.json, measure-reports.ndjson) to {q.Out!.FullName}{Path.DirectorySeparatorChar}<folder>");
            }
        }
        return Success;
    }

    /// <summary>The report line of a practice that has nothing to score, or <see langword="null"/> for a scored one.</summary>
    private static string? NotScoredLine(PracticeOutcome o) =>
        o.Failure is null ? null : $"practice {o.Folder}: nothing to score: {o.Failure.ReplaceLineEndings(" ")}";

    /// <summary>Reads and scores one practice folder; every expected failure becomes <see cref="PracticeOutcome.Failure"/>.</summary>
    private PracticeOutcome ScorePractice(string folder, PracticeEvaluator evaluator, MeasurementPeriod? period, PracticesRequest q)
    {
        string name = Path.GetFileName(folder);
        PracticeOutcome Nothing(PracticeInputKind kind, string reason, string source = "") => new(name, kind, null, null, source, null, reason);
        PracticeFolder input;
        try
        {
            input = PracticeFolder.Classify(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Nothing(PracticeInputKind.None, $"cannot read the folder ({e.GetType().Name}).");
        }
        PracticeDataSet data;
        string source;
        FhirInput? fhir = null;
        try
        {
            switch (input.Kind)
            {
                case PracticeInputKind.JsonDataSet:
                    using (var stream = File.OpenRead(input.DataSetFile!))
                        data = PracticeDataSetReader.Read(stream, Path.GetFileName(input.DataSetFile!));
                    source = input.DataSetFile!;
                    break;
                case PracticeInputKind.Fhir:
                    var options = new FhirReadOptions { Strict = q.Strict, PracticeName = name };
                    if (q.TimeZone is not null)
                        options.TimeZone = q.TimeZone;
                    if (input.SurveyItemsFile is not null)
                    {
                        var (items, linkIds) = SurveyItemsFile.Read(File.ReadAllBytes(input.SurveyItemsFile), PracticeFolder.SurveyItemsFileName);
                        options.SurveyItems = items;
                        options.SurveyItemsByLinkId = linkIds;
                    }
                    if (!TryReadFhir(folder, options, null, CancellationToken.None, out data, out source, out fhir, out string failure, quiet: true))
                        return Nothing(input.Kind, failure);
                    break;
                default:
                    return Nothing(input.Kind, input.Reason!);
            }
        }
        catch (PatientCentricDataException e)
        {
            return Nothing(input.Kind, SurveyItemsFile.OneLine(e));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Nothing(input.Kind, $"cannot read the practice's data ({e.GetType().Name}).");
        }

        if (period is null && data.Period is null)
            return Nothing(input.Kind, "the data set states no period; give --from and --to.", source);
        PracticeEvaluation evaluation;
        try
        {
            evaluation = MeasureFamilies.WithNotApplicableFamilies(evaluator.Evaluate(data, period), data);
        }
        catch (PatientCentricDataException e)
        {
            return Nothing(input.Kind, SurveyItemsFile.OneLine(e), source);
        }
        if (!evaluation.Cards.Any(c => c.Scope.Level == ScopeLevel.Practice && c.Status == ScoreStatus.Ok))
            return Nothing(input.Kind, "no measure has a value for the practice (no records it needs, or too few of them).", source);
        return new(name, input.Kind, data, evaluation, source, fhir, null);
    }

    /// <summary>Writes what <c>report --out DIR</c> writes for one practice; returns the failure's type name, or null.</summary>
    private static string? WritePracticeFiles(string dir, PracticeOutcome o)
    {
        try
        {
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "report.html"), HtmlReport.Render(o.Evaluation!, o.Data!, o.Source, o.Fhir), new UTF8Encoding(false));
            File.WriteAllText(Path.Combine(dir, "results.json"), EvaluationJson(o.Evaluation!) + "\n", new UTF8Encoding(false));
            using (var ndjson = File.Create(Path.Combine(dir, "measure-reports.ndjson")))
                new FhirMeasureReportWriter().WriteNdjson(o.Evaluation!, ndjson);
            string quality = Path.Combine(dir, DataQualityJson.FileName);
            if (o.Fhir is not null)
            {
                using var stream = File.Create(quality);
                DataQualityJson.Write(stream, o.Fhir);
            }
            else
            {
                File.Delete(quality);   // one left by an earlier FHIR run would describe other data
            }
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.GetType().Name;
        }
    }

    /// <summary>One practice's evaluation as <c>report --format json</c> writes it.</summary>
    private static string EvaluationJson(PracticeEvaluation e) =>
        JsonSerializer.Serialize(e, IndentedJson.PracticeEvaluation);

    /// <summary>The results.json of <c>report --practices</c>: the practices read, and the peer comparison (docs/peers.md#resultsjson).</summary>
    private static string PeersJson(PracticeOutcome[] outcomes, PeerComparisonResult comparison, DateTimeOffset asOf, string profileKey)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("asOf", asOf.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
            w.WriteString("profile", profileKey);
            w.WriteNumber("practicesScored", outcomes.Count(o => o.Evaluation is not null));
            w.WriteNumber("practicesNotScored", outcomes.Count(o => o.Evaluation is null));
            w.WriteStartArray("practices");
            foreach (var o in outcomes)
            {
                w.WriteStartObject();
                w.WriteString("folder", o.Folder);
                w.WriteString("input", o.Kind switch { PracticeInputKind.JsonDataSet => "jsonDataSet", PracticeInputKind.Fhir => "fhir", _ => "none" });
                w.WriteBoolean("scored", o.Evaluation is not null);
                if (o.Evaluation is { } e)
                {
                    w.WriteString("practiceName", e.PracticeName);
                    w.WriteString("periodStart", e.Period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    w.WriteString("periodEnd", e.Period.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    w.WriteString("results", $"{o.Folder}/results.json");
                    w.WriteNull("reason");
                }
                else
                {
                    w.WriteNull("practiceName");
                    w.WriteNull("periodStart");
                    w.WriteNull("periodEnd");
                    w.WriteNull("results");
                    w.WriteString("reason", $"nothing to score: {o.Failure!.ReplaceLineEndings(" ")}");
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WritePropertyName("peerComparison");
            JsonSerializer.Serialize(w, comparison, IndentedJson.PeerComparisonResult);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
    /// <summary><c>sample --practices K</c>: K practices, practice i from seed + i and <see cref="PracticeCharacter.For"/>(i),
    /// written as <c>practice-NN/practice.json</c> under <paramref name="output"/> and/or as FHIR exports under <paramref name="fhirOut"/>.</summary>
    private int SamplePractices(int count, FileInfo? output, DirectoryInfo? fhirOut, int seed, int patients)
    {
        if (count is < 1 or > 99)
            return Fail("--practices must be 1 to 99.");
        if (output is null && fhirOut is null)
            return Fail("with --practices give --out DIR (one JSON data set per practice folder), --fhir-out DIR (one FHIR export per practice folder) or both.");
        if (patients < 1)
            return Fail("--patients must be 1 or more.");
        var written = new string[count];
        try
        {
            Parallel.For(0, count, i =>
            {
                var character = Sample.PracticeCharacter.For(i + 1);
                int n = Math.Max(1, (int)Math.Round(patients * character.PatientFactor, MidpointRounding.AwayFromZero));
                var data = Sample.SamplePracticeGenerator.Generate(seed + i + 1, n, character);
                string folder = string.Create(CultureInfo.InvariantCulture, $"practice-{i + 1:00}");
                if (output is not null)
                {
                    string dir = Path.Combine(output.FullName, folder);
                    Directory.CreateDirectory(dir);
                    File.WriteAllText(Path.Combine(dir, "practice.json"), SampleJson(data));
                }
                if (fhirOut is not null)
                    Sample.SampleFhirExport.Write(data, Path.Combine(fhirOut.FullName, folder));
                written[i] = string.Create(CultureInfo.InvariantCulture,
                    $"  {folder}: {data.PracticeName}, {n:N0} patients, {data.Appointments.Length:N0} appointments, {data.Claims.Length:N0} claims");
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is IOException or UnauthorizedAccessException))
        {
            return Fail($"{(output ?? (FileSystemInfo)fhirOut!).FullName}: cannot write the sample practices ({e.InnerExceptions[0].GetType().Name}).");
        }
        string where = string.Join(" and ", new[] { output?.FullName, fhirOut?.FullName }.OfType<string>());
        stdout.WriteLine($"Wrote {count} practices to {where}:");
        foreach (string line in written)
            stdout.WriteLine(line);
        return Success;
    }
}
