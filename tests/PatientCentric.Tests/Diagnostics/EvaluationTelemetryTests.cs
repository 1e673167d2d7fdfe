using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using PatientCentric.Diagnostics;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Serialization;

namespace PatientCentric.Tests.Diagnostics;

/// <summary>What an evaluation emits (logs, metrics, a span) and that a patient identifier never is.</summary>
public sealed class EvaluationTelemetryTests
{
    private const string Canary = "CANARY-PATIENT-4711";

    /// <summary>The CLI's synthetic sample practice, with one patient's key replaced by the canary everywhere.</summary>
    private static readonly Lazy<PracticeDataSet> CanaryPractice = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PatientCentric.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        string json = File.ReadAllText(Path.Combine(dir.FullName, "src", "PatientCentric.Cli", "Sample", "sample-practice.json"));
        Assert.Contains("\"P1856\"", json);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json.Replace("\"P1856\"", $"\"{Canary}\"", StringComparison.Ordinal)));
        return PracticeDataSetReader.Read(stream, "sample-practice.json");
    });

    private sealed class Harness : IDisposable
    {
        public FakeLogCollector Logs { get; } = new();
        public TestMeterFactory Meters { get; } = new();
        public ServiceProvider Provider { get; }
        public Harness(Action<PatientCentric.DependencyInjection.PatientCentricBuilder>? configure = null)
        {
            var services = new ServiceCollection();
            services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(Logs)));
            services.AddSingleton<System.Diagnostics.Metrics.IMeterFactory>(Meters);
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
            services.AddPatientCentric(configure ?? (static _ => { }));
            Provider = services.BuildServiceProvider();
        }
        public PracticeEvaluator Evaluator => Provider.GetRequiredService<PracticeEvaluator>();
        public void Dispose()
        {
            Provider.Dispose();
            Meters.Dispose();
        }
    }

    [Fact]
    public void Evaluate_EmitsCardsByStatus_ADuration_AndACompletionLog()
    {
        using var h = new Harness();
        using var cards = new MetricCollector<long>(h.Meters, PatientCentricTelemetry.MeterName, "patientcentric.cards.scored");
        using var duration = new MetricCollector<double>(h.Meters, PatientCentricTelemetry.MeterName, "patientcentric.evaluation.duration");
        using var records = new MetricCollector<long>(h.Meters, PatientCentricTelemetry.MeterName, "patientcentric.records.read");
        var data = CanaryPractice.Value;

        var evaluation = h.Evaluator.Evaluate(data, TestContext.Current.CancellationToken);

        var counted = cards.GetMeasurementSnapshot();
        Assert.Equal(evaluation.Cards.Length + evaluation.PatientCards.Length, counted.Sum(m => m.Value));
        foreach (var status in evaluation.Cards.Concat(evaluation.PatientCards).Select(c => c.Status).Distinct())
        {
            Assert.Equal(evaluation.Cards.Concat(evaluation.PatientCards).Count(c => c.Status == status),
                         counted.Where(m => (string?)m.Tags["status"] == status.ToString()).Sum(m => m.Value));
        }
        Assert.Contains(counted, m => (string?)m.Tags["patientcentric.scope.level"] == nameof(ScopeLevel.Patient));
        var d = Assert.Single(duration.GetMeasurementSnapshot());
        Assert.True(d.Value >= 0);
        Assert.Equal(evaluation.Profile.Key, d.Tags["patientcentric.profile"]);
        Assert.Equal(data.Appointments.Length, records.GetMeasurementSnapshot().Where(m => (string?)m.Tags["patientcentric.record.kind"] == "appointment").Sum(m => m.Value));

        var done = Assert.Single(h.Logs.GetSnapshot(), r => r.Id.Id == 1000);
        Assert.Equal(LogLevel.Information, done.Level);
        Assert.StartsWith($"Evaluated a practice data set with profile {evaluation.Profile.Key}: {evaluation.Cards.Length} cards and {evaluation.PatientCards.Length} patient cards in ", done.Message);
        Assert.Contains(h.Logs.GetSnapshot(), r => r.Id.Id == 1001 && r.Level == LogLevel.Debug);   // the sample has exclusions
    }

    [Fact]
    public void Evaluate_NeverEmitsThePatientIdentifier_InLogsMetricsOrSpans()
    {
        // Other tests evaluate in parallel and their spans reach this listener too: this test's spans are those under a
        // root span of its own (the evaluation runs on this thread, so the root is the evaluate span's parent).
        using var testSource = new ActivitySource("PatientCentric.Tests." + Guid.NewGuid().ToString("N"));
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == PatientCentricTelemetry.ActivitySourceName || s == testSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (activities) activities.Add(a); },
        };
        ActivitySource.AddActivityListener(listener);
        using var h = new Harness();
        var measured = new List<string>();
        using var meterListener = new System.Diagnostics.Metrics.MeterListener();
        meterListener.InstrumentPublished = (i, l) => { if (i.Meter.Scope == h.Meters) l.EnableMeasurementEvents(i); };
        meterListener.SetMeasurementEventCallback<long>((i, v, tags, _) => { lock (measured) foreach (var t in tags) measured.Add($"{t.Key}={t.Value}"); });
        meterListener.SetMeasurementEventCallback<double>((i, v, tags, _) => { lock (measured) foreach (var t in tags) measured.Add($"{t.Key}={t.Value}"); });
        meterListener.Start();

        PracticeEvaluation evaluation;
        ActivityTraceId trace;
        using (var root = testSource.StartActivity("test"))
        {
            Assert.NotNull(root);
            trace = root.TraceId;
            evaluation = h.Evaluator.Evaluate(CanaryPractice.Value, TestContext.Current.CancellationToken);
        }

        Assert.Contains(evaluation.PatientCards, c => c.Scope.Key == Canary);   // the canary is in the output, as it should be
        var logs = h.Logs.GetSnapshot();
        Assert.NotEmpty(logs);
        Assert.All(logs, r =>
        {
            Assert.DoesNotContain(Canary, r.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Canary, JsonSerializer.Serialize(r.StructuredState?.Select(p => $"{p.Key}={p.Value}") ?? []), StringComparison.Ordinal);
            Assert.DoesNotContain(Canary, r.Exception?.ToString() ?? "", StringComparison.Ordinal);
        });
        Assert.NotEmpty(measured);
        Assert.DoesNotContain(measured, t => t.Contains(Canary, StringComparison.Ordinal));
        Activity[] ours;
        lock (activities) ours = [.. activities.Where(a => a.TraceId == trace && a.Source != testSource)];
        var span = Assert.Single(ours, a => a.OperationName == "patientcentric.evaluate");
        Assert.Equal(evaluation.Profile.Key, span.GetTagItem("patientcentric.profile"));
        Assert.All(ours, a => Assert.DoesNotContain(a.TagObjects, t => $"{t.Key}={t.Value}".Contains(Canary, StringComparison.Ordinal)));
        Assert.Equal(evaluation.Cards.Length, span.GetTagItem("patientcentric.cards"));
    }

    [Fact]
    public void Evaluate_WithACancellationToken_GivesTheSameEvaluation()
    {
        using var h = new Harness();
        var data = CanaryPractice.Value;
        var plain = h.Evaluator.Evaluate(data);
        var withToken = h.Evaluator.Evaluate(data, new CancellationTokenSource().Token);
        Assert.Equal(ResultJson(plain), ResultJson(withToken));
    }

    private static string ResultJson(PracticeEvaluation e) => JsonSerializer.Serialize(e, PatientCentricJsonContext.Default.PracticeEvaluation);

    [Fact]
    public void Evaluate_Cancelled_ThrowsAndLogsTheCancellation()
    {
        using var h = new Harness();
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => h.Evaluator.Evaluate(CanaryPractice.Value, cts.Token));
        Assert.Contains(h.Logs.GetSnapshot(), r => r.Id.Id == 1004);
        Assert.DoesNotContain(h.Logs.GetSnapshot(), r => r.Id.Id == 1000);
    }

    [Fact]
    public void Evaluate_GuardrailRefusal_IsLoggedWithTheMeasureKeyOnly()
    {
        using var h = new Harness();
        var data = CanaryPractice.Value;
        var evaluation = h.Evaluator.Evaluate(data);
        var blocked = evaluation.Cards.Where(c => c.Status == ScoreStatus.GuardrailBlocked).ToList();
        var logged = h.Logs.GetSnapshot().Where(r => r.Id.Id == 1002).ToList();
        Assert.Equal(blocked.Count, logged.Count);
        Assert.All(logged, r => Assert.StartsWith("The role guardrail refused measure ", r.Message));
    }
}
