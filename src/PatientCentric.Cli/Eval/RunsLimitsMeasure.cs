using System.Text.Json;
using PatientCentric.Control;

namespace PatientCentric.Cli.Eval;

/// <summary><c>runs-limits</c>: the Anhøj critical values for given numbers of useful observations (docs/spc.md).</summary>
internal sealed class RunsLimitsMeasure : IEvalMeasure
{
    /// <summary>The largest n accepted (the crossing limit's work grows with n).</summary>
    public const int MaxN = 10_000_000;

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

        result.WriteStartObject();
        result.WriteStartArray("table");
        foreach (int n in ns)
        {
            result.WriteStartObject();
            result.WriteNumber("n", n);
            result.WriteNumber("longestRunMax", RunsAnalysis.LongestRunLimit(n));
            result.WriteNumber("crossingsMin", RunsAnalysis.CrossingsLimit(n));
            result.WriteEndObject();
        }
        result.WriteEndArray();
        result.WriteEndObject();
    }
}
