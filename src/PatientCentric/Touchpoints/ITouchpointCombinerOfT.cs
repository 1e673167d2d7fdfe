using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Touchpoints;

/// <summary>A touchpoint scorer in the shape of Apache Beam's <c>CombineFn</c> and Spark's <c>Aggregator</c>: create an
/// empty accumulator, add shards of records, merge two accumulators, finish into score cards
/// (docs/scale.md#the-accumulator-contract). <see cref="ITouchpointScorer.Score"/> is
/// <c>Finish(Add(CreateAccumulator(context), data, context), context)</c>, so a combiner is a scorer.</summary>
/// <typeparam name="TAccumulator">The partial result: plain data (counts, histograms, sorted value lists) with no
/// reference to a record, so it can be kept per period, sent to another process and merged there.</typeparam>
/// <remarks>
/// <para>The contract, for any split of a data set's records into shards, merged in any grouping and order: finishing
/// the merge gives exactly the cards of one pass over the whole data set, byte for byte once serialized. Nothing is
/// approximated: order statistics keep every value (or whole-unit counts per value); counts add; exclusion reason codes
/// are listed in a canonical order, never in the order records happened to arrive.</para>
/// <para>The combiner itself stays a pure, thread-safe singleton; an accumulator belongs to one thread at a time.</para>
/// </remarks>
public interface ITouchpointCombiner<TAccumulator> : ITouchpointCombiner
    where TAccumulator : class
{
    /// <summary>Creates an empty accumulator for the period, scope and role in <paramref name="context"/>.</summary>
    /// <param name="context">The context the accumulator will be finished in.</param>
    /// <returns>A new, empty accumulator.</returns>
    new TAccumulator CreateAccumulator(ScoringContext context);

    /// <summary>Adds one shard's records to <paramref name="accumulator"/>.</summary>
    /// <param name="accumulator">An accumulator from <see cref="CreateAccumulator"/>; it may be updated in place.</param>
    /// <param name="shard">Some of the practice's data (for example some patients' records), already narrowed to the scope.</param>
    /// <param name="context">The context the accumulator was created for.</param>
    /// <returns>The accumulator holding the shard; use it, not <paramref name="accumulator"/>, from then on.</returns>
    TAccumulator Add(TAccumulator accumulator, PracticeDataSet shard, ScoringContext context);

    /// <summary>Merges two accumulators of disjoint shards; the result must not depend on order or grouping.</summary>
    /// <param name="left">One accumulator; it may be updated in place.</param>
    /// <param name="right">The other; it is read, never kept.</param>
    /// <returns>The accumulator holding both; use it, not the arguments, from then on.</returns>
    TAccumulator Merge(TAccumulator left, TAccumulator right);

    /// <summary>Finishes <paramref name="accumulator"/> into the cards <see cref="ITouchpointScorer.Score"/> gives on the
    /// union of the shards it holds.</summary>
    /// <param name="accumulator">The accumulator; it is read, never changed.</param>
    /// <param name="context">The context the accumulator was created for.</param>
    /// <returns>The cards, as <see cref="ITouchpointScorer.Score"/> describes them.</returns>
    ImmutableArray<ScoreCard> Finish(TAccumulator accumulator, ScoringContext context);

    /// <inheritdoc/>
    ImmutableArray<ScoreCard> ITouchpointScorer.Score(PracticeDataSet data, ScoringContext context) =>
        Finish(Add(CreateAccumulator(context), data, context), context);

    /// <inheritdoc/>
    object ITouchpointCombiner.CreateAccumulator(ScoringContext context) => CreateAccumulator(context);

    /// <inheritdoc/>
    object ITouchpointCombiner.Add(object accumulator, PracticeDataSet shard, ScoringContext context) =>
        Add(Own(accumulator, nameof(accumulator)), shard, context);

    /// <inheritdoc/>
    object ITouchpointCombiner.Merge(object left, object right) => Merge(Own(left, nameof(left)), Own(right, nameof(right)));

    /// <inheritdoc/>
    ImmutableArray<ScoreCard> ITouchpointCombiner.Finish(object accumulator, ScoringContext context) =>
        Finish(Own(accumulator, nameof(accumulator)), context);

    private static TAccumulator Own(object accumulator, string parameter) =>
        accumulator as TAccumulator ?? throw new ArgumentException(
            $"The accumulator is a {accumulator?.GetType().Name ?? "null"}, not this combiner's {typeof(TAccumulator).Name}.", parameter);
}
