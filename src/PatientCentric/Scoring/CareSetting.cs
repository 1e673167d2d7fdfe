namespace PatientCentric.Scoring;

/// <summary>The care setting a <see cref="Profile"/> describes (docs/configuration.md#built-in-profiles).</summary>
public enum CareSetting
{
    /// <summary>Self-pay elective or aesthetic care: patients pay and choose.</summary>
    SelfPayElective,

    /// <summary>Insured acute care: the payer or institution is often the de facto customer.</summary>
    InsuredAcute,

    /// <summary>Primary care.</summary>
    PrimaryCare,
}
