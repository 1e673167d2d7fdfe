using System.Text.Json;
using PatientCentric.Scoring;
using PatientCentric.Touchpoints;

namespace PatientCentric.Cli.Eval;

/// <summary><c>tnaa</c>: third next available appointment per snapshot, and the mean and median over uncensored snapshots (docs/touchpoints/access.md).</summary>
internal sealed class TnaaMeasure : IEvalMeasure
{
    public string Id => "tnaa";

    public string Description => "Third next available appointment: days from each snapshot to the third bookable free slot, with censoring beyond the horizon, mean and median.";

    public void Evaluate(RequestObject request, Utf8JsonWriter result)
    {
        var zone = RequestValues.TimeZone(request);
        int horizon = RequestValues.OptionalInt(request, "horizonDays", ThirdNextAvailableAppointment.DefaultHorizonDays, 1, 3650);
        string dayCount = request.Optional("dayCount") is { } dc ? RequestValues.NonEmptyString(dc, RequestObject.Child(request.Path, "dayCount")) : "calendar";
        var convention = dayCount switch
        {
            "calendar" => DayCountConvention.CalendarDays,
            "business" => DayCountConvention.BusinessDays,
            _ => throw new EvalInputException(RequestObject.Child(request.Path, "dayCount"), "must be \"calendar\" or \"business\"."),
        };
        var holidays = RequestValues.OptionalDates(request, "holidays");
        var snapshotsArray = request.RequiredArray("snapshots");
        request.RejectUnknownFields();

        var values = new List<(DateTimeOffset At, int? Days)>();
        foreach (var s in RequestValues.Objects(snapshotsArray, RequestObject.Child(request.Path, "snapshots")))
        {
            var at = RequestValues.Instant(s.Required("takenAt"), RequestObject.Child(s.Path, "takenAt"));
            var slotsArray = s.RequiredArray("slots", allowEmpty: true);
            s.RejectUnknownFields();
            var slots = new List<Slot>();
            foreach (var slot in RequestValues.Objects(slotsArray, RequestObject.Child(s.Path, "slots")))
            {
                var start = RequestValues.Instant(slot.Required("start"), RequestObject.Child(slot.Path, "start"));
                string statusText = slot.Optional("status") is { } st ? RequestValues.NonEmptyString(st, RequestObject.Child(slot.Path, "status")) : "free";
                var status = statusText switch
                {
                    "free" => SlotStatus.Free,
                    "busy" => SlotStatus.Busy,
                    "busy-tentative" => SlotStatus.BusyTentative,
                    "busy-unavailable" => SlotStatus.BusyUnavailable,
                    _ => throw new EvalInputException(RequestObject.Child(slot.Path, "status"), "must be \"free\", \"busy\", \"busy-tentative\" or \"busy-unavailable\"."),
                };
                bool held = RequestValues.OptionalBool(slot, "held", false);
                bool reserved = RequestValues.OptionalBool(slot, "reservedForSameDay", false);
                slot.RejectUnknownFields();
                slots.Add(new Slot(start, status, held, reserved));
            }
            values.Add((at, ThirdNextAvailableAppointment.Compute(slots.ToArray(), at, zone, horizon, convention, holidays.ToHashSet())));
        }

        var known = values.Where(v => v.Days is not null).Select(v => (double)v.Days!.Value).Order().ToArray();
        result.WriteStartObject();
        result.WriteStartArray("snapshots");
        foreach (var (at, days) in values)
        {
            result.WriteStartObject();
            result.WriteString("takenAt", at);
            RequestValues.WriteNumber(result, "value", days);
            result.WriteBoolean("censored", days is null);
            result.WriteEndObject();
        }
        result.WriteEndArray();
        result.WriteNumber("n", known.Length);
        result.WriteNumber("censored", values.Count - known.Length);
        RequestValues.WriteNumber(result, "mean", known.Length == 0 ? null : known.Average());
        RequestValues.WriteNumber(result, "median", known.Length == 0 ? null : Median(known));
        result.WriteEndObject();
    }

    private static double Median(double[] sorted) => sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}
