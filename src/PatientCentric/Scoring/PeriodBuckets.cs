using System.Collections.Immutable;

namespace PatientCentric.Scoring;

/// <summary>The measurement period cut into weeks (ISO 8601, Monday to Sunday), months or quarters of local dates, each
/// clipped to the period; a bucket the clipping cuts short is partial (docs/spc.md#every-measure-over-time).</summary>
internal sealed class PeriodBuckets
{
    private readonly PeriodGrain _grain;
    private readonly int _firstIndex;

    private PeriodBuckets(MeasurementPeriod period, PeriodGrain grain, ImmutableArray<MeasurementPeriod> periods, ImmutableArray<bool> partial)
    {
        Whole = period;
        _grain = grain;
        Periods = periods;
        IsPartial = partial;
        _firstIndex = Ordinal(period.Start);
        _bucketOfDay = BucketOfDay();
    }

    /// <summary>Gets the whole measurement period.</summary>
    public MeasurementPeriod Whole { get; }

    /// <summary>Gets the buckets in time order, clipped to <see cref="Whole"/>.</summary>
    public ImmutableArray<MeasurementPeriod> Periods { get; }

    /// <summary>Gets, per bucket, whether the clipping cut it short.</summary>
    public ImmutableArray<bool> IsPartial { get; }

    /// <summary>Gets the number of buckets (at least 1).</summary>
    public int Count => Periods.Length;

    /// <summary>Cuts <paramref name="period"/> into buckets of <paramref name="grain"/>.</summary>
    public static PeriodBuckets Create(MeasurementPeriod period, PeriodGrain grain)
    {
        if (!Enum.IsDefined(grain))
            throw new ArgumentOutOfRangeException(nameof(grain), grain, "The period grain is not defined.");
        var periods = ImmutableArray.CreateBuilder<MeasurementPeriod>();
        var partial = ImmutableArray.CreateBuilder<bool>();
        DateOnly start = period.Start;
        while (true)
        {
            DateOnly natural = Floor(start, grain);
            long naturalEnd = End(natural, grain);   // a day number, past the calendar's last day for its last week
            DateOnly end = naturalEnd < period.End.DayNumber ? DateOnly.FromDayNumber((int)naturalEnd) : period.End;
            periods.Add(new MeasurementPeriod(start, end));
            partial.Add(natural < start || naturalEnd > period.End.DayNumber);
            if (end == period.End)
                break;
            start = end.AddDays(1);
        }
        return new PeriodBuckets(period, grain, periods.ToImmutable(), partial.ToImmutable());
    }

    /// <summary>The bucket holding <paramref name="date"/>; a date before the period gives the first bucket and one after
    /// it the last, so records outside the period still reach a bucket (where the scorers' own period test skips them).</summary>
    public int IndexOf(DateOnly date)
    {
        if (date <= Whole.Start)
            return 0;
        if (date >= Whole.End)
            return Count - 1;
        return _bucketOfDay.Length == 0 ? Ordinal(date) - _firstIndex : _bucketOfDay[date.DayNumber - Whole.Start.DayNumber];
    }

    // Each day's bucket, for periods up to about 270 years; longer ones compute it per call. Every scorer routes every record
    // by it, so a table lookup instead of a year and month computation per record and scorer (docs/performance.md).
    private readonly ushort[] _bucketOfDay;

    private ushort[] BucketOfDay()
    {
        int days = Whole.End.DayNumber - Whole.Start.DayNumber + 1;
        if (days > 100_000 || Count > ushort.MaxValue)
            return [];
        var byDay = new ushort[days];
        for (int b = 0; b < Count; b++)
        {
            for (int d = Periods[b].Start.DayNumber; d <= Periods[b].End.DayNumber; d++)
                byDay[d - Whole.Start.DayNumber] = (ushort)b;
        }
        return byDay;
    }

    // A running number of the natural week, month or quarter holding the date.
    private int Ordinal(DateOnly date) => _grain switch
    {
        PeriodGrain.Week => Floor(date, PeriodGrain.Week).DayNumber / 7,
        PeriodGrain.Month => (date.Year * 12) + date.Month - 1,
        _ => ((date.Year * 12) + date.Month - 1) / 3,
    };

    // The first day of the natural bucket holding the date: the ISO week's Monday, the month's or the quarter's first day.
    private static DateOnly Floor(DateOnly date, PeriodGrain grain) => grain switch
    {
        PeriodGrain.Week => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),   // 0001-01-01 is a Monday, so this never underflows
        PeriodGrain.Month => new DateOnly(date.Year, date.Month, 1),
        _ => new DateOnly(date.Year, (((date.Month - 1) / 3) * 3) + 1, 1),
    };

    // The day number of the last day of the natural bucket starting on a floor date; for the calendar's last ISO week it
    // lies past the last representable date.
    private static long End(DateOnly floor, PeriodGrain grain)
    {
        switch (grain)
        {
            case PeriodGrain.Week:
                return floor.DayNumber + 6L;
            case PeriodGrain.Month:
                return new DateOnly(floor.Year, floor.Month, DateTime.DaysInMonth(floor.Year, floor.Month)).DayNumber;
            default:
                int last = floor.Month + 2;
                return new DateOnly(floor.Year, last, DateTime.DaysInMonth(floor.Year, last)).DayNumber;
        }
    }
}
