using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Touchpoints;

/// <summary>Post-visit contact within N days, keyed <c>post-visit-contact-rate</c> (docs/touchpoints/follow-up.md): kept visits in the
/// period with a completed two-way contact c with <c>end &lt; c ≤ end + N days</c> ÷ kept visits whose window has closed by
/// the evaluation instant (end = departure, or the scheduled start when no departure is recorded). N = 7 calendar days
/// for office visits (a library default; no published window fits office visits). Failed attempts do not count; windows still open
/// are not counted.</summary>
internal sealed class FollowUpContactScorer : ITouchpointScorer
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    public string Key => "post-visit-contact-rate";

    public TouchpointKind Kind => TouchpointKind.FollowUp;

    public MeasureCategory Category => MeasureCategory.Operational;

    public ImmutableArray<ScoreCard> Score(PracticeDataSet data, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(context);
        if (data.OutreachContacts.IsEmpty)
            return [];
        var contacts = data.OutreachContacts.Where(c => c.IsCompletedTwoWay).ToLookup(c => c.PatientKey, StringComparer.Ordinal);
        int reached = 0, closed = 0, open = 0;
        foreach (var v in AppointmentsInPeriod.Visits(data, context))
        {
            var end = v.DepartedAt ?? v.Start;
            var windowEnd = CalendarMath.Add(end, Window);   // saturates at the end of time instead of throwing
            if (windowEnd > context.AsOf)
            {
                open++;
                continue;
            }
            closed++;
            if (contacts[v.PatientKey].Any(c => c.At > end && c.At <= windowEnd)) reached++;
        }
        return [RateCard.Build(Key, context, reached, closed, "Visits followed by a completed two-way contact within 7 days.",
            "Kept visits whose 7-day window has closed.", null,
            [ScoreComponent.Describe("window-open", open, ScoreScale.Count, "Visits whose window is still open: not counted.")])];
    }
}
