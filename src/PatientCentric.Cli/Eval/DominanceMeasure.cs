using System.Text.Json;
using PatientCentric.Value;

namespace PatientCentric.Cli.Eval;

/// <summary><c>dominance</c>: the Shapley / LMG general dominance decomposition of R² (docs/key-drivers.md;
/// docs/cli-json.md), with the average contribution by subset size and every subset's R².</summary>
internal sealed class DominanceMeasure : IEvalMeasure
{
    public string Id => "dominance";

    public string Description => "Key-driver analysis: Shapley/LMG general dominance, contributions by level and every subset's R² (p ≤ 15 by default).";

    public void Evaluate(RequestObject request, Utf8JsonWriter result)
    {
        int cap = RequestValues.OptionalInt(request, "maxPredictors", KeyDriverAnalysis.DefaultMaxDominancePredictors, 1, 20);
        var input = KeyDriverRequest.Read(request);
        request.RejectUnknownFields();
        var d = KeyDriverRequest.Guard(() => KeyDriverAnalysis.Dominance(input, cap), _ => RequestObject.Child(request.Path, "predictors"));

        result.WriteStartObject();
        result.WriteNumber("rSquared", d.RSquared);
        result.WriteStartObject("generalDominance");
        for (int j = 0; j < d.Predictors.Length; j++)
            result.WriteNumber(d.Predictors[j], d.GeneralDominance[j]);
        result.WriteEndObject();
        result.WriteStartObject("averageContributionByLevel");
        for (int j = 0; j < d.Predictors.Length; j++)
        {
            result.WriteStartArray(d.Predictors[j]);
            foreach (double v in d.AverageContributionByLevel[j])
                result.WriteNumberValue(v);
            result.WriteEndArray();
        }
        result.WriteEndObject();
        result.WriteStartObject("subsetRSquared");
        foreach (int mask in d.SubsetOrder())
            result.WriteNumber(d.SubsetName(mask), d.SubsetRSquared[mask]);
        result.WriteEndObject();
        RequestValues.WriteNumber(result, "n", d.RespondentCount);
        KeyDriverRequest.WriteNotes(result, input);
        result.WriteEndObject();
    }
}
