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

    /// <summary>Writes the partial as versioned JSON (schema <c>patientcentric.partial</c>, version 1) to <paramref name="stream"/>.
    /// Declared for engines that carry partials between processes; not implemented yet.</summary>
    /// <param name="stream">A writable stream; left open.</param>
    /// <exception cref="NotImplementedException">Always, for now (docs/scale.md#the-evaluation-in-pieces).</exception>
    public void WriteTo(Stream stream) => throw new NotImplementedException();

    /// <summary>Reads a partial that <see cref="WriteTo"/> wrote. Declared for engines that carry partials between
    /// processes; not implemented yet.</summary>
    /// <param name="stream">A readable stream; left open.</param>
    /// <returns>The partial.</returns>
    /// <exception cref="NotImplementedException">Always, for now (docs/scale.md#the-evaluation-in-pieces).</exception>
    public static EvaluationPartial ReadFrom(Stream stream) => throw new NotImplementedException();
}
