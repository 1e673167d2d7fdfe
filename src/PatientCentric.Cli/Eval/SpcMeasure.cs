using System.Text.Json;
using PatientCentric.Control;

namespace PatientCentric.Cli.Eval;

/// <summary><c>spc</c>: run, i, i-median, i-median-mr, mr, p, p′, u, u′, c, g, t, s and x̄ charts with per-point limits, the NHS
/// "Making Data Count" rules and icons (docs/spc.md; docs/cli-json.md).</summary>
internal sealed class SpcMeasure : IEvalMeasure
{
    private static readonly (string Key, SpcChartKind Kind, int MinPoints)[] Charts =
    [
        ("run", SpcChartKind.Run, 1), ("i", SpcChartKind.I, 2), ("i-median", SpcChartKind.IMedian, 2), ("i-median-mr", SpcChartKind.IMedianMR, 2),
        ("mr", SpcChartKind.MR, 2), ("p", SpcChartKind.P, 1), ("pp", SpcChartKind.PPrime, 2), ("u", SpcChartKind.U, 1),
        ("up", SpcChartKind.UPrime, 2), ("c", SpcChartKind.C, 1), ("g", SpcChartKind.G, 1), ("t", SpcChartKind.T, 2),
        ("s", SpcChartKind.S, 1), ("xbar", SpcChartKind.XBar, 1),
    ];

    public string Id => "spc";

    public string Description => "Control chart (run, i, i-median, i-median-mr, mr, p, pp, u, up, c, g, t, s, xbar): centre line and limits per point, Making Data Count rules, variation and assurance icons.";

    public void Evaluate(RequestObject request, Utf8JsonWriter result)
    {
        string chartPath = RequestObject.Child(request.Path, "chart");
        string key = request.RequiredString("chart");
        int index = Array.FindIndex(Charts, c => c.Key == key);
        if (index < 0)
            throw new EvalInputException(chartPath, $"unknown chart \"{key}\"; expected one of {string.Join(", ", Charts.Select(c => $"\"{c.Key}\""))}.");
        var (_, kind, minPoints) = Charts[index];

        string numPath = RequestObject.Child(request.Path, "numerators");
        var numerators = Series(request.RequiredArray("numerators"), numPath, allowGaps: true);
        var denominatorsElement = request.Optional("denominators");
        var sdsElement = request.Optional("sds");
        double multiplier = SpcValues.Multiplier(request);
        var directionElement = request.Optional("improvementDirection");
        var targetElement = request.Optional("target");
        bool screen = RequestValues.OptionalBool(request, "screenOutliers", false);
        var fixElement = request.Optional("fixAfterNPoints");
        request.RejectUnknownFields();

        var direction = directionElement is { } d ? SpcValues.Direction(d, RequestObject.Child(request.Path, "improvementDirection")) : ImprovementDirection.Increase;
        double? target = targetElement is { } t ? SpcValues.FiniteNumber(t, RequestObject.Child(request.Path, "target")) : null;
        int? fixAfter = fixElement is { } f ? RequestObject.WholeNumber(f, RequestObject.Child(request.Path, "fixAfterNPoints"), 2, int.MaxValue) : null;
        if (screen && kind is not (SpcChartKind.I or SpcChartKind.IMedian or SpcChartKind.T))
            throw new EvalInputException(RequestObject.Child(request.Path, "screenOutliers"), "screening applies only to i, i-median and t charts.");

        bool required = kind is SpcChartKind.P or SpcChartKind.PPrime or SpcChartKind.U or SpcChartKind.UPrime or SpcChartKind.S or SpcChartKind.XBar;
        bool optional = kind is SpcChartKind.Run or SpcChartKind.I or SpcChartKind.IMedian or SpcChartKind.IMedianMR or SpcChartKind.MR;
        string denPath = RequestObject.Child(request.Path, "denominators");
        double[] denominators = [];
        if (denominatorsElement is { } de)
        {
            if (!required && !optional)
                throw new EvalInputException(denPath, $"a {key} chart takes no denominators.");
            denominators = Series(ArrayOf(de, denPath), denPath, allowGaps: true);
            if (denominators.Length != numerators.Length)
                throw new EvalInputException(denPath, $"has {denominators.Length} element(s) but numerators has {numerators.Length}; give one per period.");
        }
        else if (required)
        {
            throw new EvalInputException(denPath, $"required field is missing: a {key} chart needs one denominator per numerator.");
        }
        string sdsPath = RequestObject.Child(request.Path, "sds");
        double[] sds = [];
        if (sdsElement is { } se)
        {
            if (kind != SpcChartKind.XBar)
                throw new EvalInputException(sdsPath, "sds are for xbar charts only.");
            sds = Series(ArrayOf(se, sdsPath), sdsPath, allowGaps: true);
            if (sds.Length != numerators.Length)
                throw new EvalInputException(sdsPath, $"has {sds.Length} element(s) but numerators has {numerators.Length}; give one per subgroup.");
        }
        else if (kind == SpcChartKind.XBar)
        {
            throw new EvalInputException(sdsPath, "required field is missing: an xbar chart needs each subgroup's standard deviation.");
        }

        int withData = 0;
        for (int i = 0; i < numerators.Length; i++)
        {
            if (double.IsNaN(numerators[i]))
                continue;
            withData++;
            CheckPoint(kind, i, numerators[i], denominators.Length > 0 ? denominators[i] : null, sds.Length > 0 ? sds[i] : null, numPath, denPath, sdsPath);
        }
        if (withData < minPoints)
            throw new EvalInputException(numPath, $"a {key} chart needs at least {minPoints} point(s) with data; got {withData}.");

        SpcChartResult chart;
        try
        {
            chart = SpcChart.Compute(kind, numerators, denominators, sds,
                new SpcChartOptions { ImprovementDirection = direction, Target = target, Multiplier = multiplier, ScreenOutliers = screen, FixAfterNPoints = fixAfter });
        }
        catch (ArgumentException e)
        {
            // Every element was checked above, so what is left is a baseline without enough consecutive periods with data, or
            // numbers too large or too far apart for double precision.
            throw new EvalInputException(numPath, SpcValues.Reason(e));
        }

        result.WriteStartObject();
        result.WriteString("chart", key);
        result.WriteStartArray("points");
        foreach (var p in chart.Points)
        {
            result.WriteStartObject();
            RequestValues.WriteNumber(result, "value", p.Value);
            result.WriteNumber("centreLine", p.CentreLine);
            RequestValues.WriteNumber(result, "lowerProcessLimit", p.LowerProcessLimit);
            RequestValues.WriteNumber(result, "upperProcessLimit", p.UpperProcessLimit);
            RequestValues.WriteNumber(result, "lowerNearLimit", p.LowerNearLimit);
            RequestValues.WriteNumber(result, "upperNearLimit", p.UpperNearLimit);
            RequestValues.WriteNumber(result, "lowerOneSigma", p.LowerOneSigma);
            RequestValues.WriteNumber(result, "upperOneSigma", p.UpperOneSigma);
            result.WriteBoolean("outsideLimits", p.OutsideLimits);
            if (p.HasValue)
                result.WriteString("pointType", SpcValues.PointTypeName(p.PointType));
            else
                result.WriteNull("pointType");
            result.WriteEndObject();
        }
        result.WriteEndArray();
        SpcValues.WriteIcons(result, chart.VariationIcon, chart.AssuranceIcon);
        result.WriteEndObject();
    }

    private static JsonElement ArrayOf(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.Array ? e : throw new EvalInputException(path, $"expected an array, got {RequestObject.Describe(e)}.");

    // Numbers, or null for a period with no data (kept as a gap).
    private static double[] Series(JsonElement array, string path, bool allowGaps)
    {
        var values = new double[array.GetArrayLength()];
        int i = 0;
        foreach (var e in array.EnumerateArray())
        {
            values[i] = allowGaps && e.ValueKind == JsonValueKind.Null ? double.NaN : SpcValues.FiniteNumber(e, $"{path}[{i}]");
            i++;
        }
        return values;
    }

    private static void CheckPoint(SpcChartKind kind, int i, double numerator, double? denominator, double? sd, string numPath, string denPath, string sdsPath)
    {
        string num = $"{numPath}[{i}]", den = $"{denPath}[{i}]";
        bool counts = kind is not (SpcChartKind.Run or SpcChartKind.I or SpcChartKind.IMedian or SpcChartKind.IMedianMR or SpcChartKind.MR or SpcChartKind.XBar);
        if (counts && numerator < 0)
            throw new EvalInputException(num, kind == SpcChartKind.S ? "a standard deviation cannot be negative." : "a count or time cannot be negative.");
        if (denominator is { } dv)
        {
            if (double.IsNaN(dv))
                throw new EvalInputException(den, "a period with a numerator needs a denominator; give null for both to leave a gap.");
            if (kind is SpcChartKind.S or SpcChartKind.XBar)
            {
                if (dv < 2 || dv != Math.Floor(dv))
                    throw new EvalInputException(den, "a subgroup size must be a whole number of at least 2.");
            }
            else if (dv <= 0)
            {
                throw new EvalInputException(den, dv == 0 ? "a denominator of 0 gives no value; leave the period out or give null for both."
                                                          : "a denominator cannot be negative.");
            }
            if (kind is SpcChartKind.P or SpcChartKind.PPrime && numerator > dv)
                throw new EvalInputException(num, "a proportion's numerator cannot exceed its denominator.");
        }
        if (sd is { } s && (double.IsNaN(s) || s < 0))
            throw new EvalInputException($"{sdsPath}[{i}]", double.IsNaN(s) ? "a subgroup with a mean needs its standard deviation." : "a standard deviation cannot be negative.");
    }
}
