using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Touchpoints;

/// <summary>Turns a practice's Customer-role interactions into score cards (docs/touchpoints.md).</summary>
/// <remarks>
/// <para>Pure, thread-safe singletons: the same data and context give the same cards; no I/O and no clock (use
/// <see cref="ScoringContext.AsOf"/>). Report weak evidence as <see cref="ScoreStatus.InsufficientData"/>; throw only
/// for programming errors. Exclude records that break a rule and count them; never repair them.</para>
/// <para>The framework (<see cref="PracticeEvaluator"/>) checks the guardrail before calling <see cref="Score"/>:
/// a scorer whose <see cref="Category"/> does not permit <see cref="ScoringContext.Role"/> is never called, and a
/// <see cref="ScoreStatus.GuardrailBlocked"/> card takes its place.</para>
/// </remarks>
public interface ITouchpointScorer
{
    /// <summary>Gets the stable kebab-case key used in profiles, JSON and the CLI, such as <c>"wait-to-be-seen"</c>.</summary>
    string Key { get; }

    /// <summary>Gets the moment of truth the scorer measures.</summary>
    TouchpointKind Kind { get; }

    /// <summary>Gets the kind of measure, which decides the roles it may score (docs/guardrails.md, role table).</summary>
    MeasureCategory Category { get; }

    /// <summary>Scores <paramref name="data"/> over the period and for the scope in <paramref name="context"/>.</summary>
    /// <param name="data">The practice's data, already narrowed to the scope.</param>
    /// <param name="context">The period, the evaluation instant, the time zone, the profile, the scope and the role.</param>
    /// <returns>One card per measure the scorer computes (most compute one), scoped to <see cref="ScoringContext.Scope"/>;
    /// empty when the data holds nothing the scorer measures.</returns>
    ImmutableArray<ScoreCard> Score(PracticeDataSet data, ScoringContext context);
}
