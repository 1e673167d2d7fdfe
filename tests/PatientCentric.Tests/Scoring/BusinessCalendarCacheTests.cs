using FsCheck.Xunit;
using PatientCentric.Scoring;

namespace PatientCentric.Tests.Scoring;

/// <summary><see cref="BusinessCalendar.Between"/> keeps each day's opening instants and adds a day that lies wholly
/// inside the span in one step: it must give, tick for tick, what converting every opening of every day of the span
/// afresh gives (the reference below), for random calendars, holidays and spans, in zones that change offset at 02:00
/// (Chicago) and at midnight (Santiago), with spans that cross those changes, reversed and empty spans, and many spans on
/// one calendar (so later spans read the days earlier ones kept).</summary>
public sealed class BusinessCalendarCacheTests
{
    private static readonly string[] Zones = ["America/Chicago", "America/Santiago", "UTC"];

    [Property(MaxTest = 150)]
    public bool Between_EqualsConvertingEveryDayAfresh(int seed)
    {
        var random = new Random(seed);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Zones[random.Next(Zones.Length)]);
        var openings = new List<OpeningInterval>();
        for (int i = 0, n = random.Next(1, 8); i < n; i++)
        {
            int opens = random.Next(0, 23 * 60);
            int closes = random.Next(opens + 1, 24 * 60);
            openings.Add(new OpeningInterval((DayOfWeek)random.Next(7), TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(opens)),
                closes == 24 * 60 ? new TimeOnly(23, 59, 59) : TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(closes))));
        }
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var holidays = Enumerable.Range(0, random.Next(0, 30)).Select(_ => DateOnly.FromDateTime(start.AddDays(random.Next(0, 900)).UtcDateTime)).ToList();
        var calendar = new BusinessCalendar(zone, openings, holidays);
        for (int k = 0; k < 40; k++)
        {
            var from = start.AddMinutes(random.Next(0, 900 * 24 * 60));
            var to = random.Next(5) switch
            {
                0 => from.AddMinutes(-random.Next(0, 3000)),           // reversed or empty
                1 => from.AddMinutes(random.Next(0, 3 * 24 * 60)),     // within a few days
                _ => from.AddDays(random.Next(0, 500)).AddMinutes(random.Next(0, 24 * 60)),
            };
            if (calendar.Between(from, to) != Reference(calendar, from, to))
                return false;
        }
        return true;
    }

    [Fact]
    public void Between_FromManyThreadsAtOnce_EqualsTheReference()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        var calendar = BusinessCalendar.WeekdaysEightToFive(zone, [new DateOnly(2025, 3, 17), new DateOnly(2025, 11, 27)]);
        var start = new DateTimeOffset(2025, 1, 1, 7, 30, 0, TimeSpan.FromHours(-6));
        var spans = Enumerable.Range(0, 2000).Select(i => (From: start.AddHours(i * 3.7), To: start.AddHours(i * 3.7).AddDays(i % 400))).ToArray();
        var results = new TimeSpan[spans.Length];
        Parallel.For(0, spans.Length, i => results[i] = calendar.Between(spans[i].From, spans[i].To));
        for (int i = 0; i < spans.Length; i++)
            Assert.Equal(Reference(calendar, spans[i].From, spans[i].To), results[i]);
    }

    // Every day of the span, every opening of that weekday converted to instants and clipped to the span.
    private static TimeSpan Reference(BusinessCalendar calendar, DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
            return TimeSpan.Zero;
        var total = TimeSpan.Zero;
        DateOnly first = CalendarMath.LocalDate(from, calendar.TimeZone), last = CalendarMath.LocalDate(to, calendar.TimeZone);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (calendar.Holidays.Contains(day))
                continue;
            foreach (var o in calendar.Openings.Where(o => o.Day == day.DayOfWeek))
            {
                var open = CalendarMath.Instant(day, o.Opens, calendar.TimeZone);
                var close = CalendarMath.Instant(day, o.Closes, calendar.TimeZone);
                var lo = open > from ? open : from;
                var hi = close < to ? close : to;
                if (hi > lo)
                    total += hi - lo;
            }
        }
        return total;
    }
}
