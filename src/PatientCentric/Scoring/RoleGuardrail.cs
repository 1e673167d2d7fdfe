namespace PatientCentric.Scoring;

/// <summary>The role table of docs/guardrails.md, enforced by the framework before any strategy runs.</summary>
internal static class RoleGuardrail
{
    /// <summary>Decides whether a measure of <paramref name="category"/> may score interactions in <paramref name="role"/>.</summary>
    /// <param name="category">The measure's category.</param>
    /// <param name="role">The patient's role in the interactions.</param>
    /// <param name="reason">When refused, one sentence saying why, citing the rule; otherwise <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the measure may run.</returns>
    public static bool Permits(MeasureCategory category, InteractionRole role, out string? reason)
    {
        reason = (category, role) switch
        {
            (MeasureCategory.Satisfaction, InteractionRole.Partner) =>
                "Satisfaction measures (NPS, 0–10 ratings, top-box of ratings) never score clinical (Partner) interactions: satisfaction must not steer clinical care (docs/guardrails.md).",
            (MeasureCategory.Operational or MeasureCategory.Satisfaction, not InteractionRole.Customer) =>
                $"Touchpoint and satisfaction measures score Customer interactions only, not {role} interactions (docs/guardrails.md).",
            (MeasureCategory.ExperienceReport, InteractionRole.Employee) =>
                "Experience reports describe Customer or Partner interactions, not patient jobs (docs/guardrails.md).",
            (MeasureCategory.ClinicalQuality, not InteractionRole.Partner) =>
                $"Clinical quality measures score clinical (Partner) interactions only, not {role} interactions (docs/guardrails.md).",
            (MeasureCategory.JobPerformance, not InteractionRole.Employee) =>
                $"Job measures score the patient's jobs (Employee interactions) only, not {role} interactions (docs/guardrails.md).",
            _ => null,
        };
        return reason is null;
    }
}
