namespace PatientCentric.Customers;

/// <summary>Whether a decision's weight margin was found (docs/primary-customer.md).</summary>
public enum WeightMarginStatus
{
    /// <summary>A change of one criterion's weight changes the winner; the margin names it.</summary>
    Found,

    /// <summary>No feasible change of any one weight (0 ≤ w + δ ≤ 1) changes the winner.</summary>
    Robust,

    /// <summary>There is no winner, fewer than two candidates, or the strategy has no weights (salience).</summary>
    NotApplicable,
}
