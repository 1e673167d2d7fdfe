namespace PatientCentric.Scoring;

/// <summary>A partial evaluation: what <see cref="PracticeEvaluator.Accumulate"/> gathers from one shard of a practice's
/// data (some patients with all their records, and any of the practice-level records), ready to be merged with other
/// shards' partials (<see cref="PracticeEvaluator.Merge"/>) and finished into the evaluation of their union
/// (<see cref="PracticeEvaluator.Finish"/>). Opaque: its state is plain data (counts, histograms, sorted value lists,
/// per-patient cards), carried between processes with <see cref="WriteTo"/> and <see cref="ReadFrom"/>
/// (docs/scale.md#the-evaluation-in-pieces).</summary>
/// <remarks>Immutable once made: merging gives a new partial and never changes its arguments. Thread-safe to read.</remarks>
public sealed partial class EvaluationPartial
{
    internal EvaluationPartial(PartialState state) => State = state;

    internal PartialState State { get; }

    /// <summary>Writes the partial as UTF-8 JSON in the versioned schema <c>patientcentric.partial</c>, version 1: the
    /// header (<c>"schema"</c>, then <c>"version"</c>) first, then the body (docs/scale.md#the-serialized-partial). Doubles
    /// are written in their shortest round-trip form, so reading gives back exactly the same numbers.</summary>
    /// <param name="stream">A writable stream; left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="NotSupportedException">The partial holds the accumulator of a host combiner that does not
    /// implement <see cref="Touchpoints.ISerializableTouchpointCombiner{TAccumulator}"/>; the message names its scorer key.</exception>
    /// <remarks>A partial holds patient keys and review texts, like the data it came from: store and send it as such.</remarks>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Serialization.PartialSerializer.Write(State, stream);
    }

    /// <summary>Reads a partial that <see cref="WriteTo"/> wrote. The header is checked first: a stream that is not a
    /// partial, or a partial of another version, is refused before its body is read.</summary>
    /// <param name="stream">A readable stream, read to its end; left open.</param>
    /// <returns>The partial. A host combiner's accumulator in it is read by <see cref="PracticeEvaluator.Merge"/> or
    /// <see cref="PracticeEvaluator.Finish"/>, with the combiner registered under its scorer key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="Serialization.PatientCentricDataException">The stream cannot be read as a partial: empty, not JSON
    /// or truncated (PC0120), not a partial (PC0121), another version (PC0122), or a field missing, of the wrong type or
    /// holding what no partial can, such as a negative count (PC0123); the error names the JSON path, never a value.</exception>
    public static EvaluationPartial ReadFrom(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new EvaluationPartial(Serialization.PartialSerializer.Read(stream));
    }
}
