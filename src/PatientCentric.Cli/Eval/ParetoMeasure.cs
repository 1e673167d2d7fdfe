using System.Text.Json;
using PatientCentric.Scoring;
using PatientCentric.Tradeoffs;

namespace PatientCentric.Cli.Eval;

/// <summary><c>pareto</c>: options scored on customer service, quality of care and cost effectiveness: normalised values,
/// weighted score U, quality floor, Pareto front and the U-maximiser (docs/tradeoffs.md; docs/cli-json.md).</summary>
internal sealed class ParetoMeasure : IEvalMeasure
{
    private static readonly string[] Metrics = ["customerService", "qualityOfCare", "costEffectiveness"];

    public string Id => "pareto";

    public string Description => "Encounter trade-offs: normalised CS/QC/CE, weighted score, quality floor, Pareto front and the best weighted option.";

    public void Evaluate(RequestObject request, Utf8JsonWriter result)
    {
        var boundsObject = request.RequiredObject("bounds");
        var weightsElement = request.Optional("weights");
        var profileElement = request.Optional("profile");
        double floor = RequestValues.OptionalNumber(request, "qualityFloor", 0, 0, 1);
        var optionsElement = request.RequiredArray("options");
        request.RejectUnknownFields();

        var bounds = new MetricBounds[3];
        for (int m = 0; m < 3; m++)
        {
            var b = boundsObject.RequiredObject(Metrics[m]);
            double worst = KeyDriverRequest.FiniteNumber(b.Required("worst"), RequestObject.Child(b.Path, "worst"));
            double best = KeyDriverRequest.FiniteNumber(b.Required("best"), RequestObject.Child(b.Path, "best"));
            b.RejectUnknownFields();
            if (best == worst)
                throw new EvalInputException(RequestObject.Child(b.Path, "best"), "best must differ from worst (the metric cannot be normalised).");
            bounds[m] = new MetricBounds(worst, best);
        }
        boundsObject.RejectUnknownFields();

        MetricWeights weights;
        if (weightsElement is { } we)
        {
            if (profileElement is not null)
                throw new EvalInputException(RequestObject.Child(request.Path, "profile"), "give either weights or profile, not both.");
            var w = RequestObject.Of(we, RequestObject.Child(request.Path, "weights"));
            var raw = new double[3];
            for (int m = 0; m < 3; m++)
                raw[m] = RequestValues.OptionalNumber(w, Metrics[m], 0, 0, double.MaxValue);
            w.RejectUnknownFields();
            if (raw.Sum() <= 0)
                throw new EvalInputException(w.Path, "at least one weight must be above 0.");
            weights = new MetricWeights(raw[0], raw[1], raw[2]);
        }
        else if (profileElement is { } pe)
        {
            string key = RequestValues.NonEmptyString(pe, RequestObject.Child(request.Path, "profile"));
            weights = BuiltInProfiles.All.TryGetValue(key, out var profile)
                ? profile.Weights
                : throw new EvalInputException(RequestObject.Child(request.Path, "profile"),
                                               $"unknown profile \"{key}\"; expected one of {string.Join(", ", BuiltInProfiles.All.Keys.Order(StringComparer.Ordinal).Select(k => $"\"{k}\""))}.");
        }
        else
        {
            throw new EvalInputException(RequestObject.Child(request.Path, "weights"), "required field is missing (or give a profile).");
        }

        var options = new List<EncounterOption>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in RequestValues.Objects(optionsElement, RequestObject.Child(request.Path, "options")))
        {
            string name = RequestValues.NonEmptyString(o.Required("name"), RequestObject.Child(o.Path, "name"));
            if (!names.Add(name))
                throw new EvalInputException(RequestObject.Child(o.Path, "name"), $"\"{name}\" is listed twice; names must be distinct.");
            var values = new double?[3];
            for (int m = 0; m < 3; m++)
                values[m] = o.Optional(Metrics[m]) is { } v ? KeyDriverRequest.FiniteNumber(v, RequestObject.Child(o.Path, Metrics[m])) : null;
            o.RejectUnknownFields();
            options.Add(new EncounterOption(name, values[0], values[1], values[2]));
        }

        var r = EncounterTradeoffs.Assess(options.ToArray(), new MetricScales(bounds[0], bounds[1], bounds[2]), weights, floor);
        result.WriteStartObject();
        result.WriteStartObject("weights");
        result.WriteNumber("customerService", r.Weights.CustomerService);
        result.WriteNumber("qualityOfCare", r.Weights.QualityOfCare);
        result.WriteNumber("costEffectiveness", r.Weights.CostEffectiveness);
        result.WriteEndObject();
        result.WriteNumber("qualityFloor", r.QualityFloor);
        result.WriteStartArray("options");
        foreach (var a in r.Options)
        {
            result.WriteStartObject();
            result.WriteString("name", a.Name);
            result.WriteString("status", a.Status switch
            {
                ScoreStatus.Ok => "ok",
                ScoreStatus.GuardrailBlocked => "guardrailBlocked",
                _ => "insufficientData",
            });
            result.WriteStartObject("normalised");
            RequestValues.WriteNumber(result, "customerService", a.CustomerService);
            RequestValues.WriteNumber(result, "qualityOfCare", a.QualityOfCare);
            RequestValues.WriteNumber(result, "costEffectiveness", a.CostEffectiveness);
            result.WriteEndObject();
            RequestValues.WriteNumber(result, "weightedScore", a.WeightedScore);
            result.WriteBoolean("onFront", a.IsOnParetoFront);
            result.WriteBoolean("excluded", a.IsExcluded);
            result.WriteEndObject();
        }
        result.WriteEndArray();
        result.WriteStartArray("front");
        foreach (string name in r.ParetoFront)
            result.WriteStringValue(name);
        result.WriteEndArray();
        if (r.BestWeighted is { } bestName)
            result.WriteString("bestWeighted", bestName);
        else
            result.WriteNull("bestWeighted");
        result.WriteEndObject();
    }
}
