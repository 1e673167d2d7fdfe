using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using PatientCentric.Diagnostics;

namespace PatientCentric.Fhir.Tests;

/// <summary>What a FHIR read emits through <c>AddPatientCentricFhir</c> (logs, metrics, a span), that a patient's id or
/// name never is, and that the registered options are validated at start-up with their path.</summary>
public sealed class FhirTelemetryTests
{
    private const string Canary = "CANARY-PATIENT-4711";

    private sealed class ScopedMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];
        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
            _meters.Add(meter);
            return meter;
        }
        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }

    private static byte[] CanaryExport() => Encoding.UTF8.GetBytes(string.Join("\n",
        $$$"""{"resourceType":"Patient","id":"{{{Canary}}}","name":[{"family":"{{{Canary}}}","given":["{{{Canary}}}"]}],"birthDate":"1970-01-01"}""",
        $$$"""{"resourceType":"Encounter","id":"e-{{{Canary}}}","status":"finished","subject":{"reference":"Patient/{{{Canary}}}"},"period":{"start":"2024-03-01T09:00:00Z","end":"2024-03-01T09:30:00Z"},"class":{"code":"AMB"}}""",
        $$$"""{"resourceType":"Encounter","id":"e2","status":"finished","subject":{"reference":"Patient/{{{Canary}}}-missing"},"period":{"start":"2024-03-01T09:00:00Z"},"class":{"code":"AMB"}}""",
        $$$"""{"resourceType":"Encounter","id":"e3-{{{Canary}}}","status":"finished","subject":{"reference":"Patient/{{{Canary}}}"},"class":{"code":"AMB"}}""",
        """{"resourceType":"Observation","id":"o1","status":"final"}""",
        "{not json " + Canary));

    [Fact]
    public async Task Read_EmitsCountsIssuesAndASpan_ButNeverThePatient()
    {
        var logs = new FakeLogCollector();
        using var meters = new ScopedMeterFactory();
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)))
            .AddSingleton<IMeterFactory>(meters)
            .AddPatientCentricFhir(o => o.IncludePatientReferences = true, static _ => { });
        await using var provider = services.BuildServiceProvider();
        using var resources = new MetricCollector<long>(meters, PatientCentricTelemetry.MeterName, "patientcentric.fhir.resources.read");
        using var issues = new MetricCollector<long>(meters, PatientCentricTelemetry.MeterName, "patientcentric.fhir.issues");
        using var duration = new MetricCollector<double>(meters, PatientCentricTelemetry.MeterName, "patientcentric.fhir.read.duration");
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == PatientCentricTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (spans) spans.Add(a); },
        };
        ActivitySource.AddActivityListener(listener);

        // The listener hears every read in the process (tests run in parallel): this read's span is the one under this
        // test's own parent activity.
        using var parent = new Activity("fhir-telemetry-test").Start();
        var reader = provider.GetRequiredService<FhirPracticeReader>();
        var result = await reader.ReadNdjsonAsync([("export.ndjson", (Stream)new MemoryStream(CanaryExport()))], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains(result.Data.Appointments, a => a.PatientKey == Canary);   // asked for: the output identifies the patient
        Assert.Equal(6, resources.GetMeasurementSnapshot().Sum(m => m.Value));
        var byCode = issues.GetMeasurementSnapshot().GroupBy(m => (string)m.Tags["code"]!).ToDictionary(g => g.Key, g => g.Sum(m => m.Value));
        Assert.Equal(result.Quality.Issues.GroupBy(i => i.Code.ToString()).ToDictionary(g => g.Key, g => (long)g.Count()), byCode);
        Assert.Single(duration.GetMeasurementSnapshot());
        var snapshot = logs.GetSnapshot();
        var done = Assert.Single(snapshot, r => r.Id.Id == 2000);
        Assert.StartsWith($"Read 1 FHIR ndjson files: 6 resources, 1 of unmapped types, 0 duplicates replaced, {result.Quality.Issues.Length} problems, in ", done.Message);
        Assert.Equal(byCode.Count, snapshot.Count(r => r.Id.Id == 2001));

        Assert.All(snapshot, r =>
        {
            Assert.DoesNotContain(Canary, r.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(r.StructuredState ?? [], p => (p.Value ?? "").Contains(Canary, StringComparison.Ordinal));
        });
        foreach (var m in resources.GetMeasurementSnapshot().Concat(issues.GetMeasurementSnapshot()))
            Assert.DoesNotContain(m.Tags, t => $"{t.Value}".Contains(Canary, StringComparison.Ordinal));
        List<Activity> ours;
        lock (spans) ours = [.. spans.Where(s => s.TraceId == parent.TraceId)];
        var span = Assert.Single(ours, s => s.OperationName == "patientcentric.fhir.read");
        Assert.Equal(6, span.GetTagItem("patientcentric.fhir.resources"));
        Assert.DoesNotContain(span.TagObjects, t => $"{t.Value}".Contains(Canary, StringComparison.Ordinal));
    }

    [Fact]
    public void AddPatientCentricFhir_RegistersTheReaderAndWriter_WithTheirOptions()
    {
        using var provider = new ServiceCollection()
            .AddPatientCentricFhir(o => o.TimeZone = "America/Chicago", w => w.CanonicalBase = "https://example.org/fhir/")
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.NotSame(provider.GetRequiredService<FhirPracticeReader>(), provider.GetRequiredService<FhirPracticeReader>());
        Assert.Same(provider.GetRequiredService<FhirMeasureReportWriter>(), provider.GetRequiredService<FhirMeasureReportWriter>());
        Assert.Equal("America/Chicago", provider.GetRequiredService<IOptions<FhirReadOptions>>().Value.TimeZone);
    }

    [Fact]
    public void AddPatientCentricFhir_BadOptions_FailStartUpNamingEachSetting()
    {
        using var provider = new ServiceCollection()
            .AddPatientCentricFhir(o => { o.TimeZone = "Mars/Olympus"; o.PseudonymKey = [1, 2, 3]; }, w => w.CanonicalBase = "not a url")
            .BuildServiceProvider();
        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        var failures = (error is AggregateException all ? all.InnerExceptions : [error]).Cast<OptionsValidationException>().SelectMany(e => e.Failures).ToList();
        Assert.Contains("PatientCentric:Fhir:Read:TimeZone: \"Mars/Olympus\" is not a known IANA time zone (for example \"America/Chicago\").", failures);
        Assert.Contains("PatientCentric:Fhir:Read:PseudonymKey: must be at least 16 bytes, but is 3.", failures);
        Assert.Contains(failures, f => f.StartsWith("PatientCentric:Fhir:Report:CanonicalBase: ", StringComparison.Ordinal));
    }
}
