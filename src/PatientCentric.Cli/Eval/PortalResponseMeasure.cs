using System.Globalization;
using System.Text.Json;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Touchpoints;

namespace PatientCentric.Cli.Eval;

/// <summary><c>portal-response</c>: business hours to the first staff reply per thread, median, P90 and the share within
/// T business days on a practice calendar (docs/measures.md#conventions, business time, docs/touchpoints/communication.md).</summary>
internal sealed class PortalResponseMeasure : IEvalMeasure
{
    /// <summary>The most calendar days the threads of one request may span in all (each thread from its message to its
    /// reply, or to <c>asOf</c> while open): about 13,700 years, a few seconds of counting.</summary>
    public const long MaxSpanDays = 5_000_000;

    public string Id => "portal-response";

    public string Description => "Portal-message first response in business hours on a practice calendar: per thread, median, P90, share within T business days, open threads.";

    public void Evaluate(RequestObject request, Utf8JsonWriter result)
    {
        var zone = RequestValues.TimeZone(request);
        var asOf = RequestValues.Instant(request.Required("asOf"), RequestObject.Child(request.Path, "asOf"));
        double target = RequestValues.OptionalNumber(request, "targetBusinessDays", PortalResponse.DefaultTargetBusinessDays, 0.01, 365);
        var openings = new List<OpeningInterval>();
        if (request.Optional("openingHours") is { } oh)
        {
            string path = RequestObject.Child(request.Path, "openingHours");
            if (oh.ValueKind != JsonValueKind.Array || oh.GetArrayLength() == 0)
                throw new EvalInputException(path, "expected a non-empty array of {\"day\",\"opens\",\"closes\"}.");
            foreach (var o in RequestValues.Objects(oh, path))
            {
                string dayText = RequestValues.NonEmptyString(o.Required("day"), RequestObject.Child(o.Path, "day"));
                if (!Enum.TryParse<DayOfWeek>(dayText, ignoreCase: true, out var day) || int.TryParse(dayText, out _))
                    throw new EvalInputException(RequestObject.Child(o.Path, "day"), "must be a weekday name such as \"Monday\".");
                var opens = Time(o, "opens");
                var closes = Time(o, "closes");
                o.RejectUnknownFields();
                if (closes <= opens)
                    throw new EvalInputException(RequestObject.Child(o.Path, "closes"), "must be after \"opens\", on the same day.");
                openings.Add(new OpeningInterval(day, opens, closes));
            }
        }
        var holidays = RequestValues.OptionalDates(request, "holidays");
        var array = request.RequiredArray("threads");
        request.RejectUnknownFields();

        var calendar = openings.Count == 0 ? BusinessCalendar.WeekdaysEightToFive(zone, holidays) : new BusinessCalendar(zone, openings, holidays);
        var threads = new List<PortalThread>();
        foreach (var t in RequestValues.Objects(array, RequestObject.Child(request.Path, "threads")))
        {
            var sent = RequestValues.Instant(t.Required("sentAt"), RequestObject.Child(t.Path, "sentAt"));
            DateTimeOffset? reply = t.Optional("firstReplyAt") is { } r ? RequestValues.Instant(r, RequestObject.Child(t.Path, "firstReplyAt")) : null;
            t.RejectUnknownFields();
            if (reply < sent)
                throw new EvalInputException(RequestObject.Child(t.Path, "firstReplyAt"), "the reply is before the message.");
            threads.Add(new PortalThread($"t{threads.Count}", "eval", "eval", sent, reply));
        }
        // Business time is counted day by day on the practice's calendar (exact across DST changes and holidays), so the
        // work grows with the calendar days the threads span: capped, as runs-limits caps its work, so that a request of a
        // few threads dated 0001 and 9999 cannot keep the process busy for minutes.
        double spanDays = 0;
        foreach (var t in threads)
        {
            var end = t.FirstStaffReplyAt is { } answered && answered < asOf ? answered : asOf;
            if (end > t.SentAt) spanDays += (end - t.SentAt).TotalDays;
        }
        if (spanDays > MaxSpanDays)
            throw new EvalInputException(RequestObject.Child(request.Path, "threads"), FormattableString.Invariant(
                $"the threads span {spanDays:N0} calendar days in all, more than the {MaxSpanDays:N0} one request may count; split them over several requests."));
        var m = PortalResponse.Measure(threads, calendar, asOf, target);
        double targetHours = target * calendar.HoursPerBusinessDay;
        var sorted = m.BusinessHours.Order().ToArray();

        result.WriteStartObject();
        result.WriteNumber("answered", sorted.Length);
        result.WriteNumber("open", m.Open);
        result.WriteNumber("withinTarget", m.WithinTarget);
        result.WriteNumber("breaches", m.Breaches);
        RequestValues.WriteNumber(result, "withinTargetRate", m.WithinTargetRate);
        RequestValues.WriteNumber(result, "medianBusinessHours", sorted.Length == 0 ? null : Percentile(sorted, 0.5));
        RequestValues.WriteNumber(result, "p90BusinessHours", sorted.Length == 0 ? null : Percentile(sorted, 0.9));
        result.WriteNumber("hoursPerBusinessDay", calendar.HoursPerBusinessDay);
        result.WriteStartArray("threads");
        foreach (var t in threads)
        {
            result.WriteStartObject();
            if (t.FirstStaffReplyAt is { } reply && reply <= asOf)
            {
                double hours = calendar.Between(t.SentAt, reply).TotalHours;
                result.WriteNumber("businessHours", hours);
                result.WriteBoolean("withinTarget", hours <= targetHours);
            }
            else
            {
                result.WriteNull("businessHours");
                result.WriteBoolean("withinTarget", false);
            }
            result.WriteEndObject();
        }
        result.WriteEndArray();
        result.WriteEndObject();
    }

    private static TimeOnly Time(RequestObject o, string name)
    {
        string path = RequestObject.Child(o.Path, name);
        string text = RequestValues.NonEmptyString(o.Required(name), path);
        return TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? t : throw new EvalInputException(path, "must be a local time \"HH:mm\".");
    }

    // Hyndman–Fan type 7 on sorted values (docs/measures.md#conventions).
    private static double Percentile(double[] s, double p)
    {
        double h = (s.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        return s[lo] + ((h - lo) * (s[Math.Min(lo + 1, s.Length - 1)] - s[lo]));
    }
}
