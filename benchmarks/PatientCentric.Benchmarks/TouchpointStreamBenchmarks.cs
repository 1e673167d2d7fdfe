using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using PatientCentric.Scoring;
using PatientCentric.Touchpoints;

namespace PatientCentric.Benchmarks;

/// <summary>10,000,000 duration touchpoint events (one year, 50 clinicians, 3 service lines): median and P90 of every
/// measure for the practice, each service line and each clinician. Library: one streaming pass into fixed-size
/// histograms. Baseline: the straightforward LINQ GroupBy/OrderBy over the events.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class TouchpointStreamBenchmarks
{
    private const int Clinicians = 50, Lines = 3;
    private DurationEvent[] _events = [];

    [Params(10_000_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20250101);
        _events = new DurationEvent[Events];
        for (int i = 0; i < Events; i++)
        {
            var measure = (DurationMeasure)(i % 3);
            int clinician = random.Next(Clinicians);
            int value = measure switch
            {
                DurationMeasure.LeadTimeDays => (int)Math.Min(730, Math.Exp(2.3 + (0.8 * Normal(random)))),
                DurationMeasure.WaitToBeSeenMinutes => (int)Math.Min(720, Math.Exp(2.6 + (0.6 * Normal(random)))),
                _ => (int)Math.Min(720, 30 + Math.Exp(2.6 + (0.6 * Normal(random)))),
            };
            _events[i] = new DurationEvent(measure, clinician, clinician % Lines, value);
        }
    }

    private static double Normal(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

    [Benchmark(Baseline = true)]
    public double LinqGroupByOrderBy()
    {
        double checksum = 0;
        foreach (var byMeasure in _events.GroupBy(e => e.Measure))
        {
            checksum += Stats(byMeasure.Select(e => e.Value));
            foreach (var g in byMeasure.GroupBy(e => e.ServiceLine)) checksum += Stats(g.Select(e => e.Value));
            foreach (var g in byMeasure.GroupBy(e => e.Clinician)) checksum += Stats(g.Select(e => e.Value));
        }
        return checksum;

        static double Stats(IEnumerable<int> values)
        {
            var sorted = values.OrderBy(v => v).Select(v => (double)v).ToArray();
            return Quantile(sorted, 0.5) + Quantile(sorted, 0.9);
        }

        static double Quantile(double[] s, double p)
        {
            double h = (s.Length - 1) * p;
            int lo = (int)Math.Floor(h);
            return s[lo] + ((h - lo) * (s[Math.Min(lo + 1, s.Length - 1)] - s[lo]));
        }
    }

    [Benchmark]
    public double StreamingHistograms()
    {
        var aggregate = new DurationAggregate(Clinicians, Lines);
        foreach (ref readonly var e in _events.AsSpan())
            aggregate.Add(e);
        double checksum = 0;
        foreach (var m in Enum.GetValues<DurationMeasure>())
        {
            checksum += Stats(aggregate.Histogram(m, ScopeLevel.Practice));
            for (int i = 0; i < Lines; i++) checksum += Stats(aggregate.Histogram(m, ScopeLevel.ServiceLine, i));
            for (int i = 0; i < Clinicians; i++) checksum += Stats(aggregate.Histogram(m, ScopeLevel.Clinician, i));
        }
        return checksum;

        static double Stats(DurationHistogram h) => h.Median()!.Value + h.Quantile(0.9)!.Value;
    }
}
