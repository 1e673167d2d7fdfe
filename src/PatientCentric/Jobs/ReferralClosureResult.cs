using System.Collections.Immutable;

namespace PatientCentric.Jobs;

/// <summary>Referral-loop closure over a set of referrals (docs/jobs.md#referral-loop-closure).</summary>
/// <param name="Mode">How referrals were counted.</param>
/// <param name="Eligible">The denominator: eligible referrals (CMS50: patients).</param>
/// <param name="Closed">The numerator: eligible referrals whose loop closed in time.</param>
/// <param name="Pending">Referrals whose window is still open at the evaluation date; excluded from the rate.</param>
/// <param name="OpenLoops">Eligible referrals that did not close, oldest first.</param>
public sealed record ReferralClosureResult(ReferralClosureMode Mode, int Eligible, int Closed, int Pending, ImmutableArray<OpenReferralLoop> OpenLoops)
{
    /// <summary>Gets the eligible referrals that did not close.</summary>
    public ImmutableArray<OpenReferralLoop> OpenLoops { get; init; } = OpenLoops.IsDefault ? [] : OpenLoops;

    /// <summary>Gets the referrals left out because the source cannot show whether their loop closed
    /// (<see cref="Records.Referral.ClosureUnknown"/>): at referral level, those authored in the period; in CMS50 mode,
    /// patients whose first referral is one. They are neither eligible, pending nor open loops.</summary>
    /// <value>0 or more. The default is 0.</value>
    public int ClosureUnknown { get; init; }

    /// <summary>Gets <c>Closed / Eligible</c>, or <see langword="null"/> when nothing is eligible.</summary>
    public double? Rate => Eligible == 0 ? null : (double)Closed / Eligible;
}
