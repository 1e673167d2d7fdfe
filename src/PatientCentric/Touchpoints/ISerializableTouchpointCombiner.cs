using System.Text.Json.Serialization.Metadata;

namespace PatientCentric.Touchpoints;

/// <summary>A host combiner whose accumulator can travel inside a serialized <see cref="Scoring.EvaluationPartial"/>: it
/// supplies the System.Text.Json type information (from the host's own source-generated context) that writes and reads
/// its accumulator (docs/scale.md#the-evaluation-in-pieces). Declared for the serialized partial, which is not implemented yet: the
/// evaluator does not read it today.</summary>
/// <typeparam name="TAccumulator">The accumulator: plain data whose every field the type information writes and reads back.</typeparam>
public interface ISerializableTouchpointCombiner<TAccumulator> : ITouchpointCombiner<TAccumulator>
    where TAccumulator : class
{
    /// <summary>Gets the type information that writes and reads the accumulator; reading what it wrote must give an
    /// accumulator that finishes and merges exactly as the original does.</summary>
    JsonTypeInfo<TAccumulator> AccumulatorTypeInfo { get; }
}
