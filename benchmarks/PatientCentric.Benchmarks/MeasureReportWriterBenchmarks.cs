using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Hl7.Fhir.Serialization;
using Microsoft.Extensions.DependencyInjection;
using PatientCentric.Fhir;
using PatientCentric.Scoring;

namespace PatientCentric.Benchmarks;

/// <summary>Writing measure-reports.ndjson for the generated patients of <see cref="JobSeriesBenchmarks"/> (one
/// individual MeasureReport per patient card): (baseline) every resource built in turn as a Firely POCO and serialized by
/// <see cref="FhirJsonSerializer"/> through a <see cref="Utf8JsonWriter"/> over the stream, flushed and reset per
/// resource, as <see cref="FhirMeasureReportWriter.WriteNdjson(PracticeEvaluation, Stream)"/> once did; and
/// (<see cref="WriteNdjson"/>) the writer now, which writes every resource straight with one <see cref="Utf8JsonWriter"/>
/// over one buffer, without Firely. Both give the same bytes (tested); the output goes to
/// <see cref="Stream.Null"/> (docs/performance.md).</summary>
[MemoryDiagnoser]
[Config(typeof(InProcessMonitoring))]
public class MeasureReportWriterBenchmarks
{
    private static readonly FhirJsonSerializer Serializer = new();
    private readonly FhirMeasureReportWriter _writer = new();
    private PracticeEvaluation _evaluation = null!;

    [Params(20_000)]
    public int Patients { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        using var services = new ServiceCollection().AddSingleton<TimeProvider>(new FixedTime()).AddPatientCentric().BuildServiceProvider();
        _evaluation = services.GetRequiredService<PracticeEvaluator>().Evaluate(JobSeriesBenchmarks.Generate(Patients, new Random(20250101)));
        Console.WriteLine($"// {_evaluation.PatientCards.Length:N0} patient cards");
    }

    /// <summary>The writer before: a Firely POCO per resource, serialized by Firely.</summary>
    [Benchmark(Baseline = true)]
    public int FirelyPerResource()
    {
        var output = Stream.Null;
        int lines = 0;
        using var writer = new Utf8JsonWriter(output);
        _writer.ForEachResource(_evaluation, _evaluation.PatientCards, resource =>
        {
            Serializer.Serialize(resource, writer);
            writer.Flush();
            output.WriteByte((byte)'\n');
            writer.Reset(output);
            lines++;
        });
        return lines;
    }

    [Benchmark]
    public int WriteNdjson()
    {
        _writer.WriteNdjson(_evaluation, Stream.Null);
        return _evaluation.PatientCards.Length;
    }
}
