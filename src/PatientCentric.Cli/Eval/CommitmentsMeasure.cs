using System.Text.Json;
using PatientCentric.Scoring;
using PatientCentric.Touchpoints;

namespace PatientCentric.Cli.Eval;

/// <summary><c>commitments</c>: each commitment's rubric of measure values and bounds → a 0..1 score with its components (docs/touchpoints/follow-up.md).</summary>
internal sealed class CommitmentsMeasure : IEvalMeasure
{
    public string Id => "commitments";

    public string Description => "The six commitments as a rubric: each commitment's measures normalised against their bounds and averaged by weight, 0–1, with components.";

    public void Evaluate(RequestObject request, Utf8JsonWriter result)
    {
        var array = request.RequiredArray("commitments");
        request.RejectUnknownFields();
        var keys = Enum.GetValues<Commitment>().ToDictionary(CommitmentRubric.Key, c => c, StringComparer.Ordinal);
        var seen = new HashSet<Commitment>();
        var cards = new List<ScoreCard>();
        foreach (var c in RequestValues.Objects(array, RequestObject.Child(request.Path, "commitments")))
        {
            string namePath = RequestObject.Child(c.Path, "name");
            string name = RequestValues.NonEmptyString(c.Required("name"), namePath);
            if (!keys.TryGetValue(name, out var commitment))
                throw new EvalInputException(namePath, $"not a commitment; one of {string.Join(", ", keys.Keys)}.");
            if (!seen.Add(commitment))
                throw new EvalInputException(namePath, "the commitment is listed twice.");
            var measuresArray = c.RequiredArray("measures");
            c.RejectUnknownFields();
            var measures = new List<RubricMeasure>();
            foreach (var m in RequestValues.Objects(measuresArray, RequestObject.Child(c.Path, "measures")))
            {
                string key = RequestValues.NonEmptyString(m.Required("key"), RequestObject.Child(m.Path, "key"));
                double? value = m.Optional("value") is { } v ? Number(v, RequestObject.Child(m.Path, "value")) : null;
                double worst = Number(m.Required("worst"), RequestObject.Child(m.Path, "worst"));
                double best = Number(m.Required("best"), RequestObject.Child(m.Path, "best"));
                double weight = RequestValues.OptionalNumber(m, "weight", 1, 0, 1_000_000);
                m.RejectUnknownFields();
                if (best == worst)
                    throw new EvalInputException(RequestObject.Child(m.Path, "best"), "must differ from \"worst\".");
                measures.Add(new RubricMeasure(key, value, worst, best, weight));
            }
            cards.Add(CommitmentRubric.Score(commitment, measures, ScoreScope.Practice));
        }
        result.WriteStartObject();
        result.WriteStartArray("commitments");
        foreach (var card in cards)
        {
            result.WriteStartObject();
            result.WriteString("name", card.MeasureKey["commitment:".Length..]);
            RequestValues.WriteNumber(result, "score", card.Value);
            result.WriteStartArray("components");
            foreach (var comp in card.Components.Where(x => x.Weight is not null))
            {
                result.WriteStartObject();
                result.WriteString("key", comp.Name);
                RequestValues.WriteNumber(result, "value", comp.InputValue);
                result.WriteNumber("weight", comp.Weight!.Value);
                result.WriteNumber("contribution", comp.Contribution!.Value);
                result.WriteEndObject();
            }
            result.WriteEndArray();
            result.WriteStartArray("skipped");
            foreach (var comp in card.Components.Where(x => x.Name.StartsWith("skipped:", StringComparison.Ordinal)))
                result.WriteStringValue(comp.Name["skipped:".Length..]);
            result.WriteEndArray();
            result.WriteEndObject();
        }
        result.WriteEndArray();
        result.WriteEndObject();
    }

    private static double Number(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out double d) && double.IsFinite(d)
            ? d : throw new EvalInputException(path, $"expected a finite number, got {RequestObject.Describe(e)}.");
}
