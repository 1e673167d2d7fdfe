using BenchmarkDotNet.Attributes;
using PatientCentric.Touchpoints;

namespace PatientCentric.Benchmarks;

/// <summary>Net Promoter Score over a year of answers from a large network: the library's single vectorised pass
/// against a plain LINQ version (baseline) and a scalar histogram loop.</summary>
[MemoryDiagnoser]
public class NpsBenchmarks
{
    private int[] _answers = [];

    [Params(1_000, 1_000_000)]
    public int AnswerCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Realistic skew: most answers 8–10, a tail of detractors (seeded, so every run scores the same data).
        var random = new Random(20250101);
        int[] weights = [2, 1, 1, 1, 2, 4, 5, 10, 20, 24, 30];
        int total = weights.Sum();
        _answers = new int[AnswerCount];
        for (int i = 0; i < _answers.Length; i++)
        {
            int u = random.Next(total), a = 0;
            while (u >= weights[a]) u -= weights[a++];
            _answers[i] = a;
        }
    }

    [Benchmark(Baseline = true)]
    public double Linq()
    {
        if (_answers.Any(a => a is < 0 or > 10))
            throw new ArgumentOutOfRangeException(nameof(_answers));
        double n = _answers.Length;
        return (_answers.Count(a => a >= 9) / n) - (_answers.Count(a => a <= 6) / n);
    }

    [Benchmark]
    public double ScalarHistogram()
    {
        Span<int> histogram = stackalloc int[11];
        foreach (int a in _answers)
        {
            if ((uint)a > 10)
                throw new ArgumentOutOfRangeException(nameof(_answers));
            histogram[a]++;
        }
        double n = _answers.Length;
        int detractors = 0;
        for (int i = 0; i <= 6; i++)
            detractors += histogram[i];
        return ((histogram[9] + histogram[10]) / n) - (detractors / n);
    }

    [Benchmark]
    public double Library() => NetPromoterScore.Compute(_answers)!.Value.Score;
}
