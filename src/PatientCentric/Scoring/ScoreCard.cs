using System.Collections.Immutable;

namespace PatientCentric.Scoring;

/// <summary>One measure's result for one scope and period; every number explains itself through its components.</summary>
/// <remarks>
/// <para>Follows docs/measures.md#score-cards (Score card). <see cref="Value"/> is present exactly when <see cref="Status"/> is
/// <see cref="ScoreStatus.Ok"/>; otherwise <see cref="StatusReason"/> says why, and the components still list what was found.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed record ScoreCard
{
    /// <summary>Initializes a new score card.</summary>
    /// <param name="measureKey">The measure's stable kebab-case key, such as <c>"lead-time"</c>.</param>
    /// <param name="scope">What the card is about.</param>
    /// <param name="value">The value on <paramref name="scale"/>; must be finite, and present exactly when <paramref name="status"/> is <see cref="ScoreStatus.Ok"/>.</param>
    /// <param name="scale">The scale of <paramref name="value"/>.</param>
    /// <param name="status">Whether the card carries a value.</param>
    /// <param name="evidenceCount">How many valid records the value rests on; 0 or more.</param>
    /// <param name="excludedCount">How many records were excluded for breaking a rule; 0 or more.</param>
    /// <param name="components">The inputs, each with a readable reason; default means none.</param>
    /// <param name="statusReason">Why the status is not <see cref="ScoreStatus.Ok"/>; <see langword="null"/> when it is.</param>
    /// <exception cref="ArgumentException"><paramref name="measureKey"/> is empty, or <paramref name="value"/> disagrees with <paramref name="status"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not finite, or a count is negative.</exception>
    public ScoreCard(string measureKey, ScoreScope scope, double? value, ScoreScale scale, ScoreStatus status,
                     int evidenceCount, int excludedCount, ImmutableArray<ScoreComponent> components, string? statusReason = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(measureKey);
        ArgumentOutOfRangeException.ThrowIfNegative(evidenceCount);
        ArgumentOutOfRangeException.ThrowIfNegative(excludedCount);
        if (value is double v && !double.IsFinite(v))
            throw new ArgumentOutOfRangeException(nameof(value), "A score value must be a finite number.");
        if ((status == ScoreStatus.Ok) != value.HasValue)
            throw new ArgumentException($"A score card with status {status} must {(status == ScoreStatus.Ok ? "have" : "not have")} a value.", nameof(value));
        MeasureKey = measureKey;
        Scope = scope;
        Value = value;
        Scale = scale;
        Status = status;
        EvidenceCount = evidenceCount;
        ExcludedCount = excludedCount;
        Components = components.IsDefault ? [] : components;
        StatusReason = statusReason;
    }

    /// <summary>Gets the measure's stable kebab-case key, such as <c>"lead-time"</c>.</summary>
    public string MeasureKey { get; }

    /// <summary>Gets what the card is about.</summary>
    public ScoreScope Scope { get; }

    /// <summary>Gets the value on <see cref="Scale"/>, or <see langword="null"/> unless <see cref="Status"/> is <see cref="ScoreStatus.Ok"/>.</summary>
    public double? Value { get; }

    /// <summary>Gets the scale of <see cref="Value"/>.</summary>
    public ScoreScale Scale { get; }

    /// <summary>Gets whether the card carries a value.</summary>
    public ScoreStatus Status { get; }

    /// <summary>Gets how many valid records the value rests on.</summary>
    public int EvidenceCount { get; }

    /// <summary>Gets how many records were excluded for breaking a rule; each reason code appears as a component named <c>excluded:…</c>.</summary>
    public int ExcludedCount { get; }

    /// <summary>Gets the inputs of the score, each with a readable reason.</summary>
    public ImmutableArray<ScoreComponent> Components { get; }

    /// <summary>Gets why <see cref="Status"/> is not <see cref="ScoreStatus.Ok"/>, or <see langword="null"/> when it is.</summary>
    public string? StatusReason { get; }

    /// <summary>Creates a card with a value.</summary>
    /// <param name="measureKey">The measure's key.</param>
    /// <param name="scope">What the card is about.</param>
    /// <param name="value">The finite value.</param>
    /// <param name="scale">The value's scale.</param>
    /// <param name="evidenceCount">How many valid records the value rests on.</param>
    /// <param name="excludedCount">How many records were excluded.</param>
    /// <param name="components">The inputs.</param>
    /// <returns>The card, with status <see cref="ScoreStatus.Ok"/>.</returns>
    public static ScoreCard Ok(string measureKey, ScoreScope scope, double value, ScoreScale scale,
                               int evidenceCount, int excludedCount, ImmutableArray<ScoreComponent> components) =>
        new(measureKey, scope, value, scale, ScoreStatus.Ok, evidenceCount, excludedCount, components);

    /// <summary>Creates a card without a value.</summary>
    /// <param name="measureKey">The measure's key.</param>
    /// <param name="scope">What the card is about.</param>
    /// <param name="scale">The scale the value would have had.</param>
    /// <param name="status">Any status but <see cref="ScoreStatus.Ok"/>.</param>
    /// <param name="reason">Why there is no value, as one readable sentence.</param>
    /// <param name="evidenceCount">How many valid records were found.</param>
    /// <param name="excludedCount">How many records were excluded.</param>
    /// <param name="components">What was found.</param>
    /// <returns>The card.</returns>
    public static ScoreCard WithoutValue(string measureKey, ScoreScope scope, ScoreScale scale, ScoreStatus status, string reason,
                                         int evidenceCount = 0, int excludedCount = 0, ImmutableArray<ScoreComponent> components = default) =>
        new(measureKey, scope, null, scale, status, evidenceCount, excludedCount, components, reason);
}
