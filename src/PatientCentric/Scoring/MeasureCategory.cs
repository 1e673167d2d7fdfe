namespace PatientCentric.Scoring;

/// <summary>What kind of measure a strategy computes; with the <see cref="InteractionRole"/> it decides whether the guardrail lets it run (docs/guardrails.md, role table).</summary>
public enum MeasureCategory
{
    /// <summary>An operational touchpoint measure (lead time, waits, no-shows, claims): Customer interactions only.</summary>
    Operational,

    /// <summary>Satisfaction and loyalty (NPS, 0–10 ratings, top-box of ratings): Customer interactions only, never Partner.</summary>
    Satisfaction,

    /// <summary>CAHPS-style report items about experience (how often something happened): Customer interactions; for Partner interactions reported only, never linked to a clinical decision.</summary>
    ExperienceReport,

    /// <summary>Host-supplied clinical quality results: Partner interactions only.</summary>
    ClinicalQuality,

    /// <summary>Patient job performance: Employee interactions only, and for support only.</summary>
    JobPerformance,
}
