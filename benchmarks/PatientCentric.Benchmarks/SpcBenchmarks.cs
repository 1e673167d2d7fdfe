using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using PatientCentric.Control;

namespace PatientCentric.Benchmarks;

/// <summary>XmR limits plus all four special-cause rules over 10,000,000 points (a practice's daily series for years, or many
/// series end to end): noisy values around a level that shifts and drifts now and then, so every rule fires. Library: one pass
/// for the limits' sums, one for the screening, then <see cref="XmrChart.Classify"/> evaluates all rules in one pass into a
/// preallocated buffer. Baseline: the same limits, then the series rescanned once per rule (outside, trend, two of three,
/// shift) into per-rule flag arrays, and a last pass that applies the label priority.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class SpcBenchmarks
{
    private double[] _values = [];
    private XmrPoint[] _points = [];

    [Params(10_000_000)]
    public int Points { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20250101);
        _values = new double[Points];
        _points = new XmrPoint[Points];
        double level = 50;
        for (int i = 0; i < Points; i++)
        {
            if (random.Next(200) == 0) level += random.Next(-5, 6);               // an occasional shift
            double noise = (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 4;
            _values[i] = Math.Round(level + noise, 1);                            // one decimal, so ties with the mean occur
        }

        // Both methods must produce the same chart, or the comparison means nothing.
        var limits = XmrChart.ComputeLimits(_values);
        var expected = new XmrPoint[Points];
        SpcRescanBaseline.Classify(_values, limits, ImprovementDirection.Increase, expected);
        XmrChart.Classify(_values, limits, ImprovementDirection.Increase, _points);
        if (!expected.AsSpan().SequenceEqual(_points))
            throw new InvalidOperationException("The library and the baseline disagree.");
    }

    [Benchmark(Baseline = true)]
    public int RescanPerRule()
    {
        var limits = XmrChart.ComputeLimits(_values);
        SpcRescanBaseline.Classify(_values, limits, ImprovementDirection.Increase, _points);
        return (int)_points[^1].PointType;
    }

    [Benchmark]
    public int Library()
    {
        var limits = XmrChart.ComputeLimits(_values);
        XmrChart.Classify(_values, limits, ImprovementDirection.Increase, _points);
        return (int)_points[^1].PointType;
    }
}

/// <summary>The rules read one at a time, as a first implementation would: each rule is its own scan with its own flag array.</summary>
internal static class SpcRescanBaseline
{
    public static void Classify(double[] y, XmrLimits limits, ImprovementDirection direction, XmrPoint[] destination)
    {
        int n = y.Length;
        double mean = limits.Mean;
        var outside = new bool[n];
        for (int i = 0; i < n; i++)
            outside[i] = y[i] > limits.UpperProcessLimit || y[i] < limits.LowerProcessLimit;

        var trend = new sbyte[n];
        int length = 1, dir = 0;
        for (int i = 1; i < n; i++)
        {
            int d = Math.Sign(y[i] - y[i - 1]);
            (dir, length) = d == 0 ? (0, 1) : d == dir ? (dir, length + 1) : (d, 2);
            if (length >= 7)
            {
                for (int j = length == 7 ? i - 6 : i; j <= i; j++)
                    if (trend[j] == 0) trend[j] = (sbyte)dir;
            }
        }

        var twoOfThree = new bool[n];
        for (int i = 2; i < n; i++)
        {
            int s = Math.Sign(y[i] - mean);
            if (s == 0 || Math.Sign(y[i - 1] - mean) != s || Math.Sign(y[i - 2] - mean) != s)
                continue;
            int close = 0;
            for (int j = i - 2; j <= i; j++)
                if (IsClose(y[j], limits, outside[j])) close++;
            if (close >= 2)
                for (int j = i - 2; j <= i; j++)
                    if (IsClose(y[j], limits, outside[j])) twoOfThree[j] = true;
        }

        var shift = new bool[n];
        int side = 0, run = 0;
        for (int i = 0; i < n; i++)
        {
            int s = Math.Sign(y[i] - mean);
            (side, run) = s == 0 ? (0, 0) : s == side ? (side, run + 1) : (s, 1);
            if (run >= 7)
                for (int j = run == 7 ? i - 6 : i; j <= i; j++) shift[j] = true;
        }

        for (int i = 0; i < n; i++)
        {
            int rel = Math.Sign(y[i] - mean);
            (SpecialCauseRule rule, int towards) = outside[i] ? (SpecialCauseRule.Astronomical, rel)
                : trend[i] != 0 ? (SpecialCauseRule.Trend, trend[i])
                : twoOfThree[i] ? (SpecialCauseRule.TwoOfThree, rel)
                : shift[i] ? (SpecialCauseRule.Shift, rel)
                : (SpecialCauseRule.None, 0);
            var type = rule == SpecialCauseRule.None ? PointType.CommonCause
                : direction == ImprovementDirection.Neutral ? (towards > 0 ? PointType.SpecialCauseNeutralHigh : PointType.SpecialCauseNeutralLow)
                : towards * (direction == ImprovementDirection.Increase ? 1 : -1) > 0 ? PointType.SpecialCauseImprovement : PointType.SpecialCauseConcern;
            destination[i] = new XmrPoint(y[i], rel, outside[i], IsClose(y[i], limits, outside[i]), rule, type);
        }
    }

    private static bool IsClose(double v, in XmrLimits limits, bool outside) =>
        !outside && (v > limits.UpperNearLimit || v < limits.LowerNearLimit);
}
