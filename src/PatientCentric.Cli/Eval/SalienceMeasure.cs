using System.Text.Json;
using PatientCentric.Customers;

namespace PatientCentric.Cli.Eval;

/// <summary><c>salience</c>: Mitchell, Agle &amp; Wood's class, group and salience of each stakeholder, and whether it
/// passes the screen (docs/primary-customer.md; docs/cli-json.md).</summary>
internal sealed class SalienceMeasure : IEvalMeasure
{
    public string Id => "salience";

    public string Description => "Stakeholder salience (Mitchell, Agle & Wood 1997): class, group and count of power/legitimacy/urgency, and the screen.";

    public void Evaluate(RequestObject request, Utf8JsonWriter result)
    {
        var array = request.RequiredArray("stakeholders");
        string path = RequestObject.Child(request.Path, "stakeholders");
        var minimum = MinimumGroup(request, "minimumGroup");
        request.RejectUnknownFields();

        var rows = new List<(string Key, StakeholderSalience Salience)>();
        foreach (var s in RequestValues.Objects(array, path))
        {
            string key = RequestValues.NonEmptyString(s.Required("key"), RequestObject.Child(s.Path, "key"));
            if (rows.Any(r => r.Key == key))
                throw new EvalInputException(RequestObject.Child(s.Path, "key"), $"\"{key}\" is given more than once.");
            var salience = Attributes(s);
            s.RejectUnknownFields();
            rows.Add((key, salience));
        }

        var top = rows.Where(r => r.Salience.Salience == rows.Max(x => x.Salience.Salience)).ToArray();
        result.WriteStartObject();
        result.WriteStartArray("stakeholders");
        foreach (var (key, s) in rows)
        {
            result.WriteStartObject();
            result.WriteString("key", key);
            result.WriteNumber("salience", s.Salience);
            result.WriteString("class", ClassName(s.Class));
            if (s.Group == SalienceGroup.None)
                result.WriteNull("group");
            else
                result.WriteString("group", GroupName(s.Group));
            result.WriteBoolean("passesScreen", s.Group >= minimum);
            result.WriteEndObject();
        }
        result.WriteEndArray();
        if (top.Length == 1 && top[0].Salience.Group >= minimum)
            result.WriteString("mostSalient", top[0].Key);
        else
            result.WriteNull("mostSalient");
        result.WriteString("minimumGroup", GroupName(minimum));
        result.WriteEndObject();
    }

    public static StakeholderSalience Attributes(RequestObject s) =>
        new(Present(s, "power"), Present(s, "legitimacy"), Present(s, "urgency"));

    public static double Score(RequestObject s, string field)
    {
        string path = RequestObject.Child(s.Path, field);
        var e = s.Required(field);
        return e.ValueKind switch
        {
            JsonValueKind.True => 1.0,
            JsonValueKind.False => 0.0,
            JsonValueKind.Number when e.TryGetDouble(out double v) && v is >= 0 and <= 1 => v,
            _ => throw new EvalInputException(path, "expected true, false or a number from 0 to 1."),
        };
    }

    private static bool Present(RequestObject s, string field) => Score(s, field) >= StakeholderSalience.PresenceThreshold;

    public static SalienceGroup MinimumGroup(RequestObject o, string field)
    {
        if (o.Optional(field) is not { } e)
            return SalienceGroup.Expectant;
        string path = RequestObject.Child(o.Path, field);
        return e.ValueKind != JsonValueKind.String ? throw new EvalInputException(path, $"expected a string, got {RequestObject.Describe(e)}.")
            : e.GetString() switch
            {
                "none" => SalienceGroup.None,
                "latent" => SalienceGroup.Latent,
                "expectant" => SalienceGroup.Expectant,
                "definitive" => SalienceGroup.Definitive,
                var other => throw new EvalInputException(path, $"unknown group \"{other}\"; expected one of none, latent, expectant, definitive."),
            };
    }

    public static string GroupName(SalienceGroup g) => g.ToString().ToLowerInvariant();

    public static string ClassName(SalienceClass c) => c == SalienceClass.NonStakeholder ? "nonStakeholder" : c.ToString().ToLowerInvariant();
}
