using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using PatientCentric.Records;
using PatientCentric.Scoring;
using static PatientCentric.Scoring.InvariantText;

namespace PatientCentric.Jobs;

/// <summary>Referral-loop closure per patient, keyed <c>referral-closure</c>: closed ÷ eligible referrals at referral level
/// (docs/jobs.md#referral-loop-closure), with the open loops and their age.</summary>
/// <remarks>A referral whose closure the source cannot show (<see cref="Referral.ClosureUnknown"/>: FHIR input with no
/// <c>Task</c> at all) is excluded and counted as <c>closure-not-recorded</c>, never an open loop; when every referral of
/// the patient in the period is such a one, the card is NotApplicable with that reason, not 0 %.</remarks>
internal sealed class ReferralClosureScorer : ICohortJobScorer
{
    public const string ScorerKey = "referral-closure";

    /// <summary>The exclusion code of a referral whose closure is unknown (<see cref="Referral.ClosureUnknown"/>).</summary>
    public const string ClosureNotRecordedCode = "closure-not-recorded";

    /// <summary>Why the card is NotApplicable when no referral in the period can show whether it closed.</summary>
    public const string ClosureNotRecordedReason =
        "No referral in the period can show whether its loop closed (the FHIR input holds no Task, the only closure evidence read), so referral closure cannot be measured.";

    private readonly int _windowDays;
    private readonly string _numeratorReason;     // the texts that depend on the window only: built once, not per card
    private readonly string _denominatorReason;

    public ReferralClosureScorer(IOptions<PatientCentricOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _windowDays = options.Value.Jobs.ReferralWindowDays;
        _numeratorReason = Inv($"Referrals whose specialist report came within {_windowDays} days.");
        _denominatorReason = Inv($"Referrals in the period whose {_windowDays}-day window has passed.");
    }

    public string Key => ScorerKey;

    public ImmutableArray<ScoreCard> Score(PatientTimeline timeline, ScoringContext context) => Score(timeline, context, null);

    // The cohort of a referral is its date (authoredOn), the date that puts it in the period.
    public ImmutableArray<ScoreCard> Score(PatientTimeline timeline, ScoringContext context, CohortTally? cohorts)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(context);
        if (!AnyIn(timeline.Referrals, context.Period))
            return [];
        var r = ReferralLoopClosure.ReferralLevel(timeline.Referrals.AsSpan(), context.Period, context.LocalDate(context.AsOf), _windowDays, cohorts, Key);
        var exclusions = new ExclusionTally();
        if (r.ClosureUnknown > 0)
            exclusions.Add(ClosureNotRecordedCode, "the source records no closure evidence at all, so whether the loop closed cannot be seen", r.ClosureUnknown);
        var components = ImmutableArray.CreateBuilder<ScoreComponent>(4 + (r.OpenLoops.IsEmpty ? 0 : 1) + exclusions.CodeCount);
        components.Add(ScoreComponent.Describe("numerator", r.Closed, ScoreScale.Count, _numeratorReason));
        components.Add(ScoreComponent.Describe("denominator", r.Eligible, ScoreScale.Count, _denominatorReason));
        components.Add(ScoreComponent.Describe("pending", r.Pending, ScoreScale.Count, "Referrals still inside their window: not counted yet."));
        components.Add(ScoreComponent.Describe("open-loops", r.OpenLoops.Length, ScoreScale.Count, "Eligible referrals with no report in time."));
        if (!r.OpenLoops.IsEmpty)
            components.Add(ScoreComponent.Describe("oldest-open-loop", r.OpenLoops[0].AgeDays, ScoreScale.Days, "Age of the oldest open loop at the evaluation date."));
        exclusions.AddComponentsTo(components);
        var scope = ScoreScope.Patient(timeline.PatientKey);
        return [r.Rate is { } rate
            ? ScoreCard.Ok(Key, scope, rate, ScoreScale.Proportion, r.Eligible, exclusions.Total, components.MoveToImmutable())
            : ScoreCard.WithoutValue(Key, scope, ScoreScale.Proportion, ScoreStatus.NotApplicable,
                r.Pending == 0 ? ClosureNotRecordedReason
                : r.ClosureUnknown == 0 ? "Every referral in the period is still inside its closure window."
                : "Every referral in the period whose closure can be seen is still inside its closure window.",
                0, exclusions.Total, components.MoveToImmutable())];
    }

    // Whether a referral is dated in the period (a loop: no closure per patient).
    private static bool AnyIn(ImmutableArray<Referral> referrals, MeasurementPeriod period)
    {
        foreach (var r in referrals)
        {
            if (period.Contains(r.AuthoredOn))
                return true;
        }
        return false;
    }
}
