using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Touchpoints;

/// <summary>A built-in combiner that adds a scope's records to per-period accumulators in one pass
/// (docs/spc.md#every-measure-over-time): each record goes to the accumulator of the period bucket holding the one date
/// the combiner tests it by, so that bucket's accumulator holds exactly what <see cref="ITouchpointCombiner.Add"/> in
/// that bucket's context would hold, and the merge of all of them what it holds in the whole period's context.</summary>
internal interface IPeriodRoutedCombiner : ITouchpointCombiner
{
    /// <summary>Adds the scope's records to the accumulators of their period buckets.</summary>
    /// <param name="accumulators">One accumulator per bucket, in bucket order, each from
    /// <see cref="ITouchpointCombiner.CreateAccumulator"/> in its bucket's context; updated in place.</param>
    /// <param name="shard">The scope's data.</param>
    /// <param name="context">The whole period's context (<see cref="PeriodBuckets.Whole"/>).</param>
    /// <param name="buckets">The period buckets.</param>
    void AddByPeriod(object[] accumulators, PracticeDataSet shard, ScoringContext context, PeriodBuckets buckets);
}

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
