using BenchmarkDotNet.Attributes;
using PatientCentric.Control;

namespace PatientCentric.Benchmarks;

/// <summary>The charts a practice dashboard draws per measure: a monthly p′ chart over five years (60 points, against the plain p
/// chart as baseline, so the Laney step's cost shows) and a funnel of 200 clinicians' rates, unadjusted (exact Poisson limits: four
/// inverse incomplete-gamma evaluations per unit) and with the additive overdispersion adjustment (closed-form limits).</summary>
[MemoryDiagnoser]
public class SpcChartBenchmarks
{
    private double[] _numerators = [];
    private double[] _denominators = [];
    private double[] _events = [];
    private double[] _exposure = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20250101);
        _denominators = [.. Enumerable.Range(0, 60).Select(_ => (double)random.Next(2_000, 20_000))];
        _numerators = [.. _denominators.Select(d => Math.Floor(d * (0.12 + (random.NextDouble() * 0.02))))];
        _exposure = [.. Enumerable.Range(0, 200).Select(_ => (double)random.Next(100, 50_000))];
        _events = [.. _exposure.Select(d => Math.Floor(d * (0.004 + (random.NextDouble() * 0.004))))];
    }

    [Benchmark(Baseline = true)]
    public SpcChartResult PChart60() => SpcChart.Compute(SpcChartKind.P, _numerators, _denominators);

    [Benchmark]
    public SpcChartResult PPrimeChart60() => SpcChart.Compute(SpcChartKind.PPrime, _numerators, _denominators);

    [Benchmark]
    public FunnelResult RateFunnel200ExactPoisson() => FunnelPlot.Compute(FunnelDataType.Rate, _events, _exposure);

    [Benchmark]
    public FunnelResult RateFunnel200Additive() =>
        FunnelPlot.Compute(FunnelDataType.Rate, _events, _exposure, new FunnelOptions { Overdispersion = FunnelOverdispersion.Additive });
}
