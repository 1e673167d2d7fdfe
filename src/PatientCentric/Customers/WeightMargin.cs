namespace PatientCentric.Customers;

/// <summary>The smallest change of one criterion's weight that changes the winner, the others rescaled proportionally:
/// <c>w'ⱼ = wⱼ + δ</c>, <c>w'ₖ = wₖ·(1 − wⱼ − δ)/(1 − wⱼ)</c> (docs/primary-customer.md).</summary>
/// <param name="Status">Whether a margin was found.</param>
/// <param name="CriterionKey">The criterion whose weight changes; <see langword="null"/> unless found.</param>
/// <param name="Delta">The signed change δ of the normalised weight: positive raises it, negative lowers it; <see langword="null"/> unless found.
/// Exact for weighted sum (where the winner and the rival tie); for AHP and TOPSIS, found by a 0.001 scan and bisection to 1e−6, the end at which the winner has changed.</param>
/// <param name="NewWinnerKey">The stakeholder that ties or overtakes the winner at δ; <see langword="null"/> unless found.</param>
public sealed record WeightMargin(WeightMarginStatus Status, string? CriterionKey, double? Delta, string? NewWinnerKey)
{
    /// <summary>Gets the margin of a decision no single weight change can overturn.</summary>
    public static WeightMargin Robust { get; } = new(WeightMarginStatus.Robust, null, null, null);

    /// <summary>Gets the margin of a decision without a winner, without rivals or without weights.</summary>
    public static WeightMargin NotApplicable { get; } = new(WeightMarginStatus.NotApplicable, null, null, null);
}
