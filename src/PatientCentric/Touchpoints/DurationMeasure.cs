namespace PatientCentric.Touchpoints;

/// <summary>A duration measure that streams as whole units (docs/touchpoints/access.md, docs/touchpoints/waiting-room.md).</summary>
public enum DurationMeasure
{
    /// <summary>Appointment lead time in whole local days, 0 to 730.</summary>
    LeadTimeDays,

    /// <summary>Wait to be seen in whole minutes, 0 to 720.</summary>
    WaitToBeSeenMinutes,

    /// <summary>Office-visit cycle time in whole minutes, 0 to 720 (the 12-hour cap).</summary>
    CycleTimeMinutes,
}
