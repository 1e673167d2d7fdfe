using System.Text.Json;
using PatientCentric.Touchpoints;

namespace PatientCentric.Cli.Eval;

/// <summary><c>nps</c>: Net Promoter Score of 0–10 answers (docs/touchpoints.md#surveys-nps-and-cahps). Result on the points scale (×100); the variance on the proportion scale.</summary>
internal sealed class NpsMeasure : IEvalMeasure
{
    public string Id => "nps";

    public string Description => "Net Promoter Score of 0–10 likelihood-to-recommend answers, with variance, standard error and 95 % interval.";

    public void Evaluate(RequestObject request, Utf8JsonWriter result)
    {
        var scores = request.RequiredArray("scores");
        request.RejectUnknownFields();
        string path = RequestObject.Child(request.Path, "scores");
        var answers = new int[scores.GetArrayLength()];
        int i = 0;
        foreach (var e in scores.EnumerateArray())
        {
            answers[i] = RequestObject.WholeNumber(e, $"{path}[{i}]", NetPromoterScore.MinAnswer, NetPromoterScore.MaxAnswer);
            i++;
        }
        var nps = NetPromoterScore.Compute(answers)!.Value;
        result.WriteStartObject();
        result.WriteNumber("n", nps.N);
        result.WriteNumber("promoters", nps.Promoters);
        result.WriteNumber("passives", nps.Passives);
        result.WriteNumber("detractors", nps.Detractors);
        // Points from the integer counts in one division, so 60 promoters and 15 detractors of 100 give 45, not 44.99999999999999.
        double points = nps.ScorePoints, standardError = nps.StandardError * 100;
        result.WriteNumber("nps", points);
        result.WriteNumber("variance", nps.Variance);
        result.WriteNumber("standardError", standardError);
        result.WriteStartArray("ci95");
        result.WriteNumberValue(Math.Max(-100.0, points - (1.96 * standardError)));
        result.WriteNumberValue(Math.Min(100.0, points + (1.96 * standardError)));
        result.WriteEndArray();
        result.WriteEndObject();
    }
}
