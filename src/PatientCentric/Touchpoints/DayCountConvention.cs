namespace PatientCentric.Touchpoints;

/// <summary>How days to an appointment are counted (docs/touchpoints/access.md).</summary>
public enum DayCountConvention
{
    /// <summary>Calendar days including weekends and holidays (IHI; the patient's view). The default.</summary>
    CalendarDays,

    /// <summary>Weekdays that are not host holidays, in <c>(t0, slot]</c>.</summary>
    BusinessDays,
}
