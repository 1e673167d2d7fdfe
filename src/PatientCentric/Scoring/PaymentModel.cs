namespace PatientCentric.Scoring;

/// <summary>How the practice is paid (docs/measures.md#vocabulary, Profile).</summary>
public enum PaymentModel
{
    /// <summary>Paid per service: volume-driven.</summary>
    FeeForService,

    /// <summary>A value-based contract: total cost of care and outcomes shared with the payer.</summary>
    ValueBased,

    /// <summary>The patient pays directly.</summary>
    SelfPay,
}
