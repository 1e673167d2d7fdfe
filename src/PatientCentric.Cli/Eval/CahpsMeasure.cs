using System.Text.Json;
using PatientCentric.Touchpoints;

namespace PatientCentric.Cli.Eval;

/// <summary><c>cahps</c>: one CAHPS item scored from its response counts: linear mean (0–100), top, middle and bottom box
/// in percent, and each category's linear-mean value (docs/touchpoints.md#surveys-nps-and-cahps).</summary>
internal sealed class CahpsMeasure : IEvalMeasure
{
    public string Id => "cahps";

    public string Description => "One CAHPS item from response counts: linear mean 0–100, top/middle/bottom box %, and each category's score.";

    public void Evaluate(RequestObject request, Utf8JsonWriter result)
    {
        var categoriesElement = request.RequiredArray("categories");
        var countsObject = request.RequiredObject("responseCounts");
        request.RejectUnknownFields();

        string categoriesPath = RequestObject.Child(request.Path, "categories");
        var categories = new List<string>();
        foreach (var e in categoriesElement.EnumerateArray())
        {
            string p = $"{categoriesPath}[{categories.Count}]";
            if (e.ValueKind != JsonValueKind.String)
                throw new EvalInputException(p, $"expected a string, got {RequestObject.Describe(e)}.");
            string c = e.GetString()!;
            if (string.IsNullOrWhiteSpace(c))
                throw new EvalInputException(p, "a category must be a non-empty string.");
            if (categories.Contains(c))
                throw new EvalInputException(p, $"\"{c}\" is listed twice; categories must be distinct.");
            categories.Add(c);
        }
        CahpsScale scale;
        try
        {
            scale = CahpsScale.Create(categories);
        }
        catch (ArgumentException)
        {
            throw new EvalInputException(categoriesPath,
                $"a CAHPS scale has 2, 3 or 4 categories (least to most positive), or is the 0–10 rating \"0\"..\"10\"; got {categories.Count} categories.");
        }

        var counts = new int[scale.Count];
        foreach (var p in countsObject.Properties())
        {
            string path = RequestObject.Child(countsObject.Path, p.Name);
            int index = scale.IndexOf(p.Name);
            if (index < 0)
                throw new EvalInputException(path, "not one of the categories.");
            counts[index] = RequestObject.WholeNumber(p.Value, path, 0, int.MaxValue);
        }
        if (counts.Sum(c => (long)c) > int.MaxValue)
            throw new EvalInputException(countsObject.Path, "the total number of responses is too large.");
        var item = CahpsScoring.Score(scale, counts)
            ?? throw new EvalInputException(countsObject.Path, "there are no responses; at least one count must be above 0.");

        result.WriteStartObject();
        result.WriteNumber("n", item.N);
        result.WriteNumber("linearMean", item.LinearMean);
        result.WriteNumber("topBoxPct", item.TopBox * 100);
        result.WriteNumber("middleBoxPct", item.MiddleBox * 100);
        result.WriteNumber("bottomBoxPct", item.BottomBox * 100);
        result.WriteStartObject("categoryScores");
        for (int i = 0; i < scale.Count; i++)
            result.WriteNumber(scale.Categories[i], scale.LinearValue(i));
        result.WriteEndObject();
        result.WriteEndObject();
    }
}
