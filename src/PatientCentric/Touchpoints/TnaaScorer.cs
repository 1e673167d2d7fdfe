using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Touchpoints;

/// <summary>Third next available appointment, keyed <c>tnaa</c>: the mean over the availability snapshots taken in the
/// period of each snapshot's TNAA in calendar days, with the median as a component; right-censored snapshots (fewer than
/// three bookable slots within 90 days) are excluded from the mean and counted (docs/touchpoints/access.md).</summary>
internal sealed class TnaaScorer : ITouchpointScorer
{
    public string Key => "tnaa";

    public TouchpointKind Kind => TouchpointKind.Access;

    public MeasureCategory Category => MeasureCategory.Operational;

    public ImmutableArray<ScoreCard> Score(PracticeDataSet data, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(context);
        var holidays = data.Holidays.ToHashSet();
        var values = new List<double>();
        var exclusions = new ExclusionTally();
        foreach (var s in data.AvailabilitySnapshots)
        {
            if (!context.Period.Contains(context.LocalDate(s.TakenAt)))
                continue;
            if (ThirdNextAvailableAppointment.Compute(s.Slots.AsSpan(), s.TakenAt, context.TimeZone, holidays: holidays) is { } days)
                values.Add(days);
            else
                exclusions.Add("censored-beyond-horizon", "fewer than three bookable slots within 90 days (reported as over 90 days)");
        }
        if (values.Count == 0 && exclusions.Total == 0)
            return [];
        var card = DurationStatistics.Card("tnaa", context, values, ScoreScale.Days, "snapshots", exclusions, []);
        if (card.Status != ScoreStatus.Ok)
            return [card];
        double mean = values.Average();   // docs/touchpoints/access.md: the period value is the mean of the snapshot values
        return [new ScoreCard(card.MeasureKey, card.Scope, mean, card.Scale, card.Status, card.EvidenceCount, card.ExcludedCount,
            card.Components.Insert(0, ScoreComponent.Describe("mean", mean, ScoreScale.Days, "Mean of the uncensored snapshots' TNAA: the period value.")))];
    }
}
