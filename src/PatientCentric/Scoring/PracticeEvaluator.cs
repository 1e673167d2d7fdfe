using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using PatientCentric.Diagnostics;
using PatientCentric.Jobs;
using PatientCentric.Records;
using PatientCentric.Touchpoints;
using static PatientCentric.Scoring.InvariantText;

namespace PatientCentric.Scoring;

/// <summary>Runs the strategies the profile turns on over a practice's data, for the practice and for each service line:
/// touchpoint scorers on the practice's interactions, job scorers on each patient's timeline (summed into population
/// rates) and support planning. Enforces the role guardrail before any strategy runs (docs/guardrails.md). Resolved from
/// dependency injection as a singleton; thread-safe.</summary>
public sealed partial class PracticeEvaluator
{
    private readonly EvaluationTelemetry _telemetry;
    private readonly StrategyRegistry _registry;
    private readonly ProfileCatalog _profiles;
    private readonly TimeProvider _time;
    private readonly JobOptions _jobs;
    private readonly string _primaryCustomerStrategy;
    private readonly IReviewClassifier _reviews;
    private readonly ImmutableDictionary<Commitment, ImmutableArray<RubricMeasureOptions>> _rubric;
    private readonly TrendOptions _trends;
    private readonly MeasureTraits _traits;

    /// <summary>Initializes the evaluator.</summary>
    /// <param name="registry">The registered strategies.</param>
    /// <param name="profiles">The profiles and the one in force.</param>
    /// <param name="time">The clock; read once per evaluation.</param>
    /// <param name="options">The library's options (job thresholds, the primary-customer strategy, the commitments' rubrics).</param>
    /// <param name="reviews">The review classifier.</param>
    public PracticeEvaluator(StrategyRegistry registry, ProfileCatalog profiles, TimeProvider time, IOptions<PatientCentricOptions> options, IReviewClassifier reviews)
        : this(registry, profiles, time, options, reviews, EvaluationTelemetry.Default)
    {
    }

    // Resolved from DI with the host's logger and meter factories (AddPatientCentric registers this constructor).
    internal PracticeEvaluator(StrategyRegistry registry, ProfileCatalog profiles, TimeProvider time, IOptions<PatientCentricOptions> options,
                               IReviewClassifier reviews, EvaluationTelemetry telemetry)
    {
        _telemetry = telemetry;
        ArgumentNullException.ThrowIfNull(reviews);
        _reviews = reviews;
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        _registry = registry;
        _profiles = profiles;
        _time = time;
        _jobs = options.Value.Jobs;
        _primaryCustomerStrategy = options.Value.PrimaryCustomerStrategy;
        _trends = options.Value.Trends ?? new TrendOptions();
        _traits = new MeasureTraits(_trends);
        _rubric = CommitmentRubric.Default.SetItems(options.Value.Commitments.Select(c => KeyValuePair.Create(
            Enum.GetValues<Commitment>().First(x => CommitmentRubric.Key(x) == c.Key), c.Value.ToImmutableArray())));
        WarnOfStrategiesNotEnabled();
    }

    /// <summary>Scores <paramref name="data"/> with every enabled strategy, for the practice and each service line, and
    /// plans support for patients whose jobs fall below threshold.</summary>
    /// <param name="data">The practice's data.</param>
    /// <param name="period">The measurement period; <see langword="null"/> uses the data's own period.</param>
    /// <param name="profile">The profile; <see langword="null"/> uses the one in force (<see cref="ProfileCatalog.Active"/>).</param>
    /// <param name="cancellationToken">Checked before each strategy runs on each scope and patient.</param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="ArgumentException">The data's time zone is unknown, or neither <paramref name="period"/> nor the data states a period.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="Serialization.PatientCentricDataException">The data's primary-customer assessments do not give the
    /// configured strategy what it needs (code PC0112).</exception>
    public PracticeEvaluation Evaluate(PracticeDataSet data, MeasurementPeriod? period = null, Profile? profile = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        profile ??= _profiles.Active;
        return Observe(data, profile, () => EvaluateCore(data, period, profile, cancellationToken), cancellationToken);
    }

    // One shard holding the whole data set: accumulate, then finish (docs/scale.md#the-evaluation-in-pieces).
    private PracticeEvaluation EvaluateCore(PracticeDataSet data, MeasurementPeriod? period, Profile profile, CancellationToken cancellationToken)
    {
        var p = period ?? data.Period ?? throw new ArgumentException("Neither the call nor the data set states a measurement period.", nameof(period));
        var context = new ScoringContext(p, _time.GetUtcNow(), FindTimeZone(data.TimeZone), profile);
        return FinishCore(AccumulateCore(data, context, cancellationToken), null, cancellationToken);
    }

    private Customers.PrimaryCustomerDecision Decide(Customers.StakeholderAssessments assessments, ScoringContext context)
    {
        try
        {
            return _registry.GetPrimaryCustomerStrategy(_primaryCustomerStrategy).Decide(assessments, context);
        }
        catch (ArgumentException e) when (e is not ArgumentNullException)
        {
            // The data's assessments do not give the configured strategy what it needs (a strategy documents this as
            // ArgumentException on its input): a data problem with a code, not an unexpected failure.
            string message = e.ParamName is { } name ? e.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : e.Message;
            throw new Serialization.PatientCentricDataException([new Serialization.DataError("PC0112", "data set", null,
                "$.primaryCustomer", $"the {_primaryCustomerStrategy} strategy cannot use these assessments: {message}")]);
        }
    }

    // The share of favourable mentions among reviews that mention the commitment, or null when none does.
    private static double? ReviewShare(ImmutableArray<ReviewTheme> themes, Commitment c) =>
        themes.FirstOrDefault(t => t.Commitment == c) is { } t && t.Pros + t.Cons > 0 ? (double)t.Pros / (t.Pros + t.Cons) : null;

    // Adds the profile's target band to a card with a value: the target and whether it is met (a value equal to it is).
    private static ScoreCard WithTarget(ScoreCard card, Profile profile)
    {
        if (card.Value is not { } value || !profile.Targets.TryGetValue(card.MeasureKey, out var target))
            return card;
        bool met = target.IsMetBy(value);
        var components = card.Components
            .Add(ScoreComponent.Describe("target", target.Target, card.Scale, Inv($"The profile's target: {(target.HigherIsBetter ? "at least" : "at most")} this value.")))
            .Add(ScoreComponent.Describe("meets-target", met ? 1 : 0, ScoreScale.Count, met ? "The value meets the target." : "The value misses the target."));
        return new ScoreCard(card.MeasureKey, card.Scope, card.Value, card.Scale, card.Status, card.EvidenceCount, card.ExcludedCount, components, card.StatusReason);
    }

    /// <summary>Runs one job scorer through the guardrail: job measures score Employee-role interactions only.</summary>
    /// <param name="scorer">The scorer.</param>
    /// <param name="timeline">One patient's records.</param>
    /// <param name="context">The context; its <see cref="ScoringContext.Role"/> is checked.</param>
    /// <returns>The scorer's cards, or one blocked card keyed by the scorer's key.</returns>
    public static ImmutableArray<ScoreCard> Score(IJobScorer scorer, PatientTimeline timeline, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(context);
        if (!RoleGuardrail.Permits(MeasureCategory.JobPerformance, context.Role, out string? reason))
            return [ScoreCard.WithoutValue(scorer.Key, context.Scope, ScoreScale.Proportion, ScoreStatus.GuardrailBlocked, reason!)];
        return scorer.Score(timeline, context);
    }

    // Every enabled job scorer on each patient; a per-record scorer also routes each record to its cohort's period
    // bucket in cohorts (with trends on), in the same pass.
    private List<(PatientTimeline Timeline, ImmutableArray<ScoreCard> Cards)> ScorePatients(ImmutableArray<PatientTimeline> timelines, ScoringContext context,
                                                                                          CohortTally? cohorts, CancellationToken ct)
    {
        var employee = context with { Role = InteractionRole.Employee, Scope = Scoring.ScoreScope.Practice };
        var scorers = _registry.JobScorers.Where(s => context.Profile.IsEnabled(s.Key)).ToList();
        var result = new List<(PatientTimeline, ImmutableArray<ScoreCard>)>(timelines.Length);
        bool routeCohorts = cohorts is not null && RoleGuardrail.Permits(MeasureCategory.JobPerformance, employee.Role, out _);
        var cards = ImmutableArray.CreateBuilder<ScoreCard>();   // one builder for every patient, emptied after each
        foreach (var timeline in timelines)
        {
            ImmutableArray<ScoreCard> only = [];   // a patient whose cards all come from one scorer keeps that scorer's array
            int scorersWithCards = 0;
            foreach (var scorer in scorers)
            {
                ct.ThrowIfCancellationRequested();
                var scored = routeCohorts && scorer is ICohortJobScorer cohortScorer
                    ? cohortScorer.Score(timeline, employee, cohorts!)
                    : Score(scorer, timeline, employee);
                if (scored.IsEmpty)
                    continue;
                if (++scorersWithCards == 1)
                    only = scored;
                cards.AddRange(scored);
            }
            // kept even without cards: ratings alone can call for support
            result.Add((timeline, scorersWithCards <= 1 ? only : cards.ToImmutable()));
            cards.Clear();
        }
        return result;
    }

    /// <summary>Runs one scorer through the guardrail: when the scorer's category does not permit the context's role,
    /// the scorer is not called and a <see cref="ScoreStatus.GuardrailBlocked"/> card with the reason is returned instead.</summary>
    /// <param name="scorer">The scorer.</param>
    /// <param name="data">The data, narrowed to the context's scope.</param>
    /// <param name="context">The context; its <see cref="ScoringContext.Role"/> is checked.</param>
    /// <returns>The scorer's cards, or one blocked card keyed by the scorer's key.</returns>
    /// <remarks>An <see cref="ITouchpointCombiner"/> is run as create, add the data, finish; any other scorer through
    /// <see cref="ITouchpointScorer.Score"/> (docs/scale.md#the-accumulator-contract).</remarks>
    public static ImmutableArray<ScoreCard> Score(ITouchpointScorer scorer, PracticeDataSet data, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(context);
        if (!RoleGuardrail.Permits(scorer.Category, context.Role, out string? reason))
        {
            return [ScoreCard.WithoutValue(scorer.Key, context.Scope, ScoreScale.Proportion, ScoreStatus.GuardrailBlocked, reason!,
                components: [ScoreComponent.Describe("role", null, ScoreScale.Count, $"Asked to score {context.Role} interactions with a {scorer.Category} measure.")])];
        }
        if (scorer is ITouchpointCombiner combiner)   // one shard: the whole data set of the scope
            return combiner.Finish(combiner.Add(combiner.CreateAccumulator(context), data, context), context);
        return scorer.Score(data, context);   // not mergeable: always scored on the whole data set of its scope
    }

    // Survey scorers see the roles their items ask about; every other touchpoint scorer reads Customer interactions.
    private static IEnumerable<InteractionRole> RolesIn(ITouchpointScorer scorer, PracticeDataSet data) =>
        scorer is ISurveyItemReader reader
            ? data.SurveyItems.Where(i => i.Kind == reader.ItemKind).Select(i => i.AboutRole).Distinct().Order()
            : [InteractionRole.Customer];

    private static TimeZoneInfo FindTimeZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            throw new ArgumentException($"\"{id}\" is not a known IANA time zone (for example \"America/Chicago\").", nameof(id), e);
        }
    }
}
