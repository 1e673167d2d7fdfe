using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Jobs;

/// <summary>Measures how a patient does one kind of job between encounters (docs/jobs.md), for support only.</summary>
/// <remarks>
/// <para>Pure, thread-safe singletons: the same timeline and context give the same card; no I/O and no clock (use
/// <see cref="ScoringContext.AsOf"/>). Report weak evidence as <see cref="ScoreStatus.InsufficientData"/>; throw only
/// for programming errors.</para>
/// <para>Job scores feed support plans only: no output may be used to deny, discharge, deprioritise or re-price care (docs/guardrails.md).
/// The framework runs job scorers on Employee-role interactions only.</para>
/// </remarks>
public interface IJobScorer
{
    /// <summary>Gets the stable kebab-case key used in profiles, JSON and the CLI, such as <c>"pdc"</c>.</summary>
    string Key { get; }

    /// <summary>Scores one patient's <paramref name="timeline"/> over the period in <paramref name="context"/>.</summary>
    /// <param name="timeline">The patient's records.</param>
    /// <param name="context">The period, the evaluation instant, the time zone and the profile.</param>
    /// <returns>One card per measure the patient has data for (none when the timeline holds nothing the scorer measures),
    /// scoped to the patient's opaque key (<see cref="ScopeLevel.Patient"/>). Rate cards carry components named
    /// <c>numerator</c> and <c>denominator</c> (counts): the framework sums them into population rates.</returns>
    ImmutableArray<ScoreCard> Score(PatientTimeline timeline, ScoringContext context);
}
