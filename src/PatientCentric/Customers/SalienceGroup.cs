namespace PatientCentric.Customers;

/// <summary>The group of a <see cref="SalienceClass"/>, ordered from least to most salient (docs/primary-customer.md).</summary>
public enum SalienceGroup
{
    /// <summary>No attribute: the non-stakeholder, in no group.</summary>
    None,

    /// <summary>One attribute: dormant, discretionary or demanding.</summary>
    Latent,

    /// <summary>Two attributes: dominant, dangerous or dependent.</summary>
    Expectant,

    /// <summary>All three attributes.</summary>
    Definitive,
}
