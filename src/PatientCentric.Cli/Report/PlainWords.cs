using PatientCentric.Control;
using PatientCentric.Customers;
using PatientCentric.Jobs;
using PatientCentric.Scoring;
using PatientCentric.Touchpoints;
using PatientCentric.Value;

namespace PatientCentric.Cli.Report;

/// <summary>The one place that turns each enum a person sees in the console and HTML reports into plain words for a
/// practice manager: "Special cause — concern", not <c>SpecialCauseConcern</c>. JSON output keeps the camelCase
/// names; these words are for people only. Words start lower case where they sit inside a sentence; <see cref="Capital"/>
/// starts a label.</summary>
internal static class PlainWords
{
    /// <summary>The enums these words cover; a test checks that none of their member names reaches a report.</summary>
    internal static readonly Type[] Enums =
    [
        typeof(ScoreStatus), typeof(ScoreScale), typeof(PointType), typeof(VariationIcon), typeof(AssuranceIcon), typeof(SpecialCauseRule),
        typeof(AssumptionAlertRule), typeof(DecisionOutcome), typeof(IpaQuadrant), typeof(SalienceClass), typeof(SalienceGroup),
        typeof(PatientJobKind), typeof(JobBarrier), typeof(SupportAction), typeof(Commitment),
    ];

    /// <summary>The words for any member of the enums in <see cref="Enums"/>.</summary>
    public static string Of(Enum value) => value switch
    {
        ScoreStatus v => Of(v),
        ScoreScale v => Of(v),
        PointType v => Of(v),
        VariationIcon v => Of(v),
        AssuranceIcon v => Of(v),
        SpecialCauseRule v => Of(v),
        AssumptionAlertRule v => Of(v),
        DecisionOutcome v => Of(v),
        IpaQuadrant v => Of(v),
        SalienceClass v => Of(v),
        SalienceGroup v => Of(v),
        PatientJobKind v => Of(v),
        JobBarrier v => Of(v),
        SupportAction v => Of(v),
        Commitment v => Of(v),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.GetType().Name, "No plain words for this enum."),
    };

    /// <summary>"notApplicable" → "Not applicable": the first letter upper case, for a label or the start of a sentence.</summary>
    public static string Capital(string words) => words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];

    public static string Of(ScoreStatus s) => s switch
    {
        ScoreStatus.Ok => "ok",
        ScoreStatus.InsufficientData => "insufficient data",
        ScoreStatus.Suppressed => "suppressed",
        ScoreStatus.NotApplicable => "not applicable",
        ScoreStatus.GuardrailBlocked => "refused (guardrail)",
        _ => Unknown(s),
    };

    public static string Of(ScoreScale s) => s switch
    {
        ScoreScale.Proportion => "per cent",
        ScoreScale.NetPromoter => "NPS points",
        ScoreScale.Points0To100 => "points (0–100)",
        ScoreScale.Days => "days",
        ScoreScale.Seconds => "seconds",
        ScoreScale.Minutes => "minutes",
        ScoreScale.Hours => "business hours",
        ScoreScale.Count => "count",
        ScoreScale.Utility => "score (0–1)",
        ScoreScale.Assessment => "assessment",
        _ => Unknown(s),
    };

    public static string Of(PointType t) => t switch
    {
        PointType.CommonCause => "common cause",
        PointType.SpecialCauseImprovement => "special cause — improvement",
        PointType.SpecialCauseConcern => "special cause — concern",
        PointType.SpecialCauseNeutralHigh => "special cause — neutral, high",
        PointType.SpecialCauseNeutralLow => "special cause — neutral, low",
        _ => Unknown(t),
    };

    public static string Of(VariationIcon v) => v switch
    {
        VariationIcon.CommonCause => "common cause",
        VariationIcon.SpecialCauseImprovement => "special cause — improvement",
        VariationIcon.SpecialCauseConcern => "special cause — concern",
        VariationIcon.SpecialCauseNeutral => "special cause — neutral",
        _ => Unknown(v),
    };

    public static string Of(AssuranceIcon a) => a switch
    {
        AssuranceIcon.ConsistentPass => "consistently passing the target",
        AssuranceIcon.ConsistentFail => "consistently failing the target",
        AssuranceIcon.Inconsistent => "sometimes passing, sometimes failing the target",
        _ => Unknown(a),
    };

    /// <summary>The variation icon in the few words of a trends table ("special cause improvement"); a series without a
    /// chart reads "no chart: " and the reason.</summary>
    public static string Compact(VariationIcon? v, string? noChartReason) => v switch
    {
        null => $"no chart: {noChartReason ?? "too few periods with data"}",
        VariationIcon.CommonCause => "common cause",
        VariationIcon.SpecialCauseImprovement => "special cause improvement",
        VariationIcon.SpecialCauseConcern => "special cause concern",
        VariationIcon.SpecialCauseNeutral => "special cause (neither better nor worse)",
        _ => Unknown(v.Value),
    };

    /// <summary>The assurance icon in the few words of a trends table: whether the process, as it runs, will meet the
    /// target ("consistently meets target", "consistently misses target", "hit or miss"), or "no target".</summary>
    public static string Compact(AssuranceIcon? a) => a switch
    {
        null => "no target",
        AssuranceIcon.ConsistentPass => "consistently meets target",
        AssuranceIcon.ConsistentFail => "consistently misses target",
        AssuranceIcon.Inconsistent => "hit or miss",
        _ => Unknown(a.Value),
    };

    public static string Of(SpecialCauseRule r) => r switch
    {
        SpecialCauseRule.None => "no rule",
        SpecialCauseRule.Astronomical => "outside the process limits",
        SpecialCauseRule.Trend => "a trend of seven points",
        SpecialCauseRule.TwoOfThree => "two of three points close to a limit",
        SpecialCauseRule.Shift => "a shift: seven points on one side of the mean",
        _ => Unknown(r),
    };

    public static string Of(AssumptionAlertRule r) => r switch
    {
        AssumptionAlertRule.SpecialCause => "a special cause on the latest point weakens the assumption",
        AssumptionAlertRule.LimitsBeyondBreakEven => "the process limits lie beyond the break-even",
        AssumptionAlertRule.SignalTowardsBreakEven => "a trend or shift moves towards the break-even",
        _ => Unknown(r),
    };

    public static string Of(DecisionOutcome o) => o switch
    {
        DecisionOutcome.Winner => "a single winner",
        DecisionOutcome.Tie => "a tie",
        DecisionOutcome.NoCandidate => "no stakeholder passes the screen",
        _ => Unknown(o),
    };

    public static string Of(IpaQuadrant q) => q switch
    {
        IpaQuadrant.ConcentrateHere => "concentrate here",
        IpaQuadrant.KeepUpTheGoodWork => "keep up the good work",
        IpaQuadrant.LowPriority => "low priority",
        IpaQuadrant.PossibleOverkill => "possible overkill",
        _ => Unknown(q),
    };

    public static string Of(SalienceClass c) => c == SalienceClass.NonStakeholder ? "non-stakeholder" : c.ToString().ToLowerInvariant();

    public static string Of(SalienceGroup g) => g == SalienceGroup.None ? "no group" : g.ToString().ToLowerInvariant();

    public static string Of(PatientJobKind k) => k switch
    {
        PatientJobKind.FillPrescription => "fill a prescription",
        PatientJobKind.TakeMedication => "take medication",
        PatientJobKind.CompleteReferral => "complete a referral",
        PatientJobKind.CompleteLab => "complete a lab test",
        PatientJobKind.AttendFollowUp => "attend a follow-up visit",
        PatientJobKind.CompletePreVisitForm => "complete a pre-visit form",
        PatientJobKind.HostDefined => "other (the practice's own)",
        _ => Unknown(k),
    };

    public static string Of(JobBarrier b) => b switch
    {
        JobBarrier.Unknown => "not recorded",
        JobBarrier.Forgetting => "forgetting",
        JobBarrier.Cost => "cost",
        JobBarrier.Access => "access",
        JobBarrier.Knowledge => "knowledge",
        JobBarrier.Complexity => "complexity",
        _ => Unknown(b),
    };

    public static string Of(SupportAction a) => a switch
    {
        SupportAction.OutreachCall => "outreach call",
        SupportAction.Reminders => "reminders",
        SupportAction.RefillSynchronisation => "refill synchronisation",
        SupportAction.NinetyDaySupply => "90-day supply",
        SupportAction.FinancialCounselling => "financial counselling",
        SupportAction.LowerCostAlternative => "lower-cost alternative",
        SupportAction.SchedulingHelp => "help with scheduling",
        SupportAction.Transport => "transport",
        SupportAction.Telehealth => "telehealth",
        SupportAction.Coaching => "coaching",
        SupportAction.TeachBack => "teach-back",
        SupportAction.DeviceTraining => "device training",
        SupportAction.RegimenReview => "regimen review",
        _ => Unknown(a),
    };

    public static string Of(Commitment c) => c switch
    {
        Commitment.Compassion => "compassion",
        Commitment.SafeEnvironment => "safe environment",
        Commitment.Trust => "trust",
        Commitment.Engagement => "engagement",
        Commitment.RespectingTime => "respecting time",
        Commitment.ValueAddedServices => "value-added services",
        _ => Unknown(c),
    };

    // A value outside the enum's members (a cast integer) still reads as something, never as a crash.
    private static string Unknown(Enum value) => $"unrecognised value {Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)}";
}
