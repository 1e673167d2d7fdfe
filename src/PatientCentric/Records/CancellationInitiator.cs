namespace PatientCentric.Records;

/// <summary>Who cancelled an appointment (FHIR <c>Appointment.cancelationReason</c>: patient vs provider).</summary>
public enum CancellationInitiator
{
    /// <summary>The patient cancelled.</summary>
    Patient,

    /// <summary>The practice or provider cancelled; such appointments leave the no-show denominator (docs/touchpoints/access.md).</summary>
    Practice,
}
