using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using PatientCentric.Scoring;
using PatientCentric.Serialization;

namespace PatientCentric.Benchmarks;

/// <summary>Reading back the per-patient outputs a partition writes (<see cref="EvaluationPartial.WritePatientsTo"/>), as
/// each report writer of a partitioned <c>report --fhir --out</c> does: the generated patients of
/// <see cref="JobSeriesBenchmarks"/> (with cards and support plans) written to one spill file in memory, then read
/// (baseline) line by line as strings, each deserialized from its text, as the reader did before, and
/// (<see cref="Utf8Lines"/>) by <see cref="EvaluationPartial.ReadPatients"/>, which deserializes each line from its UTF-8
/// bytes (docs/performance.md).</summary>
[MemoryDiagnoser]
[Config(typeof(InProcessMonitoring))]
public class PatientOutputsReadBenchmarks
{
    private byte[] _spill = [];

    [Params(100_000)]
    public int Patients { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        using var services = new ServiceCollection().AddSingleton<TimeProvider>(new FixedTime()).AddPatientCentric().BuildServiceProvider();
        var partial = services.GetRequiredService<PracticeEvaluator>().Accumulate(JobSeriesBenchmarks.Generate(Patients, new Random(20250101)));
        using var spill = new MemoryStream();
        partial.WritePatientsTo(spill);
        _spill = spill.ToArray();
        Console.WriteLine($"// spill: {_spill.Length:N0} bytes, {_spill.Count(b => b == (byte)'\n'):N0} patients");
    }

    /// <summary>The reader before: <see cref="StreamReader.ReadLine"/>, then the string deserialized.</summary>
    [Benchmark(Baseline = true)]
    public int LineStrings()
    {
        using var reader = new StreamReader(new MemoryStream(_spill), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        int cards = 0;
        while (reader.ReadLine() is { } line)
            cards += JsonSerializer.Deserialize(line, PartialJsonContext.Default.PatientPartial)!.Cards.Length;
        return cards;
    }

    [Benchmark]
    public int Utf8Lines()
    {
        using var stream = new MemoryStream(_spill);
        int cards = 0;
        foreach (var patient in EvaluationPartial.ReadPatients([stream]))
            cards += patient.Cards.Length;
        return cards;
    }
}
