using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace PatientCentric.Scoring;

/// <summary>A practice's business calendar: weekly opening intervals in local time minus host holidays (docs/measures.md#conventions,
/// business time). Business duration of <c>[t1, t2)</c> = the length of its intersection with the open intervals, so a
/// message sent while closed starts the clock at the next opening. Immutable and thread-safe.</summary>
public sealed class BusinessCalendar
{
    /// <summary>Initializes a calendar.</summary>
    /// <param name="timeZone">The practice's time zone.</param>
    /// <param name="openings">The weekly opening intervals.</param>
    /// <param name="holidays">Local dates on which the practice is closed.</param>
    /// <exception cref="ArgumentException">An interval closes at or before it opens, or there are no openings.</exception>
    public BusinessCalendar(TimeZoneInfo timeZone, IEnumerable<OpeningInterval> openings, IEnumerable<DateOnly>? holidays = null)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        ArgumentNullException.ThrowIfNull(openings);
        TimeZone = timeZone;
        Openings = [.. openings.OrderBy(o => o.Day).ThenBy(o => o.Opens)];
        if (Openings.IsEmpty)
            throw new ArgumentException("A business calendar needs at least one opening interval.", nameof(openings));
        if (Openings.Any(o => o.Closes <= o.Opens))
            throw new ArgumentException("Every opening interval must close after it opens, on the same day.", nameof(openings));
        Holidays = (holidays ?? []).ToImmutableHashSet();
        var perDay = Openings.GroupBy(o => o.Day).Select(g => g.Sum(o => (o.Closes - o.Opens).TotalHours)).ToList();
        HoursPerBusinessDay = perDay.Average();
    }

    /// <summary>Gets the time zone.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Gets the weekly opening intervals, by weekday and time.</summary>
    public ImmutableArray<OpeningInterval> Openings { get; }

    /// <summary>Gets the holidays.</summary>
    public ImmutableHashSet<DateOnly> Holidays { get; }

    /// <summary>Gets the length of one business day in hours: the mean open hours of the weekdays that open (9 for the default calendar).</summary>
    public double HoursPerBusinessDay { get; }

    /// <summary>Creates the default calendar: Monday to Friday, 08:00–17:00 local (docs/measures.md#conventions).</summary>
    /// <param name="timeZone">The practice's time zone.</param>
    /// <param name="holidays">Host holidays.</param>
    /// <returns>The calendar.</returns>
    public static BusinessCalendar WeekdaysEightToFive(TimeZoneInfo timeZone, IEnumerable<DateOnly>? holidays = null) =>
        new(timeZone, [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new OpeningInterval(d, new TimeOnly(8, 0), new TimeOnly(17, 0)))], holidays);

    /// <summary>Returns the business time in <c>[from, to)</c>: its overlap with the opening intervals, holidays excluded.</summary>
    /// <param name="from">t1.</param>
    /// <param name="to">t2; at or before <paramref name="from"/> gives zero.</param>
    /// <returns>The business duration.</returns>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
            return TimeSpan.Zero;
        var total = TimeSpan.Zero;
        DateOnly first = Local(from), last = Local(to);
        for (int dayNumber = first.DayNumber; dayNumber <= last.DayNumber; dayNumber++)
        {
            var day = DayAt(dayNumber);
            if (day.Intervals.Length == 0)
                continue;
            if (day.FirstOpen >= from && day.LastClose <= to)
            {
                total += day.Open;   // the day lies inside [from, to]: every interval counts whole, as the clipping below gives
                continue;
            }
            foreach (var (open, close) in day.Intervals)
            {
                var lo = open > from ? open : from;
                var hi = close < to ? close : to;
                if (hi > lo)
                    total += hi - lo;
            }
        }
        return total;
    }

    // The opening intervals of each day as instants, computed once per day and kept: Between reads a day's instants for
    // every span that covers it, and the time-zone conversions are most of its cost. Days are kept in blocks of 64; a
    // block is filled completely before it is published, so concurrent callers see either no block or a whole one (two
    // may compute the same block; they agree).
    private readonly ConcurrentDictionary<int, Day[]> _days = new();

    private const int MaxBlocks = 1024;   // about 180 years of days kept at most

    private Day DayAt(int dayNumber)
    {
        int block = dayNumber >> 6;
        if (!_days.TryGetValue(block, out var days))
        {
            if (_days.Count >= MaxBlocks)
                return ComputeDay(DateOnly.FromDayNumber(dayNumber));   // spans of centuries: computed, not kept
            days = new Day[64];
            for (int i = 0; i < days.Length; i++)
            {
                int n = (block << 6) + i;
                if (n >= DateOnly.MinValue.DayNumber && n <= DateOnly.MaxValue.DayNumber)
                    days[i] = ComputeDay(DateOnly.FromDayNumber(n));
                else
                    days[i] = new Day([], default, default, TimeSpan.Zero);
            }
            days = _days.GetOrAdd(block, days);
        }
        return days[dayNumber & 63];
    }

    // One day's opening intervals as instants, in the order of Openings; none on a holiday or a day without openings.
    private Day ComputeDay(DateOnly day)
    {
        if (Holidays.Contains(day))
            return new Day([], default, default, TimeSpan.Zero);
        List<(DateTimeOffset Open, DateTimeOffset Close)>? intervals = null;
        foreach (var o in Openings)
        {
            if (o.Day != day.DayOfWeek)
                continue;
            (intervals ??= []).Add((Instant(day, o.Opens), Instant(day, o.Closes)));
        }
        if (intervals is null)
            return new Day([], default, default, TimeSpan.Zero);
        DateTimeOffset firstOpen = intervals[0].Open, lastClose = intervals[0].Close;
        var open = TimeSpan.Zero;
        foreach (var (o, c) in intervals)
        {
            if (o < firstOpen) firstOpen = o;
            if (c > lastClose) lastClose = c;
            if (c > o) open += c - o;
        }
        return new Day([.. intervals], firstOpen, lastClose, open);
    }

    // A day's intervals, their earliest opening and latest closing instants, and the business time they hold whole.
    private readonly record struct Day((DateTimeOffset Open, DateTimeOffset Close)[] Intervals, DateTimeOffset FirstOpen, DateTimeOffset LastClose, TimeSpan Open);

    private DateOnly Local(DateTimeOffset instant) => CalendarMath.LocalDate(instant, TimeZone);

    private DateTimeOffset Instant(DateOnly day, TimeOnly time) => CalendarMath.Instant(day, time, TimeZone);
}
