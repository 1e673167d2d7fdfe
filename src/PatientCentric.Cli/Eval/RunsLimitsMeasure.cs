using System.Globalization;
using System.Text.Json;
using PatientCentric.Control;

namespace PatientCentric.Cli.Eval;

/// <summary><c>runs-limits</c>: the Anhøj critical values for given numbers of useful observations (docs/spc.md).</summary>
internal sealed class RunsLimitsMeasure : IEvalMeasure
{
    /// <summary>The largest n accepted (the crossing limit's work grows with n).</summary>
    public const int MaxN = 10_000_000;

    /// <summary>The most work one request may ask for: the sum of its distinct n (each crossing limit costs about n/2 steps),
    /// a few seconds at most; a longer table is asked for in several requests.</summary>
    public const long MaxWork = 50_000_000;

    public string Id => "runs-limits";

    public string Description => "Anhøj critical values: the longest-run limit round(log2 n + 3) and crossing limit qbinom(0.05, n − 1, 0.5) for each n (10 or more).";

    public void Evaluate(RequestObject request, Utf8JsonWriter result)
    {
        var array = request.RequiredArray("n");
        request.RejectUnknownFields();
        string path = RequestObject.Child(request.Path, "n");
        var ns = new List<int>();
        int i = 0;
        foreach (var e in array.EnumerateArray())
            ns.Add(RequestObject.WholeNumber(e, $"{path}[{i++}]", RunsAnalysis.MinimumUsefulObservations, MaxN));

        if (ns.Distinct().Sum(n => (long)n) > MaxWork)
            throw new EvalInputException(path, string.Create(CultureInfo.InvariantCulture,
                $"the distinct n add up to more than {MaxWork:N0}, too much work for one request; ask for fewer or smaller n per request."));
        var crossings = ns.Distinct().ToDictionary(n => n, RunsAnalysis.CrossingsLimit);   // each distinct n once
        result.WriteStartObject();
        result.WriteStartArray("table");
        foreach (int n in ns)
        {
            result.WriteStartObject();
            result.WriteNumber("n", n);
            result.WriteNumber("longestRunMax", RunsAnalysis.LongestRunLimit(n));
            result.WriteNumber("crossingsMin", crossings[n]);
            result.WriteEndObject();
        }
        result.WriteEndArray();
        result.WriteEndObject();
    }
}
