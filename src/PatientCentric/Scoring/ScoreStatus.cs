namespace PatientCentric.Scoring;

/// <summary>Whether a <see cref="ScoreCard"/> carries a value, and if not, why (docs/measures.md#score-cards).</summary>
public enum ScoreStatus
{
    /// <summary>The value was computed from enough evidence.</summary>
    Ok,

    /// <summary>The evidence count is below the measure's minimum, or a denominator is zero; the value is <see langword="null"/>.</summary>
    InsufficientData,

    /// <summary>The value rests on a small cell (1–10) and is withheld from people (CMS cell-size suppression policy).</summary>
    Suppressed,

    /// <summary>The measure does not apply to this subject or the data holds none of its inputs.</summary>
    NotApplicable,

    /// <summary>A guardrail refused to compute the measure (docs/guardrails.md), for example a satisfaction measure asked to score a clinical (Partner) interaction.</summary>
    GuardrailBlocked,
}
