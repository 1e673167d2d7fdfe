using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Benchmarks;

/// <summary>What the series per period cost: one generated data set evaluated with trends off (the baseline) and on, in
/// the same run (<see cref="TrendBenchmarks"/>, <see cref="JobSeriesBenchmarks"/>; docs/performance.md).</summary>
[MemoryDiagnoser]
[Config(typeof(InProcessMonitoring))]
public abstract class SeriesCostBenchmarks
{
    private PracticeDataSet _data = null!;
    private ServiceProvider _without = null!, _with = null!;

    /// <summary>The generated data set (deterministic: a fixed seed).</summary>
    protected abstract PracticeDataSet Generate();

    /// <summary>The evaluation instant; <see langword="null"/> for the system clock.</summary>
    protected virtual TimeProvider? Time => null;

    /// <summary>The evaluator with trends on.</summary>
    protected PracticeEvaluator WithTrends => _with.GetRequiredService<PracticeEvaluator>();

    /// <summary>The data set of <see cref="Generate"/>.</summary>
    protected PracticeDataSet Data => _data;

    [GlobalSetup]
    public void Setup()
    {
        _data = Generate();
        _without = Provider(enabled: false);
        _with = Provider(enabled: true);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _without.Dispose();
        _with.Dispose();
    }

    [Benchmark(Baseline = true)]
    public int WithoutSeries() => _without.GetRequiredService<PracticeEvaluator>().Evaluate(_data).Cards.Length;

    private ServiceProvider Provider(bool enabled)
    {
        var services = new ServiceCollection();
        if (Time is { } time)
            services.AddSingleton(time);
        services.Configure<PatientCentricOptions>(o => o.Trends.Enabled = enabled);
        return services.AddPatientCentric().BuildServiceProvider();
    }
}
