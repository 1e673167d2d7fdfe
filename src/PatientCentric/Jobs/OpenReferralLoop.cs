namespace PatientCentric.Jobs;

/// <summary>A referral whose loop is still open at the evaluation date: no specialist report within its window.</summary>
/// <param name="ReferralId">The referral's opaque id (never a patient identifier).</param>
/// <param name="AgeDays">Days from the referral to the evaluation date.</param>
public readonly record struct OpenReferralLoop(string ReferralId, int AgeDays);
