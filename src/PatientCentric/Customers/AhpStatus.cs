namespace PatientCentric.Customers;

/// <summary>Whether AHP priorities can be relied on (docs/ahp.md).</summary>
public enum AhpStatus
{
    /// <summary>Power iteration converged and the consistency ratio is at most 0.10.</summary>
    Ok,

    /// <summary>Power iteration converged but the consistency ratio is above 0.10; the weights are still reported.</summary>
    Inconsistent,

    /// <summary>Power iteration did not meet its tolerance (1e−12) within 10,000 iterations; the last iterate is reported.</summary>
    NotConverged,
}
