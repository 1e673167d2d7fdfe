using System.Text.Json;
using PatientCentric.Control;

namespace PatientCentric.Cli.Eval;

/// <summary>Readers and writers shared by the SPC measures (<c>xmr</c>, <c>runs</c>, <c>spc</c>, <c>funnel</c>): series of finite
/// numbers, the improvement direction, and the spelling of point types and icons.</summary>
internal static class SpcValues
{
    /// <summary>Reads a JSON number that fits a finite <see cref="double"/>; JSON has no NaN or infinity, and numbers beyond
    /// ±1.8e308 (such as <c>1e999</c>) are refused rather than read as infinity.</summary>
    public static double FiniteNumber(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Number)
            throw new EvalInputException(path, $"expected a number, got {RequestObject.Describe(e)}.");
        return e.TryGetDouble(out double v) && double.IsFinite(v)
            ? v
            : throw new EvalInputException(path, $"{e.GetRawText()} is not a finite number this tool can read.");
    }

    public static double[] Series(RequestObject request, string name)
    {
        var array = request.RequiredArray(name);
        string path = RequestObject.Child(request.Path, name);
        var values = new double[array.GetArrayLength()];
        int i = 0;
        foreach (var e in array.EnumerateArray())
        {
            values[i] = FiniteNumber(e, $"{path}[{i}]");
            i++;
        }
        return values;
    }

    public static ImprovementDirection Direction(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.String)
            throw new EvalInputException(path, $"expected a string, got {RequestObject.Describe(e)}.");
        return e.GetString() switch
        {
            "increase" => ImprovementDirection.Increase,
            "decrease" => ImprovementDirection.Decrease,
            "neutral" => ImprovementDirection.Neutral,
            var other => throw new EvalInputException(path, $"expected \"increase\", \"decrease\" or \"neutral\", got \"{other}\"."),
        };
    }

    public static string PointTypeName(PointType type) => type switch
    {
        PointType.SpecialCauseImprovement => "specialCauseImprovement",
        PointType.SpecialCauseConcern => "specialCauseConcern",
        PointType.SpecialCauseNeutralHigh => "specialCauseNeutralHigh",
        PointType.SpecialCauseNeutralLow => "specialCauseNeutralLow",
        _ => "commonCause",
    };

    /// <summary>Writes <c>variationIcon</c> and <c>assuranceIcon</c> (null without one).</summary>
    public static void WriteIcons(Utf8JsonWriter result, VariationIcon variation, AssuranceIcon? assurance)
    {
        result.WriteString("variationIcon", variation switch
        {
            VariationIcon.SpecialCauseImprovement => "specialCauseImprovement",
            VariationIcon.SpecialCauseConcern => "specialCauseConcern",
            VariationIcon.SpecialCauseNeutral => "specialCauseNeutral",
            _ => "commonCause",
        });
        if (assurance is { } a)
            result.WriteString("assuranceIcon", a switch
            {
                AssuranceIcon.ConsistentPass => "consistentPass",
                AssuranceIcon.ConsistentFail => "consistentFail",
                _ => "inconsistent",
            });
        else
            result.WriteNull("assuranceIcon");
    }

    /// <summary>The library's refusal as one line: its first sentence without the parameter suffix.</summary>
    public static string Reason(ArgumentException e)
    {
        string message = e.Message;
        int cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        message = cut >= 0 ? message[..cut] : message;
        return message.Length > 0 ? char.ToLowerInvariant(message[0]) + message[1..] : message;
    }

    /// <summary>Reads the optional <c>multiplier</c>: a finite number above 0, 1 when absent.</summary>
    public static double Multiplier(RequestObject request)
    {
        double m = RequestValues.OptionalNumber(request, "multiplier", 1, double.MinValue, double.MaxValue);
        return m > 0 ? m : throw new EvalInputException(RequestObject.Child(request.Path, "multiplier"), "must be a number above 0.");
    }
}
