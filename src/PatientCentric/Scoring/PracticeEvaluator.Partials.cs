using PatientCentric.Records;

namespace PatientCentric.Scoring;

public sealed partial class PracticeEvaluator
{
    /// <summary>Scores one shard of a practice's data into a partial evaluation: every combiner's accumulator per scope,
    /// scorer and role, the job scorers' population accumulators, the shard's patient cards and support plans, its reviews
    /// and loyalty-driver inputs, and the practice-level assessments (docs/scale.md#the-evaluation-in-pieces).</summary>
    /// <param name="shard">Some of the practice's patients with all their records, and any of its practice-level records,
    /// with the practice's whole configuration (time zone, calendar, survey items, service lines).</param>
    /// <param name="period">The measurement period; <see langword="null"/> uses the data's own period.</param>
    /// <param name="profile">The profile; <see langword="null"/> uses the one in force.</param>
    /// <param name="cancellationToken">Checked before each strategy runs on each scope and patient.</param>
    /// <returns>The partial evaluation of the shard.</returns>
    /// <exception cref="ArgumentException">The data's time zone is unknown, or neither <paramref name="period"/> nor the data states a period.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public EvaluationPartial Accumulate(PracticeDataSet shard, MeasurementPeriod? period = null, Profile? profile = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Merges the partial evaluations of two disjoint shards; the result does not depend on order or grouping.</summary>
    /// <param name="left">One partial; never changed.</param>
    /// <param name="right">The other; never changed.</param>
    /// <returns>A new partial holding both.</returns>
    /// <exception cref="Serialization.PatientCentricDataException">The partials cannot be merged: different practice
    /// configuration, period, profile or instant, a patient in both, differing practice-level assessments, or a scorer that
    /// is not a combiner (codes PC0124–PC0125; the message names what differs, never a record's value).</exception>
    public EvaluationPartial Merge(EvaluationPartial left, EvaluationPartial right) => throw new NotImplementedException();

    /// <summary>Finishes a partial evaluation into the evaluation of the shards it holds: exactly what
    /// <see cref="Evaluate(PracticeDataSet, MeasurementPeriod?, Profile?, CancellationToken)"/> gives on their union.</summary>
    /// <param name="partial">The partial; never changed.</param>
    /// <param name="cancellationToken">Checked before each scope is finished.</param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="Serialization.PatientCentricDataException">The primary-customer assessments do not give the
    /// configured strategy what it needs (code PC0112).</exception>
    public PracticeEvaluation Finish(EvaluationPartial partial, CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
