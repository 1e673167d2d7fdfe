namespace PatientCentric.Touchpoints;

/// <summary>One slot of a provider's or pool's schedule for one appointment type, as seen at a snapshot.</summary>
/// <param name="Start">The slot's start, with its offset.</param>
/// <param name="Status">The slot's status.</param>
/// <param name="IsHeld">Whether the slot is held ("frozen"); held slots are not bookable.</param>
/// <param name="IsReservedForSameDay">Whether the slot is reserved for same-day or urgent use; such slots are not counted.</param>
public readonly record struct Slot(DateTimeOffset Start, SlotStatus Status, bool IsHeld = false, bool IsReservedForSameDay = false)
{
    /// <summary>Gets whether the slot counts as bookable for the third next available appointment: free, not held, not reserved.</summary>
    public bool IsBookable => Status == SlotStatus.Free && !IsHeld && !IsReservedForSameDay;
}
