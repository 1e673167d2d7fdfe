namespace PatientCentric.Scoring;

/// <summary>The role table of DOMAIN.md §1, enforced by the framework before any strategy runs (§9).</summary>
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
                "Satisfaction measures (NPS, 0–10 ratings, top-box of ratings) never score clinical (Partner) interactions: satisfaction must not steer clinical care (DOMAIN.md §9).",
            (MeasureCategory.Operational or MeasureCategory.Satisfaction, not InteractionRole.Customer) =>
                $"Touchpoint and satisfaction measures score Customer interactions only, not {role} interactions (DOMAIN.md §1).",
            (MeasureCategory.ExperienceReport, InteractionRole.Employee) =>
                "Experience reports describe Customer or Partner interactions, not patient jobs (DOMAIN.md §1).",
            (MeasureCategory.ClinicalQuality, not InteractionRole.Partner) =>
                $"Clinical quality measures score clinical (Partner) interactions only, not {role} interactions (DOMAIN.md §1).",
            (MeasureCategory.JobPerformance, not InteractionRole.Employee) =>
                $"Job measures score the patient's jobs (Employee interactions) only, not {role} interactions (DOMAIN.md §1).",
            _ => null,
        };
        return reason is null;
    }
}
