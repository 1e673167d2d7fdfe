namespace PatientCentric.Customers;

/// <summary>A kind of party a service line could be designed around (docs/measures.md#vocabulary, Stakeholder).</summary>
public enum StakeholderKind
{
    /// <summary>The patient.</summary>
    Patient,

    /// <summary>A payer (funding body, insurer, government programme).</summary>
    Payer,

    /// <summary>A referring clinician or practice.</summary>
    Referrer,

    /// <summary>An institution: hospital, network or regulator.</summary>
    Institution,

    /// <summary>An employer buying care for its staff.</summary>
    Employer,

    /// <summary>A kind the host defines.</summary>
    HostDefined,
}
