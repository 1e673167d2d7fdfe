using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Jobs;

/// <summary>A built-in job scorer whose measures are defined per record (a referral, a job) rather than over each
/// patient's whole period, so that each has a cohort series: while scoring, it routes every record it reads to the period
/// bucket of the record's cohort date, with the outcome it gives that record on the card (docs/spc.md#every-measure-over-time).</summary>
internal interface ICohortJobScorer : IJobScorer
{
    /// <summary>Scores the timeline exactly as <see cref="IJobScorer.Score"/> does and, when <paramref name="cohorts"/> is
    /// given, routes each record it counts, pends or excludes into it, in the same pass.</summary>
    ImmutableArray<ScoreCard> Score(PatientTimeline timeline, ScoringContext context, CohortTally? cohorts);
}
