using System.Collections.Immutable;
using PatientCentric.Jobs;

namespace PatientCentric.Scoring;

/// <summary>The result of evaluating a practice: the profile, period and instant it was scored under, and every card,
/// for the practice and each service line (docs/report.md).</summary>
/// <param name="PracticeName">The practice's display name.</param>
/// <param name="Profile">The profile in force, with the weights used.</param>
/// <param name="Period">The measurement period.</param>
/// <param name="AsOf">The evaluation instant.</param>
/// <param name="TimeZone">The practice's IANA time zone.</param>
/// <param name="Cards">Every card: the practice's first, then each service line's, then each clinician's (appointment
/// measures only), in the order strategies are registered.</param>
public sealed record PracticeEvaluation(string PracticeName, Profile Profile, MeasurementPeriod Period, DateTimeOffset AsOf,
                                        string TimeZone, ImmutableArray<ScoreCard> Cards)
{
    /// <summary>Gets every card.</summary>
    public ImmutableArray<ScoreCard> Cards { get; init; } = Cards.IsDefault ? [] : Cards;

    /// <summary>Gets the patient-level job cards (PDC, referral closure, timeliness), scoped to each patient's opaque key.
    /// Population rates built from them are in <see cref="Cards"/>.</summary>
    public ImmutableArray<ScoreCard> PatientCards
    {
        get => _patientCards;
        init => _patientCards = value.IsDefault ? [] : value;
    }

    private readonly ImmutableArray<ScoreCard> _patientCards = [];

    /// <summary>Gets the primary-customer decision, or <see langword="null"/> when the data set carries no stakeholder assessments.</summary>
    public Customers.PrimaryCustomerDecision? Decision { get; init; }

    /// <summary>Gets one XmR chart per monitored assumption of the decision (docs/assumption-monitors.md).</summary>
    public ImmutableArray<Control.AssumptionChart> AssumptionCharts
    {
        get => _assumptionCharts;
        init => _assumptionCharts = value.IsDefault ? [] : value;
    }

    private readonly ImmutableArray<Control.AssumptionChart> _assumptionCharts = [];

    /// <summary>Gets the <c>RevisitPrimaryCustomerDecision</c> alerts: assumptions that no longer hold. They inform people;
    /// they never change the decision.</summary>
    public ImmutableArray<Control.AssumptionAlert> AssumptionAlerts
    {
        get => _assumptionAlerts;
        init => _assumptionAlerts = value.IsDefault ? [] : value;
    }

    private readonly ImmutableArray<Control.AssumptionAlert> _assumptionAlerts = [];

    /// <summary>Gets which moments of truth move intent to recommend, with the importance–performance grid, or
    /// <see langword="null"/> when the surveys cannot support the analysis.</summary>
    public Value.LoyaltyDrivers? LoyaltyDrivers { get; init; }

    /// <summary>Gets what reviews in the period say about each commitment (scrubbed snippets), empty without reviews.</summary>
    public ImmutableArray<Touchpoints.ReviewTheme> ReviewThemes
    {
        get => _reviewThemes;
        init => _reviewThemes = value.IsDefault ? [] : value;
    }

    private readonly ImmutableArray<Touchpoints.ReviewTheme> _reviewThemes = [];

    /// <summary>Gets one support plan per patient with a job below its threshold (advisory only, docs/jobs.md#support-plans, docs/guardrails.md).</summary>
    public ImmutableArray<SupportPlan> SupportPlans
    {
        get => _supportPlans;
        init => _supportPlans = value.IsDefault ? [] : value;
    }

    private readonly ImmutableArray<SupportPlan> _supportPlans = [];

    /// <summary>Gets every measure over time: one series per measure and scope (practice, service lines, and clinicians for
    /// measures scored per clinician), each with the chart that fits its kind (docs/spc.md#every-measure-over-time). Empty
    /// when <see cref="TrendOptions.Enabled"/> is off.</summary>
    public ImmutableArray<MeasureSeries> Series
    {
        get => _series;
        init => _series = value.IsDefault ? [] : value;
    }

    private readonly ImmutableArray<MeasureSeries> _series = [];

    /// <summary>Gets a funnel plot per proportion or rate measure across clinicians and across service lines, where at
    /// least 2 units have a value (docs/funnel.md#funnels-in-the-evaluation). Empty when <see cref="TrendOptions.Enabled"/> is off.</summary>
    public ImmutableArray<MeasureFunnel> Funnels
    {
        get => _funnels;
        init => _funnels = value.IsDefault ? [] : value;
    }

    private readonly ImmutableArray<MeasureFunnel> _funnels = [];
}
