using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using PatientCentric.Records;
using PatientCentric.Scoring;
using static PatientCentric.Scoring.InvariantText;

namespace PatientCentric.Jobs;

/// <summary>Timeliness of a patient's jobs due in the period, per kind, keyed <c>job-timeliness:&lt;kind&gt;</c>:
/// on time ÷ (on time + late + missed), with the completion rate and every state's count (docs/jobs.md#timeliness-of-labs-follow-ups-and-forms).</summary>
internal sealed class JobTimelinessScorer : ICohortJobScorer
{
    public const string ScorerKey = "job-timeliness";

    private readonly int _grace;
    private readonly int _missedAfter;
    private readonly string _numeratorReason;   // the texts that depend on the options only: built once, not per card
    private readonly string _missedReason;

    public JobTimelinessScorer(IOptions<PatientCentricOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _grace = options.Value.Jobs.GraceDays;
        _missedAfter = options.Value.Jobs.MissedAfterDays;
        _numeratorReason = Inv($"Completed by the due date plus {_grace} grace day(s).");
        _missedReason = Inv($"Still open {_missedAfter} days after the due date plus grace.");
    }

    public string Key => ScorerKey;

    public ImmutableArray<ScoreCard> Score(PatientTimeline timeline, ScoringContext context) => Score(timeline, context, null);

    // The cohort of a job is its due date, the date that puts it in the period.
    public ImmutableArray<ScoreCard> Score(PatientTimeline timeline, ScoringContext context, CohortTally? cohorts)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(context);
        DateOnly asOf = context.LocalDate(context.AsOf);
        var scope = ScoreScope.Patient(timeline.PatientKey);
        var kinds = KindsInPeriod(timeline.Jobs, context.Period);
        if (kinds is null)
            return [];
        var cards = ImmutableArray.CreateBuilder<ScoreCard>(kinds.Count);
        foreach (string kindKey in kinds)
        {
            string key = ScorerKey + ":" + kindKey;
            var counts = new JobStateCounts();
            var exclusions = new ExclusionTally();
            foreach (var job in timeline.Jobs)   // the kind's jobs in the period, in the timeline's order
            {
                if (!context.Period.Contains(job.DueOn) || !string.Equals(job.KindKey, kindKey, StringComparison.Ordinal))
                    continue;
                if (job.DueOn < job.AssignedOn)
                {
                    exclusions.Add("due-before-assigned", "the job is due before it was assigned");
                    cohorts?.Add(key, job.DueOn, CohortOutcome.Excluded);
                    continue;
                }
                var state = JobTimeliness.Classify(job.DueOn, job.CompletedOn, asOf, _grace, _missedAfter);
                counts = counts.Add(state);
                cohorts?.Add(key, job.DueOn, state switch
                {
                    JobState.OnTime => CohortOutcome.CountedInNumerator,
                    JobState.Late or JobState.Missed => CohortOutcome.Counted,
                    _ => CohortOutcome.Pending,
                });
            }
            var components = ImmutableArray.CreateBuilder<ScoreComponent>(6 + (counts.CompletionRate is null ? 0 : 1) + exclusions.CodeCount);
            components.Add(ScoreComponent.Describe("numerator", counts.OnTime, ScoreScale.Count, _numeratorReason));
            components.Add(ScoreComponent.Describe("denominator", counts.Resolved, ScoreScale.Count, "On time + late + missed; pending and overdue jobs are not counted yet."));
            components.Add(ScoreComponent.Describe("late", counts.Late, ScoreScale.Count, "Completed after the due date plus grace."));
            components.Add(ScoreComponent.Describe("missed", counts.Missed, ScoreScale.Count, _missedReason));
            components.Add(ScoreComponent.Describe("pending", counts.Pending, ScoreScale.Count, "Open and not yet due."));
            components.Add(ScoreComponent.Describe("overdue", counts.Overdue, ScoreScale.Count, "Open and past due, not yet missed."));
            if (counts.CompletionRate is { } completion)
                components.Add(ScoreComponent.Describe("completion-rate", completion, ScoreScale.Proportion, "(On time + late) ÷ (on time + late + missed)."));
            exclusions.AddComponentsTo(components);
            cards.Add(counts.TimelinessRate is { } rate
                ? ScoreCard.Ok(key, scope, rate, ScoreScale.Proportion, counts.Resolved, exclusions.Total, components.MoveToImmutable())
                : ScoreCard.WithoutValue(key, scope, ScoreScale.Proportion, ScoreStatus.NotApplicable,
                    "Every job of this kind is still pending or overdue.", 0, exclusions.Total, components.MoveToImmutable()));
        }
        return cards.MoveToImmutable();
    }

    // The distinct kind keys of the jobs due in the period, in ordinal order (as grouping then ordering them gives), or
    // null when no job is due in the period.
    private static List<string>? KindsInPeriod(ImmutableArray<PatientJob> jobs, MeasurementPeriod period)
    {
        List<string>? kinds = null;
        foreach (var job in jobs)
        {
            if (!period.Contains(job.DueOn))
                continue;
            kinds ??= new List<string>(2);
            int i = kinds.BinarySearch(job.KindKey, StringComparer.Ordinal);
            if (i < 0)
                kinds.Insert(~i, job.KindKey);
        }
        return kinds;
    }
}
