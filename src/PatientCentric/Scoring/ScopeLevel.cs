namespace PatientCentric.Scoring;

/// <summary>The level of aggregation a <see cref="ScoreScope"/> names.</summary>
public enum ScopeLevel
{
    /// <summary>The whole practice.</summary>
    Practice,

    /// <summary>One service line of the practice.</summary>
    ServiceLine,

    /// <summary>One clinician.</summary>
    Clinician,

    /// <summary>One patient, referred to by an opaque key, never by name.</summary>
    Patient,

    /// <summary>One stakeholder a service line could be designed around, such as a payer or referrers (docs/primary-customer.md).</summary>
    Stakeholder,
}
