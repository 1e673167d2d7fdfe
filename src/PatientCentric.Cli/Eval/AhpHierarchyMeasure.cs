using System.Text.Json;
using PatientCentric.Customers;

namespace PatientCentric.Cli.Eval;

/// <summary><c>ahp-hierarchy</c>: global weights of alternatives by exact synthesis of a hierarchy of pairwise
/// comparison matrices (docs/ahp.md; docs/cli-json.md).</summary>
internal sealed class AhpHierarchyMeasure : IEvalMeasure
{
    public string Id => "ahp-hierarchy";

    public string Description => "AHP hierarchy: alternatives' global weights by exact synthesis, and each node's local weights and consistency.";

    public void Evaluate(RequestObject request, Utf8JsonWriter result)
    {
        string altPath = RequestObject.Child(request.Path, "alternatives");
        var alternatives = DecisionRequests.Names(request, "alternatives");
        var nodesArray = request.RequiredArray("nodes");
        string nodesPath = RequestObject.Child(request.Path, "nodes");
        var altSet = alternatives.ToHashSet(StringComparer.Ordinal);

        var raw = new List<(RequestObject Node, string Name, string[] Items)>();
        foreach (var node in RequestValues.Objects(nodesArray, nodesPath))
        {
            string name = RequestValues.NonEmptyString(node.Required("name"), RequestObject.Child(node.Path, "name"));
            if (raw.Any(r => r.Name == name))
                throw new EvalInputException(RequestObject.Child(node.Path, "name"), $"\"{name}\" names another node too.");
            if (altSet.Contains(name))
                throw new EvalInputException(RequestObject.Child(node.Path, "name"), $"\"{name}\" is also an alternative's name.");
            raw.Add((node, name, DecisionRequests.Names(node, "items")));
        }
        var nodeNames = raw.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        int largest = raw.Max(r => r.Items.Length);
        var table = DecisionRequests.RandomIndex(request, "randomIndex", largest, "the largest node's items");
        request.RejectUnknownFields();

        var nodes = new List<AhpNode>();
        foreach (var (node, name, items) in raw)
        {
            string itemsPath = RequestObject.Child(node.Path, "items");
            for (int i = 0; i < items.Length; i++)
            {
                if (!nodeNames.Contains(items[i]) && !altSet.Contains(items[i]))
                    throw new EvalInputException($"{itemsPath}[{i}]", $"\"{items[i]}\" is neither a node nor one of {altPath}.");
            }
            bool allNodes = items.All(nodeNames.Contains), allAlternatives = items.All(altSet.Contains);
            if (!allNodes && !allAlternatives)
                throw new EvalInputException(itemsPath, $"a node's items must be all nodes (sub-criteria) or all of {altPath} (a leaf criterion), not a mix.");
            if (allAlternatives && items.Length != alternatives.Length)
                throw new EvalInputException(itemsPath, $"a leaf criterion must compare every one of {altPath}.");
            nodes.Add(new AhpNode(name, DecisionRequests.Comparisons(node, items, itemsPath)));
            node.RejectUnknownFields();
        }

        AhpHierarchyResult h;
        try
        {
            h = AnalyticHierarchyProcess.Synthesize(nodes, alternatives, table);
        }
        catch (ArgumentException e) when (e is not ArgumentOutOfRangeException)
        {
            string message = e.Message;
            int cut = message.IndexOf(" (Parameter", StringComparison.Ordinal);
            message = cut >= 0 ? message[..cut] : message;
            throw new EvalInputException(nodesPath, char.ToLowerInvariant(message[0]) + message[1..]);
        }

        result.WriteStartObject();
        DecisionRequests.WriteWeights(result, "weights", h.Alternatives, h.Weights);
        result.WriteStartObject("nodes");
        foreach (var n in h.Nodes)
        {
            result.WriteStartObject(n.Name);
            DecisionRequests.WriteWeights(result, "weights", n.Priorities.Items, n.Priorities.Weights);
            result.WriteNumber("consistencyRatio", n.Priorities.ConsistencyRatio);
            result.WriteBoolean("consistent", n.Priorities.IsConsistent);
            result.WriteNumber("globalWeight", n.GlobalWeight);
            result.WriteNumber("lambdaMax", n.Priorities.LambdaMax);
            result.WriteNumber("consistencyIndex", n.Priorities.ConsistencyIndex);
            result.WriteString("status", DecisionRequests.Name(n.Priorities.Status));
            result.WriteEndObject();
        }
        result.WriteEndObject();
        result.WriteString("goal", h.Goal);
        result.WriteString("randomIndex", DecisionRequests.Name(table));
        result.WriteEndObject();
    }
}
