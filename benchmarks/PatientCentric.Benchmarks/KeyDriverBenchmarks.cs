using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using PatientCentric.Value;

namespace PatientCentric.Benchmarks;

/// <summary>Johnson's relative weights for 50 predictors × 1,000,000 respondent rows (seeded survey-like ratings sharing a
/// common factor). The time is dominated by building the 51×51 correlation matrix. Baseline: each pairwise Pearson
/// correlation computed on its own with LINQ (means, then a Zip/Sum of products, then two sums of squares), 1,326 pairs
/// of separate passes over column arrays; both then run the same eigen-decomposition.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class KeyDriverBenchmarks
{
    private double[] _rowMajor = [];
    private double[][] _columns = [];
    private ImmutableArray<string> _names = [];

    [Params(50)]
    public int Predictors { get; set; }

    [Params(1_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        int k = Predictors + 1;
        var random = new Random(20250101);
        _rowMajor = new double[Rows * k];
        _columns = new double[k][];
        for (int c = 0; c < k; c++)
            _columns[c] = new double[Rows];
        for (int i = 0; i < Rows; i++)
        {
            double mood = random.NextDouble() * 4;
            double y = 0;
            for (int j = 1; j < k; j++)
            {
                double x = Math.Round(1 + (0.5 * mood) + (random.NextDouble() * 3));   // 1–6 ratings with a shared mood factor
                _rowMajor[(i * k) + j] = _columns[j][i] = x;
                y += x * (j % 5 == 0 ? 0.4 : 0.1);
            }
            y += random.NextDouble() * 10;
            _rowMajor[i * k] = _columns[0][i] = y;
        }
        _names = [.. Enumerable.Range(0, k).Select(c => c == 0 ? "overall" : $"item{c}")];
    }

    [Benchmark(Baseline = true)]
    public double PairwiseLinq()
    {
        int k = _columns.Length;
        var r = new double[k * k];
        for (int a = 0; a < k; a++)
        {
            r[(a * k) + a] = 1;
            for (int b = a + 1; b < k; b++)
            {
                double[] x = _columns[a], y = _columns[b];
                double mx = x.Average(), my = y.Average();
                double sxy = x.Zip(y, (u, v) => (u - mx) * (v - my)).Sum();
                double sxx = x.Sum(u => (u - mx) * (u - mx)), syy = y.Sum(v => (v - my) * (v - my));
                r[(a * k) + b] = r[(b * k) + a] = sxy / Math.Sqrt(sxx * syy);
            }
        }
        var input = KeyDriverAnalysis.FromCorrelations(new CorrelationMatrix(_names, [.. r]), "overall");
        return KeyDriverAnalysis.RelativeWeights(input).RSquared;
    }

    [Benchmark]
    public double Library()
    {
        var rows = new CorrelationAccumulator(_names.Length);
        rows.AddRows(_rowMajor);
        var input = KeyDriverAnalysis.FromRows(rows, _names, "overall", _names.RemoveAt(0));
        return KeyDriverAnalysis.RelativeWeights(input).RSquared;
    }
}
