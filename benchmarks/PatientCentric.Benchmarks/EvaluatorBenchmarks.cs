using System.Collections.Immutable;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using PatientCentric.Fhir;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Serialization;

namespace PatientCentric.Benchmarks;

/// <summary>What <see cref="PracticeEvaluator.Evaluate"/> costs on a large data set read from a FHIR export, in memory:
/// the CLI's <c>sample --fhir-out</c> folder named by <c>PATIENTCENTRIC_EVAL_EXPORT</c> (for example the 10,000-patient
/// sample export), read once in <see cref="Setup"/> as <c>report --fhir</c> reads it (survey items and linkIds from the
/// folder's <c>survey-items.json</c>, slots observed at 2025-12-29T08:00-06:00, a fixed pseudonym key), then evaluated at
/// the fixed instant 2026-01-15T12:00Z with the default options (trends on). Allocation is deterministic: compare it between
/// builds in one session (docs/performance.md#evaluating-a-large-data-set-evaluatorbenchmarks).</summary>
[MemoryDiagnoser]
[Config(typeof(InProcessMonitoring))]
public class EvaluatorBenchmarks
{
    private PracticeDataSet _data = null!;
    private ServiceProvider _services = null!;

    [GlobalSetup]
    public void Setup()
    {
        string folder = Environment.GetEnvironmentVariable("PATIENTCENTRIC_EVAL_EXPORT") is { Length: > 0 } given
            ? given
            : throw new InvalidOperationException("Set PATIENTCENTRIC_EVAL_EXPORT to a folder written by 'sample --fhir-out' (with its survey-items.json).");
        var options = PatientCentricJsonContext.Default.Options;
        using var items = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "survey-items.json")));
        byte[] key = new byte[32];
        for (int i = 0; i < key.Length; i++) key[i] = (byte)(i * 7 + 1);
        var reader = new FhirPracticeReader(new FhirReadOptions
        {
            PseudonymKey = ImmutableArray.Create(key),
            SurveyItems = items.RootElement.GetProperty("surveyItems").Deserialize<ImmutableArray<SurveyItem>>(options),
            SurveyItemsByLinkId = items.RootElement.GetProperty("linkIds").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal),
            SlotsObservedAt = new DateTimeOffset(2025, 12, 29, 8, 0, 0, TimeSpan.FromHours(-6)),
        });
        _data = reader.ReadNdjsonFolder(folder).Data;
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FixedTime());
        _services = services.AddPatientCentric().BuildServiceProvider();
        Console.WriteLine($"// Evaluator input: {_data.Appointments.Length:N0} appointments, {_data.MedicationFills.Length:N0} fills, "
            + $"{_data.SurveyReturns.Length:N0} survey returns, {_data.PortalThreads.Length:N0} portal threads");
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    /// <summary>The whole evaluation: accumulate (every scope, every patient) and finish.</summary>
    [Benchmark]
    public int Evaluate() => _services.GetRequiredService<PracticeEvaluator>().Evaluate(_data).Cards.Length;
}
