using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace PatientCentric.Benchmarks;

/// <summary>For whole evaluations that take seconds each (<see cref="TrendBenchmarks"/>, <see cref="JobSeriesBenchmarks"/>):
/// in process (no generated project to build), with a timeout above the default 5 minutes, one warm-up and 8 long
/// iterations, enough to see through this VM's drift of about 10 % within minutes (docs/performance.md).</summary>
internal sealed class InProcessMonitoring : ManualConfig
{
    public InProcessMonitoring() =>
        AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(8)
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(1), logOutput: true)));
}
