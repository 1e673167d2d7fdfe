using System.Text.Json;
using PatientCentric.Control;

namespace PatientCentric.Cli.Eval;

/// <summary><c>funnel</c>: a funnel plot of proportions, ratios or rates across units, with 95 % and 99.8 % limits and the
/// Spiegelhalter overdispersion estimates (docs/funnel.md; docs/cli-json.md).</summary>
internal sealed class FunnelMeasure : IEvalMeasure
{
    public string Id => "funnel";

    public string Description => "Funnel plot (Spiegelhalter 2005) of a proportion, ratio or rate across units: 95 % and 99.8 % limits, z-scores, φ and τ², optional overdispersion adjustment.";

    public void Evaluate(RequestObject request, Utf8JsonWriter result)
    {
        string typePath = RequestObject.Child(request.Path, "dataType");
        var dataType = request.RequiredString("dataType") switch
        {
            "proportion" => FunnelDataType.Proportion,
            "ratio" => FunnelDataType.Ratio,
            "rate" => FunnelDataType.Rate,
            var other => throw new EvalInputException(typePath, $"expected \"proportion\", \"ratio\" or \"rate\", got \"{other}\"."),
        };
        string unitsPath = RequestObject.Child(request.Path, "units");
        var unitsElement = request.RequiredArray("units");
        var targetElement = request.Optional("target");
        var overdispersion = Choice(request, "overdispersion", FunnelOverdispersion.None,
            ("none", FunnelOverdispersion.None), ("multiplicative", FunnelOverdispersion.Multiplicative), ("additive", FunnelOverdispersion.Additive));
        double winsorise = RequestValues.OptionalNumber(request, "winsorisePercent", 10, 0, 50);
        var trimming = Choice(request, "trimming", FunnelTrimming.Winsorise, ("winsorise", FunnelTrimming.Winsorise), ("truncate", FunnelTrimming.Truncate));
        double multiplier = SpcValues.Multiplier(request);
        request.RejectUnknownFields();
        if (winsorise >= 50)
            throw new EvalInputException(RequestObject.Child(request.Path, "winsorisePercent"), "must be below 50 (the percentage trimmed at each end).");

        var names = new List<string>();
        var numerators = new List<double>();
        var denominators = new List<double>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in RequestValues.Objects(unitsElement, unitsPath))
        {
            string name = RequestValues.NonEmptyString(unit.Required("name"), RequestObject.Child(unit.Path, "name"));
            if (!seen.Add(name))
                throw new EvalInputException(RequestObject.Child(unit.Path, "name"), "the name is given to an earlier unit too; names must be unique.");
            string numPath = RequestObject.Child(unit.Path, "numerator"), denPath = RequestObject.Child(unit.Path, "denominator");
            double numerator = SpcValues.FiniteNumber(unit.Required("numerator"), numPath);
            double denominator = SpcValues.FiniteNumber(unit.Required("denominator"), denPath);
            unit.RejectUnknownFields();
            if (numerator < 0)
                throw new EvalInputException(numPath, "a count cannot be negative.");
            if (denominator <= 0)
                throw new EvalInputException(denPath, denominator == 0 ? "a denominator of 0 gives no value; leave the unit out." : "a denominator cannot be negative.");
            if (dataType == FunnelDataType.Proportion && numerator > denominator)
                throw new EvalInputException(numPath, "a proportion's numerator cannot exceed its denominator.");
            names.Add(name);
            numerators.Add(numerator);
            denominators.Add(denominator);
        }
        if (names.Count < 2)
            throw new EvalInputException(unitsPath, $"a funnel plot needs at least 2 units; got {names.Count}.");

        string targetPath = RequestObject.Child(request.Path, "target");
        double? target = targetElement is { } t ? SpcValues.FiniteNumber(t, targetPath) : null;
        if (target is { } tv && (dataType == FunnelDataType.Proportion ? tv < 0 || tv > multiplier : tv <= 0))
            throw new EvalInputException(targetPath, dataType == FunnelDataType.Proportion
                ? "a proportion's target must lie between 0 and 1 (times the multiplier)."
                : "a ratio's or rate's target must be above 0.");
        if (dataType == FunnelDataType.Rate && target is null && numerators.Sum() == 0)
            throw new EvalInputException(unitsPath, "no unit has an event, so the pooled rate is 0 and has no log; give a target.");

        FunnelResult funnel;
        try
        {
            funnel = FunnelPlot.Compute(dataType, numerators.ToArray(), denominators.ToArray(),
                new FunnelOptions { Target = target, Overdispersion = overdispersion, WinsorisePercent = winsorise, Trimming = trimming, Multiplier = multiplier });
        }
        catch (ArgumentException e)
        {
            // Every unit was checked above, so what is left is a truncation that keeps fewer than 2 units, or numbers too large or
            // too small for double precision.
            throw new EvalInputException(unitsPath, SpcValues.Reason(e));
        }

        result.WriteStartObject();
        result.WriteNumber("target", funnel.Target);
        result.WriteNumber("phi", funnel.Phi);
        result.WriteNumber("tau2", funnel.Tau2);
        result.WriteStartArray("units");
        for (int i = 0; i < names.Count; i++)
        {
            var u = funnel.Units[i];
            result.WriteStartObject();
            result.WriteString("name", names[i]);
            result.WriteNumber("value", u.Value);
            result.WriteNumber("z", u.Z);
            result.WriteNumber("lower95", u.Limits.Lower95);
            result.WriteNumber("upper95", u.Limits.Upper95);
            result.WriteNumber("lower998", u.Limits.Lower998);
            result.WriteNumber("upper998", u.Limits.Upper998);
            result.WriteBoolean("outside95", u.Outside95);
            result.WriteBoolean("outside998", u.Outside998);
            result.WriteEndObject();
        }
        result.WriteEndArray();
        result.WriteEndObject();
    }

    private static T Choice<T>(RequestObject request, string name, T defaultValue, params (string Key, T Value)[] choices)
    {
        if (request.Optional(name) is not { } e)
            return defaultValue;
        string path = RequestObject.Child(request.Path, name);
        if (e.ValueKind != JsonValueKind.String)
            throw new EvalInputException(path, $"expected a string, got {RequestObject.Describe(e)}.");
        string key = e.GetString()!;
        foreach (var c in choices)
        {
            if (c.Key == key)
                return c.Value;
        }
        throw new EvalInputException(path, $"expected {string.Join(", ", choices.Select(c => $"\"{c.Key}\""))}, got \"{key}\".");
    }
}
