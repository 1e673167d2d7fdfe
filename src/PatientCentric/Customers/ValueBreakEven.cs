namespace PatientCentric.Customers;

/// <summary>An assumption's break-even: how far the winner's assessment on one criterion may move before the runner-up
/// ties it, with fixed scale bounds (docs/primary-customer.md, value break-even; docs/assumption-monitors.md).</summary>
/// <param name="CriterionKey">The criterion of the winner's assessment.</param>
/// <param name="RivalKey">The runner-up it would tie with.</param>
/// <param name="NormalisedChange">The drop in the winner's normalised value that ties it with the rival: <c>(S_a − S_b)/wⱼ</c>;
/// <see langword="null"/> when the weight is 0, or so small that the drop is not a finite number.</param>
/// <param name="CurrentValue">The winner's assessed value, in the criterion's raw units.</param>
/// <param name="Threshold">The break-even value in raw units (below it for a benefit, above it for a cost, the winner
/// loses its lead); <see langword="null"/> when the required drop exceeds the winner's current normalised value (no break-even).</param>
public sealed record ValueBreakEven(string CriterionKey, string RivalKey, double? NormalisedChange, double CurrentValue, double? Threshold)
{
    /// <summary>Gets whether the criterion has a break-even within its scale.</summary>
    public bool HasBreakEven => Threshold is not null;
}
