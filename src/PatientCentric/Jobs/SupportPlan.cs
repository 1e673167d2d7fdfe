using System.Collections.Immutable;

namespace PatientCentric.Jobs;

/// <summary>One patient's support plan: the jobs below threshold and the supports suggested for each (docs/jobs.md#support-plans).
/// Advisory: it carries no decision about the patient's care, and no API turns it into one (docs/guardrails.md).</summary>
/// <param name="PatientKey">The patient's opaque key, for the care team's own systems; never shown in messages or logs.</param>
/// <param name="Items">The jobs that need support.</param>
public sealed record SupportPlan(string PatientKey, ImmutableArray<SupportPlanItem> Items)
{
    /// <summary>Gets the jobs that need support.</summary>
    public ImmutableArray<SupportPlanItem> Items { get; init; } = Items.IsDefault ? [] : Items;
}
