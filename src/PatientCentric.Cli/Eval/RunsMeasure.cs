using System.Text.Json;
using PatientCentric.Control;

namespace PatientCentric.Cli.Eval;

/// <summary><c>runs</c>: the Anhøj run-chart rules (docs/spc.md; docs/cli-json.md).</summary>
internal sealed class RunsMeasure : IEvalMeasure
{
    public string Id => "runs";

    public string Description => "Anhøj runs analysis: useful observations, longest run and crossings against their limits, and the signal (null below 10 useful points).";

    public void Evaluate(RequestObject request, Utf8JsonWriter result)
    {
        var values = SpcValues.Series(request, "values");
        var centreElement = request.Optional("centre");
        request.RejectUnknownFields();

        string centrePath = RequestObject.Child(request.Path, "centre");
        var r = centreElement switch
        {
            null => RunsAnalysis.Analyze(values),
            { ValueKind: JsonValueKind.Number } n => RunsAnalysis.Analyze(values, SpcValues.FiniteNumber(n, centrePath)),
            { ValueKind: JsonValueKind.String } s when s.GetString() == "median" => RunsAnalysis.Analyze(values, RunsCentreLine.Median),
            { ValueKind: JsonValueKind.String } s when s.GetString() == "mean" => RunsAnalysis.Analyze(values, RunsCentreLine.Mean),
            { ValueKind: JsonValueKind.String } s => throw new EvalInputException(centrePath, $"expected \"median\", \"mean\" or a number, got \"{s.GetString()}\"."),
            { } other => throw new EvalInputException(centrePath, $"expected \"median\", \"mean\" or a number, got {RequestObject.Describe(other)}."),
        };

        result.WriteStartObject();
        result.WriteNumber("observations", r.Observations);
        result.WriteNumber("usefulObservations", r.UsefulObservations);
        result.WriteNumber("longestRun", r.LongestRun);
        RequestValues.WriteNumber(result, "longestRunMax", r.LongestRunMax);
        result.WriteNumber("crossings", r.Crossings);
        RequestValues.WriteNumber(result, "crossingsMin", r.CrossingsMin);
        if (r.Signal is { } signal)
            result.WriteBoolean("signal", signal);
        else
            result.WriteNull("signal");
        result.WriteEndObject();
    }
}
