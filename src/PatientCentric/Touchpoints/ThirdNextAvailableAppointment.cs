using PatientCentric.Scoring;

namespace PatientCentric.Touchpoints;

/// <summary>Third next available appointment (TNAA), IHI's access measure (docs/touchpoints/access.md): at a snapshot instant t0, the
/// days from t0 to the start of the third bookable free slot that starts at or after t0.</summary>
/// <remarks>Held ("frozen") slots, slots reserved for same-day or urgent use, and busy slots of any kind are not bookable.
/// Days are counted between local dates in the practice's time zone (same day = 0); calendar days by default, or
/// business days (weekdays that are not holidays) in <c>(t0, slot]</c>. With fewer than three bookable slots within the
/// horizon H (default 90 days) the snapshot is right-censored: its value is only known to exceed H, so it is reported as
/// censored and left out of means. Source: IHI, "Third Next Available Appointment" measure.</remarks>
public static class ThirdNextAvailableAppointment
{
    /// <summary>The default search horizon H: 90 days.</summary>
    public const int DefaultHorizonDays = 90;

    /// <summary>Computes one snapshot's TNAA.</summary>
    /// <param name="slots">The schedule's slots of one appointment type at the snapshot, in any order.</param>
    /// <param name="takenAt">t0, the snapshot instant.</param>
    /// <param name="timeZone">The practice's time zone.</param>
    /// <param name="horizonDays">H, 1 to 3,650.</param>
    /// <param name="convention">Calendar days (default) or business days.</param>
    /// <param name="holidays">Host holidays (local dates), used by <see cref="DayCountConvention.BusinessDays"/>.</param>
    /// <returns>The days to the third bookable slot, or <see langword="null"/> when right-censored (fewer than three within H).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="horizonDays"/> is outside 1..3,650.</exception>
    public static int? Compute(ReadOnlySpan<Slot> slots, DateTimeOffset takenAt, TimeZoneInfo timeZone, int horizonDays = DefaultHorizonDays,
                               DayCountConvention convention = DayCountConvention.CalendarDays, IReadOnlySet<DateOnly>? holidays = null)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizonDays, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(horizonDays, 3650);
        DateOnly day0 = Local(takenAt, timeZone);
        DateOnly lastDay = CalendarMath.AddDays(day0, horizonDays);
        // The three earliest bookable starts at or after t0 within the horizon, kept in order without sorting everything.
        Span<long> best = [long.MaxValue, long.MaxValue, long.MaxValue];
        foreach (ref readonly Slot s in slots)
        {
            if (!s.IsBookable || s.Start < takenAt || Local(s.Start, timeZone) > lastDay)
                continue;
            long t = s.Start.UtcTicks;
            if (t < best[2])
            {
                best[2] = t;
                if (best[2] < best[1]) (best[1], best[2]) = (best[2], best[1]);
                if (best[1] < best[0]) (best[0], best[1]) = (best[1], best[0]);
            }
        }
        if (best[2] == long.MaxValue)
            return null;
        DateOnly third = Local(new DateTimeOffset(best[2], TimeSpan.Zero), timeZone);
        return convention == DayCountConvention.CalendarDays ? third.DayNumber - day0.DayNumber : BusinessDaysAfter(day0, third, holidays);
    }

    private static int BusinessDaysAfter(DateOnly from, DateOnly to, IReadOnlySet<DateOnly>? holidays)
    {
        int n = 0;
        for (int dayNumber = from.DayNumber + 1; dayNumber <= to.DayNumber; dayNumber++)
        {
            var d = DateOnly.FromDayNumber(dayNumber);
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && holidays?.Contains(d) != true)
                n++;
        }
        return n;
    }

    private static DateOnly Local(DateTimeOffset instant, TimeZoneInfo zone) => CalendarMath.LocalDate(instant, zone);
}
