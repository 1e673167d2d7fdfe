using System.Text.Json;
using PatientCentric.Control;

namespace PatientCentric.Cli.Eval;

/// <summary><c>xmr</c>: an XmR (individuals) chart with NHS "Making Data Count" rules and icons (docs/spc.md;
/// docs/cli-json.md).</summary>
internal sealed class XmrMeasure : IEvalMeasure
{
    public string Id => "xmr";

    public string Description => "XmR chart (NHS Making Data Count): mean, process and near limits, special-cause rules per point, variation and assurance icons.";

    public void Evaluate(RequestObject request, Utf8JsonWriter result)
    {
        var values = SpcValues.Series(request, "values");
        var directionElement = request.Optional("improvementDirection");
        var targetElement = request.Optional("target");
        bool screen = RequestValues.OptionalBool(request, "screenOutliers", true);
        var fixElement = request.Optional("fixAfterNPoints");
        request.RejectUnknownFields();

        if (values.Length < 2)
            throw new EvalInputException(RequestObject.Child(request.Path, "values"), $"an XmR chart needs at least 2 points; got {values.Length}.");
        var direction = directionElement is { } d ? SpcValues.Direction(d, RequestObject.Child(request.Path, "improvementDirection")) : ImprovementDirection.Increase;
        double? target = targetElement is { } t ? SpcValues.FiniteNumber(t, RequestObject.Child(request.Path, "target")) : null;
        int? fixAfter = fixElement is { } f ? RequestObject.WholeNumber(f, RequestObject.Child(request.Path, "fixAfterNPoints"), 2, int.MaxValue) : null;

        XmrChartResult chart;
        try
        {
            chart = XmrChart.Compute(values, new XmrOptions { ImprovementDirection = direction, Target = target, ScreenOutliers = screen, FixAfterNPoints = fixAfter });
        }
        catch (ArgumentOutOfRangeException)
        {
            // Every value is finite here, so the only refusal left is a spread that overflows double precision.
            throw new EvalInputException(RequestObject.Child(request.Path, "values"), "the values are too large or too far apart for double-precision limits.");
        }

        var limits = chart.Limits;
        result.WriteStartObject();
        result.WriteNumber("mean", limits.Mean);
        result.WriteNumber("lowerProcessLimit", limits.LowerProcessLimit);
        result.WriteNumber("upperProcessLimit", limits.UpperProcessLimit);
        result.WriteNumber("lowerNearLimit", limits.LowerNearLimit);
        result.WriteNumber("upperNearLimit", limits.UpperNearLimit);
        result.WriteStartArray("points");
        foreach (var p in chart.Points)
        {
            result.WriteStartObject();
            result.WriteNumber("value", p.Value);
            result.WriteNumber("relativeToMean", p.RelativeToMean);
            result.WriteBoolean("outsideLimits", p.OutsideLimits);
            result.WriteBoolean("closeToLimits", p.CloseToLimits);
            if (RuleName(p.SpecialCause) is { } rule)
                result.WriteString("specialCause", rule);
            else
                result.WriteNull("specialCause");
            result.WriteString("pointType", SpcValues.PointTypeName(p.PointType));
            result.WriteEndObject();
        }
        result.WriteEndArray();
        SpcValues.WriteIcons(result, chart.VariationIcon, chart.AssuranceIcon);
        result.WriteEndObject();
    }

    private static string? RuleName(SpecialCauseRule rule) => rule switch
    {
        SpecialCauseRule.Astronomical => "astronomical",
        SpecialCauseRule.Trend => "trend",
        SpecialCauseRule.TwoOfThree => "twoOfThree",
        SpecialCauseRule.Shift => "shift",
        _ => null,
    };
}
