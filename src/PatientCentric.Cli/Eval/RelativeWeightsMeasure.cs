using System.Text.Json;
using PatientCentric.Value;

namespace PatientCentric.Cli.Eval;

/// <summary><c>relative-weights</c>: Johnson's (2000) relative weights of the predictors of an outcome (docs/key-drivers.md;
/// docs/cli-json.md), from raw rows or a correlation matrix.</summary>
internal sealed class RelativeWeightsMeasure : IEvalMeasure
{
    public string Id => "relative-weights";

    public string Description => "Key-driver analysis: Johnson's relative weights (raw and % of R²) from rows or a correlation matrix.";

    public void Evaluate(RequestObject request, Utf8JsonWriter result)
    {
        var input = KeyDriverRequest.Read(request);
        request.RejectUnknownFields();
        var r = KeyDriverAnalysis.RelativeWeights(input);

        result.WriteStartObject();
        RequestValues.WriteNumber(result, "n", r.RespondentCount);
        result.WriteNumber("rSquared", r.RSquared);
        result.WriteStartObject("rawWeights");
        foreach (var w in r.Weights)
            result.WriteNumber(w.Predictor, w.RawWeight);
        result.WriteEndObject();
        result.WriteStartObject("rescaledWeightsPct");
        foreach (var w in r.Weights)
            RequestValues.WriteNumber(result, w.Predictor, w.RescaledPercent);
        result.WriteEndObject();
        result.WriteStartObject("signs");
        foreach (var w in r.Weights)
            result.WriteString(w.Predictor, w.Sign switch { > 0 => "+", < 0 => "-", _ => "0" });
        result.WriteEndObject();
        KeyDriverRequest.WriteNotes(result, input);
        result.WriteEndObject();
    }
}
