using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Touchpoints;

namespace PatientCentric.Scoring;

/// <summary>Runs the touchpoint scorers the profile turns on over a practice's data, for the practice and for each
/// service line, enforcing the role guardrail before any scorer runs (DOMAIN.md §1, §9). Resolved from dependency
/// injection as a singleton; thread-safe.</summary>
public sealed class PracticeEvaluator
{
    private readonly StrategyRegistry _registry;
    private readonly ProfileCatalog _profiles;
    private readonly TimeProvider _time;

    /// <summary>Initializes the evaluator.</summary>
    /// <param name="registry">The registered strategies.</param>
    /// <param name="profiles">The profiles and the one in force.</param>
    /// <param name="time">The clock; read once per evaluation.</param>
    public PracticeEvaluator(StrategyRegistry registry, ProfileCatalog profiles, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(time);
        _registry = registry;
        _profiles = profiles;
        _time = time;
    }

    /// <summary>Scores <paramref name="data"/> with every enabled touchpoint scorer, for the practice and each service line.</summary>
    /// <param name="data">The practice's data.</param>
    /// <param name="period">The measurement period; <see langword="null"/> uses the data's own period.</param>
    /// <param name="profile">The profile; <see langword="null"/> uses the one in force (<see cref="ProfileCatalog.Active"/>).</param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="ArgumentException">The data's time zone is unknown, or neither <paramref name="period"/> nor the data states a period.</exception>
    public PracticeEvaluation Evaluate(PracticeDataSet data, MeasurementPeriod? period = null, Profile? profile = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        profile ??= _profiles.Active;
        var p = period ?? data.Period ?? throw new ArgumentException("Neither the call nor the data set states a measurement period.", nameof(period));
        var context = new ScoringContext(p, _time.GetUtcNow(), FindTimeZone(data.TimeZone), profile);
        var cards = ImmutableArray.CreateBuilder<ScoreCard>();
        cards.AddRange(ScoreScope(data, context));
        foreach (var line in data.ServiceLines)
            cards.AddRange(ScoreScope(data.ForServiceLine(line.Key), context with { Scope = Scoring.ScoreScope.ServiceLine(line.Key) }));
        return new PracticeEvaluation(data.PracticeName, profile, p, context.AsOf, data.TimeZone, cards.ToImmutable());
    }

    /// <summary>Runs one scorer through the guardrail: when the scorer's category does not permit the context's role,
    /// the scorer is not called and a <see cref="ScoreStatus.GuardrailBlocked"/> card with the reason is returned instead.</summary>
    /// <param name="scorer">The scorer.</param>
    /// <param name="data">The data, narrowed to the context's scope.</param>
    /// <param name="context">The context; its <see cref="ScoringContext.Role"/> is checked.</param>
    /// <returns>The scorer's cards, or one blocked card keyed by the scorer's key.</returns>
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
        return scorer.Score(data, context);
    }

    private IEnumerable<ScoreCard> ScoreScope(PracticeDataSet data, ScoringContext context)
    {
        foreach (var scorer in _registry.TouchpointScorers)
        {
            if (!context.Profile.IsEnabled(scorer.Key))
                continue;
            foreach (var role in RolesIn(scorer, data))
            {
                foreach (var card in Score(scorer, data, context with { Role = role }))
                    yield return card;
            }
        }
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
