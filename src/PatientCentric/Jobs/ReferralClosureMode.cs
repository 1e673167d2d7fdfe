namespace PatientCentric.Jobs;

/// <summary>How referral-loop closure is counted (docs/jobs.md#referral-loop-closure).</summary>
public enum ReferralClosureMode
{
    /// <summary>Operations (default): every referral authored in the period whose closure window has elapsed is eligible;
    /// it is closed if the specialist's report is dated within <c>[authoredOn, authoredOn + W]</c>.</summary>
    ReferralLevel,

    /// <summary>CMS50 "Closing the Referral Loop": per patient, the first referral authored in the period's first ten
    /// months; closed if its report arrives on or after the referral date and within the period.</summary>
    Cms50,
}
