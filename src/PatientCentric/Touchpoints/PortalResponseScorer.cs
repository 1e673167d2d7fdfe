using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;
using static PatientCentric.Scoring.InvariantText;

namespace PatientCentric.Touchpoints;

/// <summary>Portal-message first response, keyed <c>portal-response</c>: the median business hours to the first staff
/// reply over threads sent in the period, with the 90th percentile, the share answered within 2 business days, and the
/// open threads (docs/touchpoints/communication.md). The calendar is the data set's opening hours and holidays (default Mon–Fri 08:00–17:00).</summary>
internal sealed class PortalResponseScorer : ITouchpointScorer
{
    public const string MeasureKey = "portal-response";

    public string Key => MeasureKey;

    public TouchpointKind Kind => TouchpointKind.Communication;

    public MeasureCategory Category => MeasureCategory.Operational;

    public ImmutableArray<ScoreCard> Score(PracticeDataSet data, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(context);
        var threads = data.PortalThreads.Where(t => context.Period.Contains(context.LocalDate(t.SentAt))).ToList();
        if (threads.Count == 0)
            return [];
        var calendar = data.OpeningHours.IsEmpty
            ? BusinessCalendar.WeekdaysEightToFive(context.TimeZone, data.Holidays)
            : new BusinessCalendar(context.TimeZone, data.OpeningHours, data.Holidays);
        var r = PortalResponse.Measure(threads, calendar, context.AsOf);
        var exclusions = new ExclusionTally();
        for (int i = 0; i < r.Invalid; i++)
            exclusions.Add("reply-before-message", "the first reply is recorded before the patient's message");
        var notes = new List<ScoreComponent>
        {
            ScoreComponent.Describe("open", r.Open, ScoreScale.Count, "Threads still unanswered: left out of the median."),
            ScoreComponent.Describe("breaches", r.Breaches, ScoreScale.Count, Inv($"Answered after, or unanswered for longer than, {PortalResponse.DefaultTargetBusinessDays:0.#} business days.")),
        };
        if (r.WithinTargetRate is { } rate)
            notes.Add(ScoreComponent.Describe("within-target", rate, ScoreScale.Proportion, Inv($"Share answered within {PortalResponse.DefaultTargetBusinessDays:0.#} business days ({calendar.HoursPerBusinessDay:0.#} open hours each).")));
        return [DurationStatistics.Card(MeasureKey, context, [.. r.BusinessHours], ScoreScale.Hours, "answered threads", exclusions, notes)];
    }
}
