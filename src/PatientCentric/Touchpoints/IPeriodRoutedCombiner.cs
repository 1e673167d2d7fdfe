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
