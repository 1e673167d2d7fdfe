using System.Collections.Immutable;

namespace PatientCentric.Records;

/// <summary>A snapshot of one schedule's slots of one appointment type, taken at a fixed weekly time for the third next
/// available appointment (docs/touchpoints/access.md; FHIR <c>Schedule</c> and <c>Slot</c>).</summary>
/// <param name="ScheduleKey">The provider's or pool's schedule.</param>
/// <param name="ServiceLine">The service line of the schedule.</param>
/// <param name="AppointmentType">The appointment type, such as <c>"new-patient"</c>.</param>
/// <param name="TakenAt">t0, when the snapshot was taken.</param>
/// <param name="Slots">The slots seen at t0.</param>
public sealed record AvailabilitySnapshot(string ScheduleKey, string ServiceLine, string AppointmentType, DateTimeOffset TakenAt,
                                          ImmutableArray<Touchpoints.Slot> Slots)
{
    /// <summary>Gets the slots seen at t0.</summary>
    public ImmutableArray<Touchpoints.Slot> Slots { get; init; } = Slots.IsDefault ? [] : Slots;
}
