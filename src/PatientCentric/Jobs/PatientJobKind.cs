namespace PatientCentric.Jobs;

/// <summary>Work the patient is asked to do between encounters (docs/measures.md#vocabulary, Patient job). Hosts may define others by key.</summary>
public enum PatientJobKind
{
    /// <summary>Fill a new prescription (primary adherence).</summary>
    FillPrescription,

    /// <summary>Take a medication as prescribed (secondary adherence, PDC).</summary>
    TakeMedication,

    /// <summary>Complete a referral: see the specialist so the report comes back.</summary>
    CompleteReferral,

    /// <summary>Complete an ordered lab test.</summary>
    CompleteLab,

    /// <summary>Attend a recommended follow-up visit.</summary>
    AttendFollowUp,

    /// <summary>Complete a pre-visit form before the appointment.</summary>
    CompletePreVisitForm,

    /// <summary>A job the host defines.</summary>
    HostDefined,
}
