using System.Collections.Frozen;
using PatientCentric.Control;

namespace PatientCentric.Scoring;

/// <summary>Metadata declared once for each of the library's built-in measures: which way it improves
/// (<see cref="ImprovementDirection"/>, in the SPC terms of docs/spc.md) and what kind of number it is
/// (<see cref="MeasureKind"/>, which decides its chart over time). Adapters read it from here, such as the FHIR
/// <c>improvementNotation</c> (docs/fhir.md).</summary>
/// <remarks>
/// <para>Entries are per measure key and per keyed family (<c>family:item</c>, or the bare family key) such as
/// <c>pdc:statins</c>. The directions agree with <see cref="MeasureTarget.HigherIsBetter"/> for the commonly cited targets
/// and with the worst/best bounds of <see cref="Touchpoints.CommitmentRubric.Default"/>; tests hold them to both.</para>
/// <para><see cref="ImprovementDirection.Neutral"/> marks built-in measures whose better side depends on the practice:
/// <c>telehealth-share</c> (how much care suits video or phone depends on the care setting; the default rubric rewards a
/// share up to 0.3 for the value-added-services commitment, a scoring choice rather than a direction) and
/// <c>statement-to-payment-days</c> (payment plans and statement timing make a slower payment no worse an experience).
/// Keys the library does not define (host strategies, or the scorer key on a guardrail-blocked card such as
/// <c>access-rates</c>) have neither a direction nor a kind.</para>
/// </remarks>
public static class MeasureCatalog
{
    private static readonly FrozenDictionary<string, (ImprovementDirection Direction, MeasureKind Kind)> Entries =
        new Dictionary<string, (ImprovementDirection, MeasureKind)>(StringComparer.Ordinal)
        {
            // Access and scheduling (docs/touchpoints/access.md): missed visits are failures; shorter waits for a visit are better
            // (IHI open access aims at a same-day TNAA; the default rubric scores lead time best at 0 days).
            ["no-show-rate"] = (ImprovementDirection.Decrease, MeasureKind.Proportion),
            ["same-day-cancellation-rate"] = (ImprovementDirection.Decrease, MeasureKind.Proportion),
            ["missed-appointment-rate"] = (ImprovementDirection.Decrease, MeasureKind.Proportion),
            ["lead-time"] = (ImprovementDirection.Decrease, MeasureKind.DurationStatistic),
            ["tnaa"] = (ImprovementDirection.Decrease, MeasureKind.DurationStatistic),
            ["telehealth-share"] = (ImprovementDirection.Neutral, MeasureKind.Proportion),
            // Waiting room (docs/touchpoints/waiting-room.md): IHI office-visit cycle time is to be reduced; the default rubric scores the wait best at 0.
            ["wait-to-be-seen"] = (ImprovementDirection.Decrease, MeasureKind.DurationStatistic),
            ["cycle-time"] = (ImprovementDirection.Decrease, MeasureKind.DurationStatistic),
            ["on-time-start-rate"] = (ImprovementDirection.Increase, MeasureKind.Proportion),
            // Communications (docs/touchpoints/communication.md): contact-centre conventions (abandonment ≤ 5 % is the commonly cited target).
            ["portal-response"] = (ImprovementDirection.Decrease, MeasureKind.DurationStatistic),
            ["call-abandonment-rate"] = (ImprovementDirection.Decrease, MeasureKind.Proportion),
            ["average-speed-of-answer"] = (ImprovementDirection.Decrease, MeasureKind.DurationStatistic),
            ["call-service-level"] = (ImprovementDirection.Increase, MeasureKind.Proportion),
            // Billing (docs/touchpoints/billing.md): HFMA MAP Keys for claims; the default rubric for estimates and complaints.
            ["clean-claim-rate"] = (ImprovementDirection.Increase, MeasureKind.Proportion),
            ["initial-denial-rate"] = (ImprovementDirection.Decrease, MeasureKind.Proportion),
            ["price-estimate-accuracy"] = (ImprovementDirection.Increase, MeasureKind.Proportion),
            ["billing-complaints-per-1000-statements"] = (ImprovementDirection.Decrease, MeasureKind.RatePer1000),
            ["statement-to-payment-days"] = (ImprovementDirection.Neutral, MeasureKind.DurationStatistic),
            // Follow-up and loyalty, surveys (docs/touchpoints/follow-up.md, docs/touchpoints.md#surveys-nps-and-cahps): contacts made, promoters, top-box and most-positive answers.
            ["post-visit-contact-rate"] = (ImprovementDirection.Increase, MeasureKind.Proportion),
            ["nps"] = (ImprovementDirection.Increase, MeasureKind.Score),
            ["rating"] = (ImprovementDirection.Increase, MeasureKind.Score),
            ["cahps"] = (ImprovementDirection.Increase, MeasureKind.Score),
            // Commitments: a utility on 0..1 where 1 is each rubric measure at its best bound.
            ["commitment"] = (ImprovementDirection.Increase, MeasureKind.Score),
            // Patient jobs (docs/jobs.md): covered days, closed loops and jobs done on time; below threshold calls for support (docs/jobs.md#support-plans).
            ["pdc"] = (ImprovementDirection.Increase, MeasureKind.Proportion),
            ["referral-closure"] = (ImprovementDirection.Increase, MeasureKind.Proportion),
            ["job-timeliness"] = (ImprovementDirection.Increase, MeasureKind.Proportion),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Gets the measure keys and family keys the catalog declares, in ordinal order.</summary>
    public static IReadOnlyList<string> Keys { get; } = [.. Entries.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Returns which way <paramref name="measureKey"/> improves: its own entry, else its family's (the part
    /// before the first <c>':'</c>), else <see langword="null"/>. <see cref="ImprovementDirection.Neutral"/> means the
    /// library declares deliberately that the better side depends on the practice.</summary>
    /// <param name="measureKey">A card's measure key, such as <c>"no-show-rate"</c> or <c>"nps:recommend"</c>.</param>
    /// <returns>The direction, or <see langword="null"/> when the library does not define the key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="measureKey"/> is <see langword="null"/>.</exception>
    public static ImprovementDirection? DirectionOf(string measureKey) => Find(measureKey)?.Direction;

    /// <summary>Returns what kind of number <paramref name="measureKey"/> is, which decides how it will be charted over
    /// time: a p′ chart for a <see cref="MeasureKind.Proportion"/>, a u′ chart for a <see cref="MeasureKind.RatePer1000"/>,
    /// and an XmR chart of one value per period for a <see cref="MeasureKind.DurationStatistic"/> or a
    /// <see cref="MeasureKind.Score"/> (docs/spc.md). Its own entry, else its family's (the part before the first
    /// <c>':'</c>), else <see langword="null"/>.</summary>
    /// <param name="measureKey">A card's measure key, such as <c>"lead-time"</c> or <c>"pdc:statins"</c>.</param>
    /// <returns>The kind, or <see langword="null"/> when the library does not define the key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="measureKey"/> is <see langword="null"/>.</exception>
    public static MeasureKind? KindOf(string measureKey) => Find(measureKey)?.Kind;

    private static (ImprovementDirection Direction, MeasureKind Kind)? Find(string measureKey)
    {
        ArgumentNullException.ThrowIfNull(measureKey);
        if (Entries.TryGetValue(measureKey, out var entry))
            return entry;
        int colon = measureKey.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && Entries.TryGetValue(measureKey[..colon], out entry) ? entry : null;
    }
}
