using System.Text.Json.Serialization;

namespace PatientCentric.Records;

/// <summary>One booked appointment and, when the patient came, the waiting-room times of the visit.</summary>
/// <remarks>Instants carry their UTC offset. Records that break a rule (start before booking, departure before arrival)
/// are kept as given; each scorer excludes and counts them (docs/measures.md#conventions). FHIR: <c>Appointment</c>
/// (<c>created</c>, <c>start</c>, <c>status</c>, <c>cancelationReason</c>) and <c>Encounter.statusHistory</c>.</remarks>
/// <param name="Id">The appointment's opaque identifier within the data set.</param>
/// <param name="PatientKey">The patient's opaque key (a pseudonym); never shown in messages or logs.</param>
/// <param name="ServiceLine">The key of the service line the appointment belongs to.</param>
/// <param name="ClinicianKey">The opaque key of the clinician, if known.</param>
/// <param name="BookedAt">The booking instant (FHIR <c>Appointment.created</c>).</param>
/// <param name="Start">The scheduled start.</param>
/// <param name="Outcome">What became of the appointment.</param>
/// <param name="CancelledAt">When it was cancelled, if it was and the time is known.</param>
/// <param name="CancelledBy">Who cancelled it, if it was.</param>
/// <param name="ArrivedAt">Arrival (check-in), if the patient came.</param>
/// <param name="SeenAt">First clinician contact, if recorded.</param>
/// <param name="DepartedAt">Departure (check-out), if recorded.</param>
public sealed record Appointment(
    string Id, string PatientKey, string ServiceLine, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ClinicianKey,
    DateTimeOffset BookedAt, DateTimeOffset Start, AppointmentOutcome Outcome,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? CancelledAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CancellationInitiator? CancelledBy = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? ArrivedAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? SeenAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? DepartedAt = null)
{
    /// <summary>Gets whether the visit was in person or by telehealth (FHIR <c>Encounter.class</c> <c>AMB</c> vs <c>VR</c>).</summary>
    /// <value>The default is <see cref="VisitMode.InPerson"/>.</value>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public VisitMode Mode { get; init; }

    /// <summary>Gets whether the booking instant is unknown, so that <see cref="BookedAt"/> is only a stand-in (FHIR: an
    /// <c>Appointment</c> without <c>created</c>, or an <c>Encounter</c> with no <c>Appointment</c>). Lead time leaves such
    /// appointments out and counts them.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool BookingUnknown { get; init; }

    /// <summary>Gets whether only the visit is recorded, not an appointment (FHIR: an <c>Encounter</c> that no
    /// <c>Appointment</c> refers to). Such data cannot show a no-show or a cancellation, so the no-show, same-day
    /// cancellation and missed-appointment rates leave it out and count it; waiting-room times and the telehealth share
    /// still use it.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool VisitOnly { get; init; }
}
