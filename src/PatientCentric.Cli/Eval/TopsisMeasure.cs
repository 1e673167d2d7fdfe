using System.Globalization;
using System.Text.Json;
using PatientCentric.Customers;

namespace PatientCentric.Cli.Eval;

/// <summary><c>topsis</c>: TOPSIS closeness and ranks of alternatives (rows) on criteria (columns) (docs/topsis.md;
/// docs/cli-json.md). Weights are normalised to sum 1.</summary>
internal sealed class TopsisMeasure : IEvalMeasure
{
    public string Id => "topsis";

    public string Description => "TOPSIS relative closeness, competition ranks, ideal and anti-ideal (vector, minMax or no normalisation).";

    public void Evaluate(RequestObject request, Utf8JsonWriter result)
    {
        var alternatives = DecisionRequests.Names(request, "alternatives");
        string altPath = RequestObject.Child(request.Path, "alternatives");
        var criteriaArray = request.RequiredArray("criteria");
        string criteriaPath = RequestObject.Child(request.Path, "criteria");
        var matrixElement = request.RequiredArray("matrix");
        string matrixPath = RequestObject.Child(request.Path, "matrix");
        var normalization = ReadNormalization(request);
        request.RejectUnknownFields();

        var weights = new List<double>();
        var directions = new List<CriterionDirection>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in RequestValues.Objects(criteriaArray, criteriaPath))
        {
            string name = RequestValues.NonEmptyString(c.Required("name"), RequestObject.Child(c.Path, "name"));
            if (!names.Add(name))
                throw new EvalInputException(RequestObject.Child(c.Path, "name"), $"\"{name}\" is given more than once.");
            double w = DecisionRequests.FiniteNumber(c.Required("weight"), RequestObject.Child(c.Path, "weight"));
            if (w < 0)
                throw new EvalInputException(RequestObject.Child(c.Path, "weight"), "must be 0 or more.");
            directions.Add(Direction(c, "type"));
            c.RejectUnknownFields();
            weights.Add(w);
        }
        if (weights.Sum() <= 0)
            throw new EvalInputException(criteriaPath, "at least one weight must be above 0.");

        int n = weights.Count;
        if (matrixElement.GetArrayLength() != alternatives.Length)
            throw new EvalInputException(matrixPath, string.Create(CultureInfo.InvariantCulture, $"expected {alternatives.Length} rows, one per alternative of {altPath}."));
        var rows = new List<IReadOnlyList<double>>();
        int i = 0;
        foreach (var row in matrixElement.EnumerateArray())
        {
            string rowPath = $"{matrixPath}[{i++}]";
            if (row.ValueKind != JsonValueKind.Array)
                throw new EvalInputException(rowPath, $"expected an array, got {RequestObject.Describe(row)}.");
            if (row.GetArrayLength() != n)
                throw new EvalInputException(rowPath, string.Create(CultureInfo.InvariantCulture, $"expected {n} values, one per criterion of {criteriaPath}."));
            rows.Add([.. row.EnumerateArray().Select((e, j) => DecisionRequests.FiniteNumber(e, $"{rowPath}[{j}]"))]);
        }

        TopsisResult t;
        try
        {
            t = Topsis.Rank(rows, weights, directions, normalization);
        }
        catch (ArgumentException e) when (e is not ArgumentOutOfRangeException)
        {
            // Only the distance range remains to be refused here: every other rule was checked above.
            string message = e.ParamName is { } p ? e.Message.Replace($" (Parameter '{p}')", "", StringComparison.Ordinal) : e.Message;
            throw new EvalInputException(matrixPath, char.ToLowerInvariant(message[0]) + message[1..]);
        }
        result.WriteStartObject();
        DecisionRequests.WriteNumbers(result, "closeness", t.Closeness);
        result.WriteStartArray("rank");
        foreach (int r in t.Ranks)
            result.WriteNumberValue(r);
        result.WriteEndArray();
        DecisionRequests.WriteNumbers(result, "ideal", t.Ideal);
        DecisionRequests.WriteNumbers(result, "antiIdeal", t.AntiIdeal);
        result.WriteString("normalisation", Name(t.Normalization));
        DecisionRequests.WriteNumbers(result, "weights", t.Weights);
        result.WriteBoolean("tie", t.IsTie);
        result.WriteEndObject();
    }

    public static string Name(TopsisNormalization n) => n switch
    {
        TopsisNormalization.Vector => "vector",
        TopsisNormalization.MinMax => "minMax",
        _ => "none",
    };

    public static TopsisNormalization ReadNormalization(RequestObject o, string field = "normalisation")
    {
        if (o.Optional(field) is not { } e)
            return TopsisNormalization.Vector;
        string path = RequestObject.Child(o.Path, field);
        return e.ValueKind != JsonValueKind.String ? throw new EvalInputException(path, $"expected a string, got {RequestObject.Describe(e)}.")
            : e.GetString() switch
            {
                "vector" => TopsisNormalization.Vector,
                "minMax" => TopsisNormalization.MinMax,
                "none" => TopsisNormalization.None,
                var other => throw new EvalInputException(path, $"unknown normalisation \"{other}\"; expected one of vector, minMax, none."),
            };
    }

    public static CriterionDirection Direction(RequestObject o, string field)
    {
        string path = RequestObject.Child(o.Path, field);
        var e = o.Required(field);
        return e.ValueKind != JsonValueKind.String ? throw new EvalInputException(path, $"expected a string, got {RequestObject.Describe(e)}.")
            : e.GetString() switch
            {
                "benefit" => CriterionDirection.Benefit,
                "cost" => CriterionDirection.Cost,
                var other => throw new EvalInputException(path, $"unknown direction \"{other}\"; expected benefit or cost."),
            };
    }
}
