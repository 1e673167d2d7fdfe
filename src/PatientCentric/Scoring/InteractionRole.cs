namespace PatientCentric.Scoring;

/// <summary>The role the patient plays in one interaction; it decides which strategies may score it (docs/guardrails.md).</summary>
/// <remarks>Source: Schlesinger (2018), "Ask Len: Should I treat my patients as customers?", athenaInsight; docs/guardrails.md.</remarks>
public enum InteractionRole
{
    /// <summary>Billing, scheduling, communications, the waiting room, follow-up logistics: the moments of truth.</summary>
    Customer,

    /// <summary>The clinical encounter and clinical decisions. Satisfaction measures never score it.</summary>
    Partner,

    /// <summary>The jobs the patient carries out between encounters (fill, take, chase, complete, report); scored for support only.</summary>
    Employee,
}
