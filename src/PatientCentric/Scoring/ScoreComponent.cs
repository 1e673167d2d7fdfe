namespace PatientCentric.Scoring;

/// <summary>One input of a score: what it is, its value, its weight and its contribution, with a sentence a person can read.</summary>
/// <param name="Name">A short stable name, such as <c>"median"</c>, <c>"p90"</c> or <c>"excluded:negative-lead-time"</c>.</param>
/// <param name="InputValue">The input's value on <paramref name="InputScale"/>, or <see langword="null"/> when it has none.</param>
/// <param name="InputScale">The scale of <paramref name="InputValue"/>; <see cref="ScoreScale.Count"/> marks a count, which displays suppress when it is 1–10.</param>
/// <param name="Weight">The input's weight, normalised, when the score is a weighted combination; otherwise <see langword="null"/>.</param>
/// <param name="Contribution">The input's share of the score's value (contributions of an additive score sum to its value), or <see langword="null"/>.</param>
/// <param name="Reason">One readable sentence; never a patient identifier, name or free text from a record, and no counts
/// (they live in <paramref name="InputValue"/>, where displays can suppress small cells).</param>
/// <remarks>docs/measures.md#score-cards (Component).</remarks>
public sealed record ScoreComponent(string Name, double? InputValue, ScoreScale InputScale, double? Weight, double? Contribution, string Reason)
{
    /// <summary>The name prefix of components that count records excluded for breaking a rule.</summary>
    public const string ExclusionPrefix = "excluded:";

    /// <summary>Creates a component describing a value that is reported but not combined (no weight, no contribution).</summary>
    /// <param name="name">The component's name.</param>
    /// <param name="value">The value.</param>
    /// <param name="scale">The value's scale.</param>
    /// <param name="reason">A readable sentence.</param>
    /// <returns>The component.</returns>
    public static ScoreComponent Describe(string name, double? value, ScoreScale scale, string reason) => new(name, value, scale, null, null, reason);

    /// <summary>Creates a component that counts records excluded for one reason code (docs/measures.md#conventions, invalid records).</summary>
    /// <param name="reasonCode">A kebab-case reason code, such as <c>"negative-lead-time"</c>.</param>
    /// <param name="count">How many records were excluded, at least 1.</param>
    /// <param name="reason">A readable sentence that states the rule, without the count.</param>
    /// <returns>The component, named <c>excluded:</c> followed by <paramref name="reasonCode"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    public static ScoreComponent Exclusion(string reasonCode, int count, string reason)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return new(ExclusionPrefix + reasonCode, count, ScoreScale.Count, null, null, reason);
    }
}
