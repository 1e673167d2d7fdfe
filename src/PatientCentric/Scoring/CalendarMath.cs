namespace PatientCentric.Scoring;

/// <summary>Date and instant arithmetic that saturates at the ends of the calendar (0001-01-01 and 9999-12-31) instead of
/// throwing: a due date plus grace days, a referral's window or an instant's local date near year 9999 is read as "at the
/// end of time", so a record there is scored like any other, never an unexpected exception.</summary>
internal static class CalendarMath
{
    /// <summary>The local date of <paramref name="instant"/> in <paramref name="zone"/>, or the first or last date when the
    /// local time falls before 0001-01-01 or after 9999-12-31.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone)
    {
        long ticks = instant.UtcTicks + OffsetAt(zone, instant.UtcTicks).Ticks;
        return DateOnly.FromDateTime(new DateTime(Math.Clamp(ticks, DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks)));
    }

    /// <summary><paramref name="instant"/> plus <paramref name="span"/>, held within the instants a <see cref="DateTimeOffset"/>
    /// can hold (in UTC when it saturates).</summary>
    public static DateTimeOffset Add(DateTimeOffset instant, TimeSpan span)
    {
        long utc = instant.UtcTicks;
        long max = DateTimeOffset.MaxValue.UtcTicks, min = DateTimeOffset.MinValue.UtcTicks;
        if (span.Ticks > 0 && utc > max - span.Ticks)
            return DateTimeOffset.MaxValue;
        if (span.Ticks < 0 && utc < min - span.Ticks)
            return DateTimeOffset.MinValue;
        long local = instant.Ticks + span.Ticks;   // the clock time must fit too, with the instant's own offset
        return local >= DateTime.MinValue.Ticks && local <= DateTime.MaxValue.Ticks ? instant + span : new DateTimeOffset(utc + span.Ticks, TimeSpan.Zero);
    }

    /// <summary><paramref name="day"/> plus <paramref name="days"/>, held within 0001-01-01..9999-12-31.</summary>
    public static DateOnly AddDays(DateOnly day, long days) =>
        DateOnly.FromDayNumber((int)Math.Clamp(day.DayNumber + days, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber));

    /// <summary><paramref name="day"/> plus <paramref name="months"/>, held within 0001-01-01..9999-12-31.</summary>
    public static DateOnly AddMonths(DateOnly day, int months)
    {
        int index = (day.Year * 12) + day.Month - 1 + months;   // months since 0000-01
        if (index < 12)
            return DateOnly.MinValue;
        return index >= 120_000 ? DateOnly.MaxValue : day.AddMonths(months);
    }

    /// <summary>The instant at local <paramref name="time"/> on <paramref name="day"/> in <paramref name="zone"/>, held within
    /// the instants a <see cref="DateTimeOffset"/> can hold.</summary>
    public static DateTimeOffset Instant(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time);
        long utc = local.Ticks - zone.GetUtcOffset(new DateTime(Math.Clamp(local.Ticks, Margin, DateTime.MaxValue.Ticks - Margin))).Ticks;
        return new DateTimeOffset(Math.Clamp(utc, DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), TimeSpan.Zero);
    }

    private const long Margin = 2 * TimeSpan.TicksPerDay;

    /// <summary>The zone's offset at a UTC instant, read at most two days inside the calendar's ends, where the zone's own
    /// conversion would step outside them (no zone changes its offset in the first or last two days of the calendar).</summary>
    private static TimeSpan OffsetAt(TimeZoneInfo zone, long utcTicks) =>
        zone.GetUtcOffset(new DateTimeOffset(Math.Clamp(utcTicks, Margin, DateTime.MaxValue.Ticks - Margin), TimeSpan.Zero));
}
