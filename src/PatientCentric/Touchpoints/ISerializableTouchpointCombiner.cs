using System.Text.Json.Serialization.Metadata;

namespace PatientCentric.Touchpoints;

/// <summary>A host combiner whose accumulator can travel inside a serialized <see cref="Scoring.EvaluationPartial"/>: it
/// supplies the System.Text.Json type information (from the host's own source-generated context) that writes and reads
/// its accumulator (docs/extending.md#a-combiner-that-scales-out). Without it, <see cref="Scoring.EvaluationPartial.WriteTo"/>
/// refuses a partial holding the scorer's accumulator, naming the scorer.</summary>
/// <typeparam name="TAccumulator">The accumulator: plain data whose every field the type information writes and reads back.</typeparam>
public interface ISerializableTouchpointCombiner<TAccumulator> : ITouchpointCombiner<TAccumulator>
    where TAccumulator : class
{
    /// <summary>Gets the type information that writes and reads the accumulator; reading what it wrote must give an
    /// accumulator that finishes and merges exactly as the original does.</summary>
    JsonTypeInfo<TAccumulator> AccumulatorTypeInfo { get; }
}
