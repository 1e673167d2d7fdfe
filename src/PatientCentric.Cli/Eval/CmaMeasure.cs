using System.Globalization;
using System.Text.Json;
using PatientCentric.Jobs;

namespace PatientCentric.Cli.Eval;

/// <summary><c>cma</c>: one of AdhereR's continuous multiple-interval measures CMA1–CMA9 for one patient's medication
/// events (docs/adherence-cma.md; docs/adherence-cma.md). The value is unrounded, or <c>null</c> when not computable.</summary>
internal sealed class CmaMeasure : IEvalMeasure
{
    public string Id => "cma";

    public string Description => "AdhereR adherence CMA1–CMA9 of one patient's medication events over an observation window (null when not computable).";

    public void Evaluate(RequestObject request, Utf8JsonWriter result)
    {
        string cmaText = request.RequiredString("cma");
        var eventsElement = request.RequiredArray("events");
        var followUpElement = request.Optional("followUpWindow");
        var observationElement = request.Optional("observationWindow");
        var carryElement = request.Optional("carryOnlyForSameCategory");
        request.RejectUnknownFields();

        var type = ParseType(cmaText, RequestObject.Child(request.Path, "cma"));
        var events = ReadEvents(eventsElement, RequestObject.Child(request.Path, "events"));
        var followUp = ReadWindow(followUpElement, RequestObject.Child(request.Path, "followUpWindow")) ?? CmaWindow.DefaultFollowUp;
        var observation = ReadWindow(observationElement, RequestObject.Child(request.Path, "observationWindow")) ?? CmaWindow.DefaultObservation;
        bool carryOnlyForSameCategory = carryElement is { } c && ReadBoolean(c, RequestObject.Child(request.Path, "carryOnlyForSameCategory"));

        double? value = ContinuousMultipleIntervalMeasures.Compute(type, events, followUp, observation, carryOnlyForSameCategory);

        result.WriteStartObject();
        result.WriteString("cma", type.ToString());
        if (value is { } v)
            result.WriteNumber("value", v);
        else
            result.WriteNull("value");
        result.WriteEndObject();
    }

    private static CmaType ParseType(string text, string path)
    {
        if (text.Length == 4 && text.StartsWith("CMA", StringComparison.Ordinal) && text[3] is >= '1' and <= '9')
            return (CmaType)(text[3] - '0');
        throw new EvalInputException(path, $"unknown CMA type \"{text}\"; expected one of \"CMA1\" to \"CMA9\".");
    }

    private static MedicationEvent[] ReadEvents(JsonElement array, string path)
    {
        var events = new MedicationEvent[array.GetArrayLength()];
        int i = 0;
        foreach (var element in array.EnumerateArray())
        {
            var e = RequestObject.Of(element, $"{path}[{i}]");
            string date = e.RequiredString("date");
            string category = e.RequiredString("category");
            var duration = e.Required("duration");
            var perDay = e.Optional("perDay");
            e.RejectUnknownFields();

            // Dates are record values: the message states the rule and never echoes the value.
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                throw new EvalInputException(RequestObject.Child(e.Path, "date"), "expected a date as yyyy-MM-dd.");
            if (string.IsNullOrWhiteSpace(category))
                throw new EvalInputException(RequestObject.Child(e.Path, "category"), "a category must be a non-empty string.");
            int days = RequestObject.WholeNumber(duration, RequestObject.Child(e.Path, "duration"), 1, int.MaxValue);
            double? dose = perDay is { } p ? ReadPositiveNumber(p, RequestObject.Child(e.Path, "perDay")) : null;
            events[i++] = new MedicationEvent(day, category, days, dose);
        }
        return events;
    }

    private static CmaWindow? ReadWindow(JsonElement? element, string path)
    {
        if (element is not { } value)
            return null;
        var w = RequestObject.Of(value, path);
        var start = w.Required("startDays");
        var duration = w.Required("durationDays");
        w.RejectUnknownFields();
        return new CmaWindow(
            RequestObject.WholeNumber(start, RequestObject.Child(path, "startDays"), 0, int.MaxValue),
            RequestObject.WholeNumber(duration, RequestObject.Child(path, "durationDays"), 1, int.MaxValue));
    }

    private static double ReadPositiveNumber(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Number)
            throw new EvalInputException(path, $"expected a number, got {RequestObject.Describe(e)}.");
        if (!e.TryGetDouble(out double d) || !double.IsFinite(d) || d <= 0)
            throw new EvalInputException(path, "expected a number above 0.");
        return d;
    }

    private static bool ReadBoolean(JsonElement e, string path) => e.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new EvalInputException(path, $"expected true or false, got {RequestObject.Describe(e)}."),
    };
}
