using System.Text.Json.Serialization.Metadata;

namespace PatientCentric.Touchpoints;

/// <summary>A combiner whose accumulator can be serialized, seen without its accumulator's type: what the framework
/// calls to write and read the accumulator of a host combiner in a serialized <see cref="Scoring.EvaluationPartial"/>
/// (docs/scale.md#the-serialized-partial). Hosts implement <see cref="ISerializableTouchpointCombiner{TAccumulator}"/>,
/// which implements this interface for them.</summary>
public interface ISerializableTouchpointCombiner : ITouchpointCombiner
{
    /// <summary>Gets the type information that writes and reads the accumulator, whose type is
    /// <see cref="JsonTypeInfo.Type"/>.</summary>
    JsonTypeInfo AccumulatorTypeInfo { get; }
}
