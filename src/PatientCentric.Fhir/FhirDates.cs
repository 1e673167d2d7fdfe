namespace PatientCentric.Fhir;

/// <summary>How precise a FHIR <c>date</c>/<c>dateTime</c>/<c>instant</c> literal is.</summary>
internal enum FhirDatePrecision
{
    /// <summary><c>YYYY</c>.</summary>
    Year,

    /// <summary><c>YYYY-MM</c>.</summary>
    Month,

    /// <summary><c>YYYY-MM-DD</c>.</summary>
    Day,

    /// <summary><c>YYYY-MM-DDThh:mm:ss[.s…](Z|±hh:mm)</c>: an instant.</summary>
    Time,
}

/// <summary>The one check of FHIR R4 date literals (https://hl7.org/fhir/R4/datatypes.html): the <c>date</c>,
/// <c>dateTime</c> and <c>instant</c> regular expressions, plus the calendar (no 2025-02-30) and the range the library
/// can hold. Both parsers hand the mapping the raw literal and the mapping asks here, so a value is read the same way
/// on either path.</summary>
/// <remarks>Accepted: a year 0001–9999 (<c>0000</c> is not a FHIR year), a month 01–12, a day that exists in that
/// month, hours 00–23, minutes 00–59, seconds 00–60 (a leap second, taken as the next minute's start), any number of
/// fraction digits (the first seven kept: .NET ticks), and with a time an offset of <c>Z</c> or ±hh:mm up to ±14:00
/// (hours 00–13 with any minutes, or 14:00). A time without an offset is not a FHIR dateTime ("if hours and minutes are
/// specified, a time zone SHALL be populated"). An <c>instant</c> must have the time. Out of range for the library: an
/// instant less than a day from 0001-01-01T00:00Z or from the end of 9999, where converting it to a practice's local
/// date could leave the calendar .NET can represent.</remarks>
internal static class FhirDates
{
    private static readonly long MinUtcTicks = TimeSpan.TicksPerDay;
    private static readonly long MaxUtcTicks = DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay;

    /// <summary>Parses a literal of a FHIR <c>instant</c> (<paramref name="instant"/> true: the full form only) or
    /// <c>date</c>/<c>dateTime</c> (false: <c>YYYY</c>, <c>YYYY-MM</c>, <c>YYYY-MM-DD</c> or the full form).</summary>
    /// <param name="s">The literal.</param>
    /// <param name="instant">Whether the element is an <c>instant</c>.</param>
    /// <param name="precision">What the literal gives.</param>
    /// <param name="date">The (first) calendar date it names, as written (no time-zone conversion).</param>
    /// <param name="time">For <see cref="FhirDatePrecision.Time"/>, the instant with its offset; else default.</param>
    /// <returns>False for anything the R4 regular expressions reject, a date that does not exist, or an instant out of range.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, bool instant, out FhirDatePrecision precision, out DateOnly date, out DateTimeOffset time)
    {
        precision = default;
        date = default;
        time = default;
        if (s.Length < 4 || !Digits(s, 0, 4, out int year) || year == 0) return false;
        if (s.Length == 4) { precision = FhirDatePrecision.Year; date = new DateOnly(year, 1, 1); return !instant; }
        if (s.Length < 7 || s[4] != '-' || !Digits(s, 5, 2, out int month) || month is < 1 or > 12) return false;
        if (s.Length == 7) { precision = FhirDatePrecision.Month; date = new DateOnly(year, month, 1); return !instant; }
        if (s.Length < 10 || s[7] != '-' || !Digits(s, 8, 2, out int day) || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        if (s.Length == 10) { precision = FhirDatePrecision.Day; return !instant && InRange(date.DayNumber * TimeSpan.TicksPerDay); }

        // The time: THH:mm:ss, an optional fraction, then Z or ±hh:mm.
        if (s.Length < 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':'
            || !Digits(s, 11, 2, out int hour) || hour > 23 || !Digits(s, 14, 2, out int minute) || minute > 59
            || !Digits(s, 17, 2, out int second) || second > 60) return false;
        int i = 19;
        long fractionTicks = 0;
        if (s[i] == '.')
        {
            int start = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            if (i == start) return false;
            for (int k = start; k < start + 7; k++) fractionTicks = fractionTicks * 10 + (k < i ? s[k] - '0' : 0);
        }
        TimeSpan offset;
        if (i == s.Length - 1 && s[i] == 'Z') offset = TimeSpan.Zero;
        else if (i == s.Length - 6 && s[i] is '+' or '-' && s[i + 3] == ':' && Digits(s, i + 1, 2, out int oh) && Digits(s, i + 4, 2, out int om)
                 && ((oh <= 13 && om <= 59) || (oh == 14 && om == 0)))
            offset = new TimeSpan(s[i] == '-' ? -oh : oh, s[i] == '-' ? -om : om, 0);
        else return false;
        // A leap second (ss = 60) is the next minute's start.
        long localTicks = date.DayNumber * TimeSpan.TicksPerDay + hour * TimeSpan.TicksPerHour + minute * TimeSpan.TicksPerMinute
                          + second * TimeSpan.TicksPerSecond + fractionTicks;
        if (!InRange(localTicks - offset.Ticks) || !InRange(localTicks)) return false;
        precision = FhirDatePrecision.Time;
        time = new DateTimeOffset(localTicks, offset);
        return true;
    }

    private static bool InRange(long ticks) => ticks >= MinUtcTicks && ticks <= MaxUtcTicks;

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (int k = start; k < start + count; k++)
        {
            char c = s[k];
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
