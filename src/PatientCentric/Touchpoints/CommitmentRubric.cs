using System.Collections.Immutable;
using PatientCentric.Scoring;
using static PatientCentric.Scoring.InvariantText;

namespace PatientCentric.Touchpoints;

/// <summary>Scores one commitment from its rubric (docs/touchpoints/follow-up.md, touchpoint composite): each measure with a value is
/// normalised to 0..1 against its bounds, then the weighted mean is taken over those measures, the weights re-normalised
/// over the measures used; measures without a value are listed as skipped. Contributions sum to the score.</summary>
public static class CommitmentRubric
{
    /// <summary>The rubric key that stands for the share of favourable review mentions of the commitment: <c>"reviews"</c>.</summary>
    public const string ReviewsKey = "reviews";

    /// <summary>Gets the library's default rubric (a starting point, not a published one): each commitment's practice
    /// measures with bounds (worst, best) and weight, plus the review share for every commitment. Hosts replace it under
    /// <c>PatientCentric:Commitments</c>.</summary>
    public static ImmutableDictionary<Commitment, ImmutableArray<RubricMeasureOptions>> Default { get; } = new Dictionary<Commitment, ImmutableArray<RubricMeasureOptions>>
    {
        [Commitment.Compassion] = [M("cahps:office-staff", 0.5, 1.0), M(ReviewsKey, 0, 1)],
        [Commitment.SafeEnvironment] = [M(ReviewsKey, 0, 1)],
        [Commitment.Trust] = [M("price-estimate-accuracy", 0.5, 1.0), M("billing-complaints-per-1000-statements", 50, 0), M(ReviewsKey, 0, 1)],
        [Commitment.Engagement] = [M("portal-response", 24, 1), M("post-visit-contact-rate", 0, 0.5), M(ReviewsKey, 0, 1)],
        [Commitment.RespectingTime] = [M("wait-to-be-seen", 60, 0), M("lead-time", 30, 0), M("on-time-start-rate", 0, 1), M(ReviewsKey, 0, 1)],
        [Commitment.ValueAddedServices] = [M("telehealth-share", 0, 0.3), M(ReviewsKey, 0, 1)],
    }.ToImmutableDictionary();

    private static RubricMeasureOptions M(string key, double worst, double best) => new() { Key = key, Worst = worst, Best = best };

    /// <summary>Returns the stable kebab-case key of a commitment, such as <c>"respecting-time"</c>.</summary>
    /// <param name="commitment">The commitment.</param>
    /// <returns>The key.</returns>
    public static string Key(Commitment commitment) => commitment switch
    {
        Commitment.Compassion => "compassion",
        Commitment.SafeEnvironment => "safe-environment",
        Commitment.Trust => "trust",
        Commitment.Engagement => "engagement",
        Commitment.RespectingTime => "respecting-time",
        _ => "value-added-services",
    };

    /// <summary>Scores <paramref name="commitment"/>.</summary>
    /// <param name="commitment">The commitment.</param>
    /// <param name="measures">Its rubric.</param>
    /// <param name="scope">The scope of the card.</param>
    /// <returns>A card keyed <c>commitment:&lt;key&gt;</c> on the utility scale (0..1); not applicable when no measure has a value.</returns>
    /// <exception cref="ArgumentException">A measure's bounds are equal or not finite, or a weight is negative or not finite.</exception>
    public static ScoreCard Score(Commitment commitment, IEnumerable<RubricMeasure> measures, ScoreScope scope)
    {
        ArgumentNullException.ThrowIfNull(measures);
        string key = $"commitment:{Key(commitment)}";
        var list = measures.ToList();
        foreach (var m in list)
        {
            if (!double.IsFinite(m.Weight) || m.Weight < 0)
                throw new ArgumentException($"The weight of \"{m.Key}\" must be a finite number of 0 or more.", nameof(measures));
            if (m.Best == m.Worst || !double.IsFinite(m.Best) || !double.IsFinite(m.Worst))
                throw new ArgumentException($"The bounds of \"{m.Key}\" must be finite and differ.", nameof(measures));
        }
        var used = list.Where(m => m.Value is { } v && double.IsFinite(v) && m.Weight > 0).ToList();
        var components = ImmutableArray.CreateBuilder<ScoreComponent>();
        double totalWeight = used.Sum(m => m.Weight), score = 0;
        foreach (var m in used)
        {
            double s = BoundedScale.Normalise(m.Value!.Value, m.Worst, m.Best);
            double w = m.Weight / totalWeight;
            score += w * s;
            components.Add(new ScoreComponent(m.Key, m.Value, ScoreScale.Utility, w, w * s,
                Inv($"Normalised {s:0.###} between worst {m.Worst:0.###} and best {m.Best:0.###}.")));
        }
        foreach (var m in list.Except(used))
            components.Add(ScoreComponent.Describe("skipped:" + m.Key, null, ScoreScale.Utility, "No value (not scored, insufficient data or weight 0): left out and the other weights re-normalised."));
        return used.Count == 0
            ? ScoreCard.WithoutValue(key, scope, ScoreScale.Utility, ScoreStatus.NotApplicable, "None of the commitment's measures has a value.", 0, 0, components.ToImmutable())
            : ScoreCard.Ok(key, scope, score, ScoreScale.Utility, used.Count, 0, components.ToImmutable());
    }
}
