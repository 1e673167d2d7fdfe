using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Touchpoints;

/// <summary>Office-visit cycle time: minutes from arrival (check-in) to departure (check-out); the card's value is the
/// median, with the 90th percentile as a component (docs/touchpoints/waiting-room.md; IHI office-visit cycle time).</summary>
/// <remarks>Counts kept appointments whose local start date is in the period. Missing arrival or departure → excluded;
/// departure before arrival, or a cycle over 12 hours, → invalid and excluded. All exclusions are counted. When the
/// period has visits but none records an arrival, or none records a departure, the card is NotApplicable with that
/// reason, not InsufficientData, which is kept for some valid visits but fewer than the minimum.</remarks>
internal sealed class CycleTimeScorer : ITouchpointScorer
{
    public const string MeasureKey = "cycle-time";

    /// <summary>The longest plausible cycle: 12 hours (docs/touchpoints/waiting-room.md).</summary>
    public static readonly TimeSpan MaximumCycle = TimeSpan.FromHours(12);

    public string Key => MeasureKey;

    public TouchpointKind Kind => TouchpointKind.WaitingRoom;

    public MeasureCategory Category => MeasureCategory.Operational;

    public ImmutableArray<ScoreCard> Score(PracticeDataSet data, ScoringContext context)
    {
        var values = new List<double>();
        var exclusions = new ExclusionTally();
        int withArrival = 0, withDeparture = 0;
        foreach (var a in AppointmentsInPeriod.Visits(data, context))
        {
            if (a.ArrivedAt is not null) withArrival++;
            if (a.DepartedAt is not null) withDeparture++;
            if (a.ArrivedAt is not { } arrived)
            {
                exclusions.Add("arrival-not-recorded", "the visit has no arrival time");
                continue;
            }
            if (a.DepartedAt is not { } departed)
            {
                exclusions.Add("departure-not-recorded", "the visit has no departure time");
                continue;
            }
            TimeSpan cycle = departed - arrived;
            if (cycle < TimeSpan.Zero)
            {
                exclusions.Add("departure-before-arrival", "departure is recorded before arrival");
                continue;
            }
            if (cycle > MaximumCycle)
            {
                exclusions.Add("cycle-over-12-hours", "the visit lasts more than 12 hours");
                continue;
            }
            values.Add(cycle.TotalMinutes);
        }
        if (values.Count == 0 && exclusions.Total == 0)
            return [];
        if (withArrival == 0)
            return [AbsentInputCard.Build(MeasureKey, context, ScoreScale.Minutes,
                "No visit in the period records an arrival (check-in) time, so the cycle time cannot be measured.", exclusions)];
        if (withDeparture == 0)
            return [AbsentInputCard.Build(MeasureKey, context, ScoreScale.Minutes,
                "No visit in the period records a departure (check-out) time, so the cycle time cannot be measured.", exclusions)];
        return [DurationStatistics.Card(MeasureKey, context, values, ScoreScale.Minutes, "visits", exclusions, [])];
    }
}
