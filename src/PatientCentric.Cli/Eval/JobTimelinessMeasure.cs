using System.Text.Json;
using PatientCentric.Jobs;

namespace PatientCentric.Cli.Eval;

/// <summary><c>job-timeliness</c>: each job's state as of a date and the timeliness and completion rates (docs/jobs.md#timeliness-of-labs-follow-ups-and-forms).</summary>
internal sealed class JobTimelinessMeasure : IEvalMeasure
{
    public string Id => "job-timeliness";

    public string Description => "Patient jobs (labs, follow-ups, forms) as of a date: on time, late, pending, overdue, missed, with timeliness and completion rates.";

    public void Evaluate(RequestObject request, Utf8JsonWriter result)
    {
        var asOf = RequestValues.RequiredDate(request, "asOf");
        int grace = RequestValues.OptionalInt(request, "graceDays", JobTimeliness.DefaultGraceDays, 0, 365);
        int missedAfter = RequestValues.OptionalInt(request, "missedAfterDays", JobTimeliness.DefaultMissedAfterDays, 0, 365);
        var array = request.RequiredArray("jobs");
        request.RejectUnknownFields();

        var states = new List<(string? Id, JobState State)>();
        var counts = new JobStateCounts();
        foreach (var j in RequestValues.Objects(array, RequestObject.Child(request.Path, "jobs")))
        {
            string? id = j.Optional("id") is { } e ? RequestValues.NonEmptyString(e, RequestObject.Child(j.Path, "id")) : null;
            if (j.Optional("kind") is { } k)
                RequestValues.NonEmptyString(k, RequestObject.Child(j.Path, "kind"));   // a label for the caller; not used in the arithmetic
            var due = RequestValues.RequiredDate(j, "dueOn");
            var done = RequestValues.OptionalDate(j, "completedOn");
            j.RejectUnknownFields();
            var state = JobTimeliness.Classify(due, done, asOf, grace, missedAfter);
            counts = counts.Add(state);
            states.Add((id, state));
        }

        result.WriteStartObject();
        result.WriteNumber("onTime", counts.OnTime);
        result.WriteNumber("late", counts.Late);
        result.WriteNumber("pending", counts.Pending);
        result.WriteNumber("overdue", counts.Overdue);
        result.WriteNumber("missed", counts.Missed);
        RequestValues.WriteNumber(result, "timelinessRate", counts.TimelinessRate);
        RequestValues.WriteNumber(result, "completionRate", counts.CompletionRate);
        result.WriteStartArray("jobs");
        foreach (var (id, state) in states)
        {
            result.WriteStartObject();
            if (id is null) result.WriteNull("id"); else result.WriteString("id", id);
            result.WriteString("state", char.ToLowerInvariant(state.ToString()[0]) + state.ToString()[1..]);
            result.WriteEndObject();
        }
        result.WriteEndArray();
        result.WriteEndObject();
    }
}
