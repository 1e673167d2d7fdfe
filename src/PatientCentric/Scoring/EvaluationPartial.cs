namespace PatientCentric.Scoring;

/// <summary>A partial evaluation: what <see cref="PracticeEvaluator.Accumulate"/> gathers from one shard of a practice's
/// data (some patients with all their records, and any of the practice-level records), ready to be merged with other
/// shards' partials (<see cref="PracticeEvaluator.Merge"/>) and finished into the evaluation of their union
/// (<see cref="PracticeEvaluator.Finish(EvaluationPartial, CancellationToken)"/>). Opaque: its state is plain data (counts, histograms, sorted value lists,
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
    /// <see cref="PracticeEvaluator.Finish(EvaluationPartial, CancellationToken)"/>, with the combiner registered under its scorer key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="Serialization.PatientCentricDataException">The stream cannot be read as a partial: empty, not JSON
    /// or truncated (PC0120), not a partial (PC0121), another version (PC0122), or a field missing, of the wrong type or
    /// holding what no partial can, such as a negative count (PC0123); the error names the JSON path, never a value.</exception>
    public static EvaluationPartial ReadFrom(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new EvaluationPartial(Serialization.PartialSerializer.Read(stream));
    }

    /// <summary>Gets how many patients' outputs (patient cards and support plan) the partial holds.</summary>
    /// <value>0 or more; 0 for a partial made by <see cref="WithoutPatients"/>, or of a shard without patients.</value>
    public int PatientCount => State.Patients.Length;

    /// <summary>Returns this partial without its per-patient outputs: the same population state (accumulators, reviews,
    /// survey rows, practice-level records), so that merging and finishing give the same cards, series and funnels, but
    /// <see cref="PracticeEvaluation.PatientCards"/> and <see cref="PracticeEvaluation.SupportPlans"/> empty. With
    /// <see cref="WritePatientsTo"/> and <see cref="ReadPatients"/>, the per-patient outputs of a large practice go to
    /// storage while the merged partial stays bounded (docs/scale.md#per-patient-outputs-on-disk).</summary>
    /// <returns>A new partial; this one is not changed.</returns>
    /// <remarks><see cref="PracticeEvaluator.Merge"/> can no longer see a patient in both of two such partials: the caller
    /// splits the data by patient.</remarks>
    public EvaluationPartial WithoutPatients() => new(State.WithPatients([]));

    /// <summary>Writes the partial's per-patient outputs as UTF-8 NDJSON: one line per patient, in the canonical patient
    /// order of the evaluation's outputs, each line the patient's place in that order, cards and support plan
    /// (docs/scale.md#per-patient-outputs-on-disk). Doubles are written in their shortest round-trip form.</summary>
    /// <param name="stream">A writable stream; left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <remarks>The lines hold patient keys: store them as the data they came from.</remarks>
    public void WritePatientsTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Serialization.PartialSerializer.WritePatients(State.Patients, stream);
    }

    /// <summary>Reads the per-patient outputs that <see cref="WritePatientsTo"/> wrote for partials of disjoint shards,
    /// merged into the canonical patient order: exactly the order of <see cref="PracticeEvaluation.PatientCards"/> and
    /// <see cref="PracticeEvaluation.SupportPlans"/> when the partials are merged and finished with their patients. Reads
    /// one line of each stream at a time, lazily, as the result is enumerated.</summary>
    /// <param name="streams">One readable stream per partial, each read to its end once; left open.</param>
    /// <returns>The patients' outputs, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="streams"/> or one of them is <see langword="null"/>.</exception>
    /// <exception cref="Serialization.PatientCentricDataException">A line cannot be read as a patient's outputs (code
    /// PC0123; the error names the line, never a value).</exception>
    public static IEnumerable<PatientResult> ReadPatients(IReadOnlyList<Stream> streams)
    {
        ArgumentNullException.ThrowIfNull(streams);
        foreach (var s in streams)
            ArgumentNullException.ThrowIfNull(s, nameof(streams));
        return Serialization.PartialSerializer.ReadPatients(streams);
    }

    /// <summary>Gets how many coded survey returns behind the loyalty drivers the partial holds.</summary>
    /// <value>0 or more; 0 for a partial made by <see cref="WithoutSurveyRows"/>.</value>
    public int SurveyRowCount => State.SurveyRows.Length;

    /// <summary>Returns this partial without its coded survey rows (one per survey return in the period, behind
    /// <see cref="PracticeEvaluation.LoyaltyDrivers"/>): the same state otherwise. Written with <see cref="WriteSurveyRowsTo"/>
    /// and given back to <see cref="PracticeEvaluator.Finish(EvaluationPartial, IReadOnlyList{Stream}, CancellationToken)"/>,
    /// the rows of a large practice stay in storage while the merged partial stays bounded
    /// (docs/scale.md#per-patient-outputs-on-disk).</summary>
    /// <returns>A new partial; this one is not changed.</returns>
    public EvaluationPartial WithoutSurveyRows() => new(State.WithSurveyRows([]));

    /// <summary>Writes the partial's coded survey rows as UTF-8 NDJSON: one line per survey return, in the canonical order
    /// (returned on, then identifier), each line the return's date, identifier and coded answers.</summary>
    /// <param name="stream">A writable stream; left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <remarks>The lines hold survey return identifiers: store them as the data they came from.</remarks>
    public void WriteSurveyRowsTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Serialization.PartialSerializer.WriteSurveyRows(State.SurveyRows, stream);
    }
}
