namespace PatientCentric.Customers;

/// <summary>Mitchell, Agle &amp; Wood's (1997) stakeholder class, from which of power, legitimacy and urgency a
/// stakeholder has (docs/primary-customer.md).</summary>
public enum SalienceClass
{
    /// <summary>No attribute: not a stakeholder of this decision (salience 0).</summary>
    NonStakeholder,

    /// <summary>Power only (latent, salience 1).</summary>
    Dormant,

    /// <summary>Legitimacy only (latent, salience 1).</summary>
    Discretionary,

    /// <summary>Urgency only (latent, salience 1).</summary>
    Demanding,

    /// <summary>Power and legitimacy (expectant, salience 2).</summary>
    Dominant,

    /// <summary>Power and urgency (expectant, salience 2).</summary>
    Dangerous,

    /// <summary>Legitimacy and urgency (expectant, salience 2).</summary>
    Dependent,

    /// <summary>Power, legitimacy and urgency (definitive, salience 3).</summary>
    Definitive,
}
