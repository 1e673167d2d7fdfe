using System.Text.Json;
using PatientCentric.Customers;

namespace PatientCentric.Cli.Eval;

/// <summary><c>ahp</c>: priorities and consistency of one pairwise comparison matrix (docs/ahp.md; docs/cli-json.md).</summary>
internal sealed class AhpMeasure : IEvalMeasure
{
    public string Id => "ahp";

    public string Description => "AHP priorities (principal eigenvector), λmax, CI, CR and consistency of one pairwise comparison matrix.";

    public void Evaluate(RequestObject request, Utf8JsonWriter result)
    {
        string itemsPath = RequestObject.Child(request.Path, "items");
        var items = DecisionRequests.Names(request, "items");
        var table = DecisionRequests.RandomIndex(request, "randomIndex", items.Length, itemsPath);
        var matrix = DecisionRequests.Comparisons(request, items, itemsPath);
        request.RejectUnknownFields();

        var p = AnalyticHierarchyProcess.Prioritise(matrix, table);
        result.WriteStartObject();
        DecisionRequests.WriteWeights(result, "weights", p.Items, p.Weights);
        result.WriteNumber("lambdaMax", p.LambdaMax);
        result.WriteNumber("consistencyIndex", p.ConsistencyIndex);
        result.WriteNumber("consistencyRatio", p.ConsistencyRatio);
        result.WriteBoolean("consistent", p.IsConsistent);
        result.WriteString("randomIndex", DecisionRequests.Name(p.RandomIndexTable));
        result.WriteString("status", DecisionRequests.Name(p.Status));
        result.WriteEndObject();
    }
}
