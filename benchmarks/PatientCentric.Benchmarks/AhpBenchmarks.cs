using BenchmarkDotNet.Attributes;
using PatientCentric.Customers;

namespace PatientCentric.Benchmarks;

/// <summary>AHP priorities (power iteration to 1e-12, λmax, CI, CR) for realistic, slightly inconsistent judgement
/// matrices of 3, 9 and 15 items. Baseline: the same iteration written with jagged arrays and LINQ sums.</summary>
[MemoryDiagnoser]
public class AhpBenchmarks
{
    private PairwiseComparisonMatrix _matrix = null!;
    private double[][] _rows = [];

    [Params(3, 9, 15)]
    public int Items { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20250101);
        var weights = Enumerable.Range(0, Items).Select(_ => 0.5 + random.NextDouble()).ToArray();
        var names = Enumerable.Range(0, Items).Select(i => $"c{i}").ToArray();
        _rows = new double[Items][];
        for (int i = 0; i < Items; i++)
        {
            _rows[i] = new double[Items];
            for (int j = 0; j < Items; j++)
                _rows[i][j] = i == j ? 1 : i < j ? Math.Round(weights[i] / weights[j] * (0.9 + (0.2 * random.NextDouble())), 2) : 0;
        }
        for (int i = 0; i < Items; i++)
            for (int j = 0; j < i; j++)
                _rows[i][j] = 1 / _rows[j][i];
        _matrix = PairwiseComparisonMatrix.FromRows(names, _rows);
    }

    [Benchmark(Baseline = true)]
    public double JaggedLinq()
    {
        int n = _rows.Length;
        var w = Enumerable.Repeat(1.0 / n, n).ToArray();
        for (int k = 0; k < 10_000; k++)
        {
            var next = _rows.Select(r => r.Select((a, j) => a * w[j]).Sum()).ToArray();
            double sum = next.Sum();
            next = next.Select(x => x / sum).ToArray();
            double diff = next.Select((x, i) => Math.Abs(x - w[i])).Max();
            w = next;
            if (diff < 1e-12) break;
        }
        double lambda = _rows.Select((r, i) => r.Select((a, j) => a * w[j]).Sum() / w[i]).Average();
        return n <= 2 ? 0 : (lambda - n) / (n - 1);
    }

    [Benchmark]
    public double Library() => AnalyticHierarchyProcess.Prioritise(_matrix, RandomIndexTable.DoneganDodd).ConsistencyIndex;
}
