namespace PatientCentric.Touchpoints;

/// <summary>A schedule slot's status (FHIR <c>Slot.status</c>).</summary>
public enum SlotStatus
{
    /// <summary>Free: bookable unless held or reserved.</summary>
    Free,

    /// <summary>Busy (booked).</summary>
    Busy,

    /// <summary>Busy, tentatively: not bookable (docs/touchpoints/access.md).</summary>
    BusyTentative,

    /// <summary>Busy, unavailable (blocked): not bookable.</summary>
    BusyUnavailable,
}
