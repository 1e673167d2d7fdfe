using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Touchpoints;

/// <summary>Where a record goes: the helpers every <see cref="IPeriodRoutedCombiner"/> shares, so its
/// <see cref="ITouchpointCombiner.Add"/> and <see cref="IPeriodRoutedCombiner.AddByPeriod"/> are one loop.</summary>
internal static class PeriodRouting
{
    /// <summary>The accumulator index of a record dated <paramref name="day"/>: -1 outside the context's period; with
    /// <paramref name="buckets"/>, the bucket holding the day, else 0.</summary>
    public static int Of(DateOnly day, ScoringContext context, PeriodBuckets? buckets) => Of(day, context.Period, buckets);

    /// <summary>The accumulator index of a record dated <paramref name="day"/>: -1 outside <paramref name="period"/>; with
    /// <paramref name="buckets"/> (of that period), the bucket holding the day, else 0.</summary>
    public static int Of(DateOnly day, MeasurementPeriod period, PeriodBuckets? buckets) =>
        !period.Contains(day) ? -1 : buckets is null ? 0 : buckets.IndexOf(day);

    /// <summary>The accumulator index of a visit (a kept appointment) by the local date of its start: -1 for an appointment
    /// that was not kept or starts outside the context's period. The visits are what every waiting-room and follow-up
    /// measure reads.</summary>
    public static int OfVisit(Appointment appointment, ScoringContext context, PeriodBuckets? buckets) =>
        appointment.Outcome != AppointmentOutcome.Kept ? -1 : Of(context.LocalDate(appointment.Start), context, buckets);

    /// <summary>Adds one shard's records in one accumulator's period: the whole of a routed combiner's
    /// <see cref="ITouchpointCombiner{TAccumulator}.Add"/>.</summary>
    /// <param name="accumulator">The accumulator; updated in place.</param>
    /// <param name="shard">The shard, narrowed to the scope.</param>
    /// <param name="context">The context the accumulator was created for.</param>
    /// <param name="addTo">The combiner's one loop.</param>
    /// <returns><paramref name="accumulator"/>.</returns>
    public static T Add<T>(T accumulator, PracticeDataSet shard, ScoringContext context, AddTo<T> addTo) where T : class
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        ArgumentNullException.ThrowIfNull(shard);
        ArgumentNullException.ThrowIfNull(context);
        addTo([accumulator], shard, context, null);
        return accumulator;
    }

    /// <summary>Adds the scope's records to the accumulators of their period buckets: the whole of a routed combiner's
    /// <see cref="IPeriodRoutedCombiner.AddByPeriod"/>, with the accumulators checked (<see cref="Own{T}"/>).</summary>
    /// <param name="accumulators">One accumulator per bucket, in bucket order.</param>
    /// <param name="shard">The scope's data.</param>
    /// <param name="context">The whole period's context.</param>
    /// <param name="buckets">The period buckets.</param>
    /// <param name="addTo">The combiner's one loop.</param>
    public static void AddByPeriod<T>(object[] accumulators, PracticeDataSet shard, ScoringContext context, PeriodBuckets buckets, AddTo<T> addTo)
        where T : class =>
        addTo(Own<T>(accumulators, shard, context, buckets), shard, context, buckets);

    /// <summary>The accumulators as the combiner's own type, checked.</summary>
    /// <exception cref="ArgumentException">An accumulator is not of type <typeparamref name="T"/>.</exception>
    public static T[] Own<T>(object[] accumulators, PracticeDataSet shard, ScoringContext context, PeriodBuckets buckets) where T : class
    {
        ArgumentNullException.ThrowIfNull(accumulators);
        ArgumentNullException.ThrowIfNull(shard);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(buckets);
        if (accumulators.Length != buckets.Count)
            throw new ArgumentException($"{accumulators.Length} accumulators for {buckets.Count} period buckets.", nameof(accumulators));
        if (context.Period != buckets.Whole)
            throw new ArgumentException("The context's period is not the buckets' whole period.", nameof(context));
        var own = new T[accumulators.Length];
        for (int i = 0; i < own.Length; i++)
            own[i] = accumulators[i] as T ?? throw new ArgumentException($"Accumulator {i} is not a {typeof(T).Name}.", nameof(accumulators));
        return own;
    }
}

/// <summary>A routed combiner's one loop: adds the shard's records in the context's period to the accumulator of each
/// record's bucket (<see cref="PeriodRouting.Of(DateOnly, ScoringContext, PeriodBuckets?)"/>).</summary>
/// <typeparam name="T">The accumulator's type.</typeparam>
/// <param name="accumulators">One accumulator per bucket, or one without buckets.</param>
/// <param name="shard">The shard, narrowed to the scope.</param>
/// <param name="context">The (whole) period's context.</param>
/// <param name="buckets">The period buckets, or <see langword="null"/> for the period as one.</param>
internal delegate void AddTo<in T>(T[] accumulators, PracticeDataSet shard, ScoringContext context, PeriodBuckets? buckets) where T : class;
