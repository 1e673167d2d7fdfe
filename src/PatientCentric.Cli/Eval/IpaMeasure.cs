using System.Text.Json;
using PatientCentric.Value;

namespace PatientCentric.Cli.Eval;

/// <summary><c>ipa</c>: importance–performance analysis with quadrants, gaps and effort shares (docs/ipa.md; docs/cli-json.md).</summary>
internal sealed class IpaMeasure : IEvalMeasure
{
    public string Id => "ipa";

    public string Description => "Importance-performance analysis: crosshairs, quadrant per attribute, gap P − I and effort share of quadrant A.";

    public void Evaluate(RequestObject request, Utf8JsonWriter result)
    {
        var attributesElement = request.RequiredArray("attributes");
        string crosshairText = request.Optional("crosshair") is { } c
            ? RequestValues.NonEmptyString(c, RequestObject.Child(request.Path, "crosshair"))
            : "grandMeans";
        var midpointElement = request.Optional("scaleMidpoint");
        var bestElement = request.Optional("bestPerformance");
        request.RejectUnknownFields();

        var rule = crosshairText switch
        {
            "grandMeans" => CrosshairRule.GrandMeans,
            "median" => CrosshairRule.Median,
            "scaleMidpoint" => CrosshairRule.ScaleMidpoint,
            _ => throw new EvalInputException(RequestObject.Child(request.Path, "crosshair"),
                                              $"unknown crosshair \"{crosshairText}\"; expected \"grandMeans\", \"median\" or \"scaleMidpoint\"."),
        };
        string midpointPath = RequestObject.Child(request.Path, "scaleMidpoint");
        double? midpoint = midpointElement is { } m ? Rating(m, midpointPath) : null;
        if (rule == CrosshairRule.ScaleMidpoint && midpoint is null)
            throw new EvalInputException(midpointPath, "required when crosshair is \"scaleMidpoint\".");
        if (rule != CrosshairRule.ScaleMidpoint && midpoint is not null)
            throw new EvalInputException(midpointPath, "only used when crosshair is \"scaleMidpoint\".");
        double? best = bestElement is { } b ? Rating(b, RequestObject.Child(request.Path, "bestPerformance")) : null;

        var attributes = new List<ImportancePerformance>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in RequestValues.Objects(attributesElement, RequestObject.Child(request.Path, "attributes")))
        {
            string name = RequestValues.NonEmptyString(a.Required("name"), RequestObject.Child(a.Path, "name"));
            if (!names.Add(name))
                throw new EvalInputException(RequestObject.Child(a.Path, "name"), $"\"{name}\" is listed twice; names must be distinct.");
            double importance = Rating(a.Required("importance"), RequestObject.Child(a.Path, "importance"));
            double performance = Rating(a.Required("performance"), RequestObject.Child(a.Path, "performance"));
            a.RejectUnknownFields();
            attributes.Add(new ImportancePerformance(name, importance, performance));
        }

        var r = ImportancePerformanceAnalysis.Analyse(attributes.ToArray(), rule, midpoint, best);
        result.WriteStartObject();
        result.WriteNumber("importanceCrosshair", r.ImportanceCrosshair);
        result.WriteNumber("performanceCrosshair", r.PerformanceCrosshair);
        result.WriteStartArray("attributes");
        foreach (var p in r.Attributes)
        {
            result.WriteStartObject();
            result.WriteString("name", p.Name);
            result.WriteString("quadrant", p.Quadrant switch
            {
                IpaQuadrant.ConcentrateHere => "concentrateHere",
                IpaQuadrant.KeepUpTheGoodWork => "keepUpTheGoodWork",
                IpaQuadrant.LowPriority => "lowPriority",
                _ => "possibleOverkill",
            });
            result.WriteNumber("gap", p.Gap);
            result.WriteNumber("effortShare", p.EffortShare);
            result.WriteEndObject();
        }
        result.WriteEndArray();
        result.WriteNumber("bestPerformance", r.BestPerformance);
        result.WriteStartArray("allocationOrder");
        foreach (string name in r.AllocationOrder)
            result.WriteStringValue(name);
        result.WriteEndArray();
        result.WriteEndObject();
    }

    /// <summary>A finite number within ±1e100 (the library's IPA range, where crosshairs, gaps and priorities stay finite).</summary>
    private static double Rating(JsonElement e, string path)
    {
        double v = KeyDriverRequest.FiniteNumber(e, path);
        return Math.Abs(v) <= 1e100 ? v
            : throw new EvalInputException(path, "must be within -1e100..1e100 (importance and performance are ratings or weights).");
    }
}
