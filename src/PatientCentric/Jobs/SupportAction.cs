namespace PatientCentric.Jobs;

/// <summary>A support a care team can offer a patient with a job (docs/jobs.md#support-plans). Advisory only.</summary>
public enum SupportAction
{
    /// <summary>Ask the patient what gets in the way (no barrier recorded).</summary>
    OutreachCall,

    /// <summary>Reminders (text, call, app).</summary>
    Reminders,

    /// <summary>Synchronise refills to one pickup date (medication jobs).</summary>
    RefillSynchronisation,

    /// <summary>Consider 90-day supplies (medication jobs; a prescriber decides).</summary>
    NinetyDaySupply,

    /// <summary>Financial counselling.</summary>
    FinancialCounselling,

    /// <summary>Consider a lower-cost alternative (medication jobs; a prescriber decides).</summary>
    LowerCostAlternative,

    /// <summary>Help with scheduling.</summary>
    SchedulingHelp,

    /// <summary>Transport help.</summary>
    Transport,

    /// <summary>Offer a telehealth option.</summary>
    Telehealth,

    /// <summary>Coaching.</summary>
    Coaching,

    /// <summary>Teach-back: the patient explains the plan in their own words.</summary>
    TeachBack,

    /// <summary>Device training (inhalers, meters, pens).</summary>
    DeviceTraining,

    /// <summary>Regimen review (a clinician decides).</summary>
    RegimenReview,
}
