namespace PatientCentric.Scoring;

/// <summary>The local dates of instants already converted in one evaluation, by UTC ticks: appointments start on few
/// distinct instants (slots), so the zone's offset is looked up once per instant.
/// Exact: the conversion depends only on the instant and the zone. Bounded; past the bound, instants are converted.</summary>
internal sealed class LocalDayCache
{
    private const int Capacity = 1 << 17;
    private readonly Dictionary<long, DateOnly> _days = [];

    /// <summary>The local date of <paramref name="instant"/> in the context's time zone.</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="context">The context; every call on one cache must give the same time zone.</param>
    public DateOnly Of(DateTimeOffset instant, ScoringContext context)
    {
        long key = instant.UtcTicks;
        if (_days.TryGetValue(key, out var day))
            return day;
        day = context.LocalDate(instant);
        if (_days.Count < Capacity)
            _days.Add(key, day);
        return day;
    }
}
