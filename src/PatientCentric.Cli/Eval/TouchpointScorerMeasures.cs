using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Serialization;

namespace PatientCentric.Cli.Eval;

/// <summary>Runs the library's own touchpoint scorers for eval requests, so eval and report share one implementation.
/// eval is a calculator: minimum evidence is 1 (the profile's minimums apply in reports).</summary>
internal static class TouchpointScorers
{
    private static readonly Lazy<ServiceProvider> Services = new(() => new ServiceCollection().AddPatientCentric().BuildServiceProvider());

    public static readonly Profile Calculator = BuiltInProfiles.PrimaryCareValueBased with { MinimumEvidence = new EvidenceMinimums(1, 1, 1) };

    public static StrategyRegistry Registry => Services.Value.GetRequiredService<StrategyRegistry>();

    public static ScoreCard? Score(string scorerKey, PracticeDataSet data, ScoringContext context) =>
        PracticeEvaluator.Score(Registry.GetTouchpointScorer(scorerKey), data, context).FirstOrDefault();

    public static PracticeDataSet Data(TimeZoneInfo zone, IEnumerable<Appointment> appointments) =>
        new(PracticeDataSet.CurrentSchemaVersion, "eval", zone.Id, null, [new ServiceLine("eval", "eval")], [.. appointments], [], [], [], [], []);

    public static TimeZoneInfo Zone(RequestObject request) => RequestValues.TimeZone(request);

    /// <summary>Scores appointments with a duration scorer over the period their local start dates span, and writes the
    /// card with <see cref="WriteDuration"/>.</summary>
    public static void ScoreDuration(Utf8JsonWriter w, string scorerKey, TimeZoneInfo zone, List<Appointment> appointments)
    {
        // Local dates held within 0001..9999: a start at 9999-12-31T23:00Z is on the last day in a zone east of UTC.
        var days = appointments.Select(a => DateOnly.FromDateTime(new DateTime(Math.Clamp(a.Start.UtcTicks + zone.GetUtcOffset(a.Start).Ticks,
            DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks)))).ToList();
        var context = new ScoringContext(new MeasurementPeriod(days.Min(), days.Max()), DateTimeOffset.MaxValue, zone, Calculator);
        WriteDuration(w, Score(scorerKey, Data(zone, appointments), context));
    }

    /// <summary>Writes a duration card as <c>{"n","excluded","exclusions","median","p90"}</c>.</summary>
    public static void WriteDuration(Utf8JsonWriter w, ScoreCard? card)
    {
        double? Get(string name) => card?.Components.FirstOrDefault(c => c.Name == name)?.InputValue;
        w.WriteStartObject();
        w.WriteNumber("n", card?.EvidenceCount ?? 0);
        w.WriteNumber("excluded", card?.ExcludedCount ?? 0);
        w.WriteStartObject("exclusions");
        foreach (var c in card?.Components.Where(c => c.Name.StartsWith(ScoreComponent.ExclusionPrefix, StringComparison.Ordinal)) ?? [])
            w.WriteNumber(c.Name[ScoreComponent.ExclusionPrefix.Length..], c.InputValue ?? 0);
        w.WriteEndObject();
        RequestValues.WriteNumber(w, "median", Get("median"));
        RequestValues.WriteNumber(w, "p90", Get("p90"));
        w.WriteEndObject();
    }
}

/// <summary><c>lead-time</c>: per appointment, local calendar days from booking to start; median and P90 (docs/touchpoints/access.md).</summary>
internal sealed class LeadTimeMeasure : IEvalMeasure
{
    public string Id => "lead-time";

    public string Description => "Appointment lead time: local calendar days from booking to start, median and P90 (Hyndman–Fan type 7), with exclusions.";

    public void Evaluate(RequestObject request, Utf8JsonWriter result)
    {
        var zone = TouchpointScorers.Zone(request);
        var array = request.RequiredArray("appointments");
        request.RejectUnknownFields();
        var appointments = new List<Appointment>();
        foreach (var a in RequestValues.Objects(array, RequestObject.Child(request.Path, "appointments")))
        {
            var booked = RequestValues.Instant(a.Required("bookedAt"), RequestObject.Child(a.Path, "bookedAt"));
            var start = RequestValues.Instant(a.Required("start"), RequestObject.Child(a.Path, "start"));
            a.RejectUnknownFields();
            appointments.Add(new Appointment($"a{appointments.Count}", "eval", "eval", null, booked, start, AppointmentOutcome.Kept));
        }
        TouchpointScorers.ScoreDuration(result, "lead-time", zone, appointments);
    }
}

/// <summary><c>cycle-time</c>: per visit, minutes from arrival to departure; median and P90 (docs/touchpoints/waiting-room.md).</summary>
internal sealed class CycleTimeMeasure : IEvalMeasure
{
    public string Id => "cycle-time";

    public string Description => "Office-visit cycle time: minutes from arrival to departure, median and P90, with missing, negative and over-12-hour visits excluded and counted.";

    public void Evaluate(RequestObject request, Utf8JsonWriter result)
    {
        var zone = TouchpointScorers.Zone(request);
        var array = request.RequiredArray("visits");
        request.RejectUnknownFields();
        var appointments = new List<Appointment>();
        foreach (var v in RequestValues.Objects(array, RequestObject.Child(request.Path, "visits")))
        {
            DateTimeOffset? arrived = v.Optional("arrivedAt") is { } a ? RequestValues.Instant(a, RequestObject.Child(v.Path, "arrivedAt")) : null;
            DateTimeOffset? departed = v.Optional("departedAt") is { } d ? RequestValues.Instant(d, RequestObject.Child(v.Path, "departedAt")) : null;
            v.RejectUnknownFields();
            var anchor = arrived ?? departed ?? throw new EvalInputException(v.Path, "a visit needs arrivedAt, departedAt or both.");
            appointments.Add(new Appointment($"v{appointments.Count}", "eval", "eval", null, anchor, anchor, AppointmentOutcome.Kept, ArrivedAt: arrived, DepartedAt: departed));
        }
        TouchpointScorers.ScoreDuration(result, "cycle-time", zone, appointments);
    }
}

/// <summary><c>touchpoints</c>: a batch of touchpoint records (a practice data set in the documented input schema) →
/// every applicable touchpoint score card for the practice and each service line, as the report computes them.</summary>
internal sealed class TouchpointsMeasure : IEvalMeasure
{
    public string Id => "touchpoints";

    public string Description => "A batch of touchpoint records in the data-set schema → every applicable touchpoint score card (practice and service lines), with the profile's minimums.";

    public void Evaluate(RequestObject request, Utf8JsonWriter result)
    {
        var dataElement = request.Required("dataSet");
        string dataPath = RequestObject.Child(request.Path, "dataSet");
        var asOf = request.Optional("asOf") is { } at ? RequestValues.Instant(at, RequestObject.Child(request.Path, "asOf")) : (DateTimeOffset?)null;
        string profileKey = request.Optional("profile") is { } p ? RequestValues.NonEmptyString(p, RequestObject.Child(request.Path, "profile")) : BuiltInProfiles.DefaultKey;
        request.RejectUnknownFields();
        if (!BuiltInProfiles.All.TryGetValue(profileKey, out var profile))
            throw new EvalInputException(RequestObject.Child(request.Path, "profile"), $"not a built-in profile ({string.Join(", ", BuiltInProfiles.All.Keys.Order(StringComparer.Ordinal))}).");
        PracticeDataSet data;
        try
        {
            data = PracticeDataSetReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(dataElement.GetRawText())), "request");
        }
        catch (PatientCentricDataException e)
        {
            var first = e.Errors.FirstOrDefault();
            throw new EvalInputException(first is null ? dataPath : dataPath + first.Path.TrimStart('$'), first is null ? "cannot be read." : $"{first.Code} {first.Message}");
        }
        if (data.Period is null)
            throw new EvalInputException(RequestObject.Child(dataPath, "period"), "required field is missing.");
        var services = new ServiceCollection();
        if (asOf is { } instant)
            services.AddSingleton<TimeProvider>(new FixedClock(instant));
        services.AddPatientCentric();
        using var provider = services.BuildServiceProvider();
        PracticeEvaluation evaluation;
        try
        {
            evaluation = provider.GetRequiredService<PracticeEvaluator>().Evaluate(data, profile: profile);
        }
        catch (PatientCentricDataException e) when (e.Errors.FirstOrDefault() is { } first)
        {
            throw new EvalInputException(dataPath + first.Path.TrimStart('$'), $"{first.Code} {first.Message}");
        }
        var touchpointKeys = provider.GetRequiredService<StrategyRegistry>().TouchpointScorers.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var cards = evaluation.Cards.Where(c => touchpointKeys.Contains(c.MeasureKey.Split(':')[0]) || touchpointKeys.Contains(c.MeasureKey)
                                                || c.MeasureKey is "clean-claim-rate" or "initial-denial-rate").ToImmutableArray();
        result.WriteStartObject();
        result.WritePropertyName("cards");
        JsonSerializer.Serialize(result, cards, PatientCentricJsonContext.Default.ImmutableArrayScoreCard);
        result.WriteEndObject();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
