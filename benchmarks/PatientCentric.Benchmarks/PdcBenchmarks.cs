using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using PatientCentric.Jobs;
using PatientCentric.Scoring;

namespace PatientCentric.Benchmarks;

/// <summary>PQA PDC for a population: 1,000,000 patients × 12 fills a year (two drugs of a class, realistic refill gaps
/// and early refills). Baseline: the definition read literally with LINQ and a per-patient HashSet of covered days.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class PdcBenchmarks
{
    private static readonly MeasurementPeriod Year = new(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
    private Dispense[] _fills = [];
    private int[] _starts = [];

    [Params(1_000_000)]
    public int Patients { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20250101);
        string[] drugs = ["ATORVASTATIN", "SIMVASTATIN"];
        _fills = new Dispense[Patients * 12];
        _starts = new int[Patients + 1];
        int n = 0;
        for (int p = 0; p < Patients; p++)
        {
            _starts[p] = n;
            var date = new DateOnly(2025, 1, 1).AddDays(random.Next(0, 30));
            for (int f = 0; f < 12; f++)
            {
                _fills[n++] = new Dispense(drugs[f % 3 == 2 ? 1 : 0], date, 30);
                date = date.AddDays(30 + random.Next(-5, 9));   // early refills overlap, late ones leave gaps
            }
        }
        _starts[Patients] = n;
    }

    [Benchmark(Baseline = true)]
    public int HashSetLinq()
    {
        int adherent = 0;
        for (int p = 0; p < Patients; p++)
        {
            var fills = new ArraySegment<Dispense>(_fills, _starts[p], _starts[p + 1] - _starts[p]);
            var inPeriod = fills.Where(f => Year.Contains(f.FilledOn)).ToList();
            if (inPeriod.Select(f => f.FilledOn).Distinct().Count() < 2) continue;
            var ipsd = inPeriod.Min(f => f.FilledOn);
            var days = new HashSet<DateOnly>();
            foreach (var drug in inPeriod.GroupBy(f => f.DrugKey))
            {
                DateOnly? previousEnd = null;
                foreach (var f in drug.OrderBy(f => f.FilledOn))
                {
                    var start = previousEnd is { } e && e.AddDays(1) > f.FilledOn ? e.AddDays(1) : f.FilledOn;
                    for (int i = 0; i < f.DaysSupply; i++) days.Add(start.AddDays(i));
                    previousEnd = start.AddDays(f.DaysSupply - 1);
                }
            }
            int covered = days.Count(d => d >= ipsd && d <= Year.End);
            double pdc = (double)covered / (Year.End.DayNumber - ipsd.DayNumber + 1);
            if (Math.Round(pdc, 4, MidpointRounding.AwayFromZero) >= 0.80) adherent++;
        }
        return adherent;
    }

    [Benchmark]
    public int Library()
    {
        var population = new PdcPopulation();
        for (int p = 0; p < Patients; p++)
            population.Add(ProportionOfDaysCovered.Compute(_fills.AsSpan(_starts[p], _starts[p + 1] - _starts[p]), Year));
        return population.Adherent;
    }
}
