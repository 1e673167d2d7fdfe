namespace PatientCentric.Records;

/// <summary>What became of a booked appointment.</summary>
public enum AppointmentOutcome
{
    /// <summary>Still booked: the appointment has not happened yet, or its outcome was not recorded.</summary>
    Booked,

    /// <summary>The patient came (FHIR <c>fulfilled</c>, <c>arrived</c>, <c>checked-in</c>).</summary>
    Kept,

    /// <summary>The patient did not come and did not cancel (FHIR <c>noshow</c>).</summary>
    NoShow,

    /// <summary>Cancelled before it started, by the patient or the practice (FHIR <c>cancelled</c>).</summary>
    Cancelled,
}
