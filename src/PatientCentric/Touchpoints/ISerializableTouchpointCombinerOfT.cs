using System.Text.Json.Serialization.Metadata;

namespace PatientCentric.Touchpoints;

/// <summary>A host combiner whose accumulator can travel inside a serialized <see cref="Scoring.EvaluationPartial"/>: it
/// supplies the System.Text.Json type information (from the host's own source-generated context) that writes and reads
/// its accumulator (docs/scale.md#the-serialized-partial; docs/extending.md shows one end to end).</summary>
/// <typeparam name="TAccumulator">The accumulator: plain data whose every field the type information writes and reads back.</typeparam>
/// <remarks><see cref="Scoring.EvaluationPartial.WriteTo"/> writes the accumulator with <see cref="AccumulatorTypeInfo"/>
/// under the scorer's key; <see cref="Scoring.PracticeEvaluator.Merge"/> and <see cref="Scoring.PracticeEvaluator.Finish(Scoring.EvaluationPartial, System.Threading.CancellationToken)"/>
/// read it back with the type information of the combiner registered under that key. A combiner that does not implement
/// this interface keeps working in one process, but <see cref="Scoring.EvaluationPartial.WriteTo"/> refuses a partial that
/// holds its accumulator.</remarks>
public interface ISerializableTouchpointCombiner<TAccumulator> : ITouchpointCombiner<TAccumulator>, ISerializableTouchpointCombiner
    where TAccumulator : class
{
    /// <summary>Gets the type information that writes and reads the accumulator; reading what it wrote must give an
    /// accumulator that finishes and merges exactly as the original does.</summary>
    new JsonTypeInfo<TAccumulator> AccumulatorTypeInfo { get; }

    /// <inheritdoc/>
    JsonTypeInfo ISerializableTouchpointCombiner.AccumulatorTypeInfo => AccumulatorTypeInfo;
}
