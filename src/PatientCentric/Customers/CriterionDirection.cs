namespace PatientCentric.Customers;

/// <summary>Whether more of a criterion is better or worse (docs/primary-customer.md).</summary>
public enum CriterionDirection
{
    /// <summary>More is better: <c>r = (x − lo)/(hi − lo)</c>.</summary>
    Benefit,

    /// <summary>More is worse: <c>r = (hi − x)/(hi − lo)</c>.</summary>
    Cost,
}
