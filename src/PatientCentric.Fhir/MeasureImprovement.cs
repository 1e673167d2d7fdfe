using System.Collections.Immutable;
using PatientCentric.Control;

namespace PatientCentric.Fhir;

/// <summary>Which way each of the library's built-in measures improves, in the SPC terms of docs/spc.md
/// (<see cref="ImprovementDirection"/>), for <c>Measure.improvementNotation</c> and <c>MeasureReport.improvementNotation</c>
/// (docs/fhir.md).</summary>
/// <remarks>
/// <para>The core has no per-measure direction in one place: <see cref="Scoring.MeasureTarget.HigherIsBetter"/> exists only
/// for measures a profile gives a target (the built-in profiles: clean-claim rate and call abandonment), and the default
/// commitment rubric (<see cref="Touchpoints.CommitmentRubric.Default"/>) implies one through its worst/best bounds for the
/// nine measures it uses. This table covers every measure key the built-in strategies emit and agrees with both; tests
/// hold it to them.</para>
/// <para><see cref="ImprovementDirection.Neutral"/> marks built-in measures whose better side depends on the practice:
/// <c>telehealth-share</c> (how much care suits video or phone depends on the care setting; the default rubric rewards a
/// share up to 0.3 for the value-added-services commitment, a scoring choice rather than a direction) and
/// <c>statement-to-payment-days</c> (payment plans and statement timing make a slower payment no worse an experience).
/// Keys the library does not define (host strategies, or the scorer key on a guardrail-blocked card such as
/// <c>access-rates</c>) have no direction. Neither gets an improvementNotation.</para>
/// </remarks>
internal static class MeasureImprovement
{
    /// <summary>Gets the direction of each built-in measure key, and of each keyed family (<c>family:item</c>, or the bare
    /// family key) such as <c>pdc:statins</c>.</summary>
    internal static ImmutableDictionary<string, ImprovementDirection> Directions { get; } =
        new Dictionary<string, ImprovementDirection>(StringComparer.Ordinal)
        {
            // Access and scheduling (docs/touchpoints/access.md): missed visits are failures; shorter waits for a visit are better
            // (IHI open access aims at a same-day TNAA; the default rubric scores lead time best at 0 days).
            ["no-show-rate"] = ImprovementDirection.Decrease,
            ["same-day-cancellation-rate"] = ImprovementDirection.Decrease,
            ["missed-appointment-rate"] = ImprovementDirection.Decrease,
            ["lead-time"] = ImprovementDirection.Decrease,
            ["tnaa"] = ImprovementDirection.Decrease,
            ["telehealth-share"] = ImprovementDirection.Neutral,
            // Waiting room (docs/touchpoints/waiting-room.md): IHI office-visit cycle time is to be reduced; the default rubric scores the wait best at 0.
            ["wait-to-be-seen"] = ImprovementDirection.Decrease,
            ["cycle-time"] = ImprovementDirection.Decrease,
            ["on-time-start-rate"] = ImprovementDirection.Increase,
            // Communications (docs/touchpoints/communication.md): contact-centre conventions (abandonment ≤ 5 % is the commonly cited target).
            ["portal-response"] = ImprovementDirection.Decrease,
            ["call-abandonment-rate"] = ImprovementDirection.Decrease,
            ["average-speed-of-answer"] = ImprovementDirection.Decrease,
            ["call-service-level"] = ImprovementDirection.Increase,
            // Billing (docs/touchpoints/billing.md): HFMA MAP Keys for claims; the default rubric for estimates and complaints.
            ["clean-claim-rate"] = ImprovementDirection.Increase,
            ["initial-denial-rate"] = ImprovementDirection.Decrease,
            ["price-estimate-accuracy"] = ImprovementDirection.Increase,
            ["billing-complaints-per-1000-statements"] = ImprovementDirection.Decrease,
            ["statement-to-payment-days"] = ImprovementDirection.Neutral,
            // Follow-up and loyalty, surveys (docs/touchpoints/follow-up.md, docs/touchpoints.md#surveys-nps-and-cahps): contacts made, promoters, top-box and most-positive answers.
            ["post-visit-contact-rate"] = ImprovementDirection.Increase,
            ["nps"] = ImprovementDirection.Increase,
            ["rating"] = ImprovementDirection.Increase,
            ["cahps"] = ImprovementDirection.Increase,
            // Commitments: a utility on 0..1 where 1 is each rubric measure at its best bound.
            ["commitment"] = ImprovementDirection.Increase,
            // Patient jobs (docs/jobs.md): covered days, closed loops and jobs done on time; below threshold calls for support (docs/jobs.md#support-plans).
            ["pdc"] = ImprovementDirection.Increase,
            ["referral-closure"] = ImprovementDirection.Increase,
            ["job-timeliness"] = ImprovementDirection.Increase,
        }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>Returns the direction of <paramref name="measureKey"/>: its own entry, else its family's (the part before
    /// the first <c>':'</c>), else <see langword="null"/>.</summary>
    /// <param name="measureKey">A card's measure key, such as <c>"no-show-rate"</c> or <c>"nps:recommend"</c>.</param>
    /// <returns>The direction, or <see langword="null"/> when the library does not define one for the key.</returns>
    internal static ImprovementDirection? Of(string measureKey)
    {
        if (Directions.TryGetValue(measureKey, out var direction))
            return direction;
        int colon = measureKey.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && Directions.TryGetValue(measureKey[..colon], out direction) ? direction : null;
    }
}
