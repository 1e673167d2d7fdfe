using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Touchpoints;

/// <summary>A touchpoint scorer in the accumulate–merge–finish shape, seen without its accumulator's type: what the
/// framework calls to score a practice in shards and merge the partial results (docs/scale.md#the-accumulator-contract).
/// Hosts implement <see cref="ITouchpointCombiner{TAccumulator}"/>, which implements this interface for them.</summary>
/// <remarks>A scorer that implements only <see cref="ITouchpointScorer"/> is not mergeable: it is scored on the whole
/// data set of its scope in one call, never on a shard.</remarks>
public interface ITouchpointCombiner : ITouchpointScorer
{
    /// <summary>Creates an empty accumulator for the period, scope and role in <paramref name="context"/>.</summary>
    /// <param name="context">The context the accumulator will be finished in.</param>
    /// <returns>A new, empty accumulator.</returns>
    object CreateAccumulator(ScoringContext context);

    /// <summary>Adds one shard's records to <paramref name="accumulator"/>.</summary>
    /// <param name="accumulator">An accumulator from <see cref="CreateAccumulator"/>; it may be updated in place.</param>
    /// <param name="shard">Some of the practice's data (for example some patients' records), already narrowed to the scope.</param>
    /// <param name="context">The context the accumulator was created for.</param>
    /// <returns>The accumulator holding the shard; use it, not <paramref name="accumulator"/>, from then on.</returns>
    /// <exception cref="ArgumentException"><paramref name="accumulator"/> is not this combiner's.</exception>
    object Add(object accumulator, PracticeDataSet shard, ScoringContext context);

    /// <summary>Merges two accumulators of disjoint shards, in either order and any grouping.</summary>
    /// <param name="left">One accumulator; it may be updated in place.</param>
    /// <param name="right">The other; it is read, never kept.</param>
    /// <returns>The accumulator holding both; use it, not the arguments, from then on.</returns>
    /// <exception cref="ArgumentException">An accumulator is not this combiner's.</exception>
    object Merge(object left, object right);

    /// <summary>Finishes <paramref name="accumulator"/> into the cards <see cref="ITouchpointScorer.Score"/> gives on the
    /// union of the shards it holds.</summary>
    /// <param name="accumulator">The accumulator; it is read, never changed.</param>
    /// <param name="context">The context the accumulator was created for.</param>
    /// <returns>The cards, as <see cref="ITouchpointScorer.Score"/> describes them.</returns>
    /// <exception cref="ArgumentException"><paramref name="accumulator"/> is not this combiner's.</exception>
    ImmutableArray<ScoreCard> Finish(object accumulator, ScoringContext context);
}
