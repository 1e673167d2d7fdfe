using System.Collections.Immutable;

namespace PatientCentric.Value;

/// <summary>Johnson's (2000) relative weights of the predictors of one outcome (docs/key-drivers.md).</summary>
/// <param name="RespondentCount">n, the complete rows used; <see langword="null"/> for a correlation matrix.</param>
/// <param name="RSquared">R² of the full regression, 0 to 1; equals the sum of the raw weights.</param>
/// <param name="Weights">One weight per predictor analysed, in the order requested.</param>
/// <param name="DroppedPredictors">Predictors dropped for zero variance.</param>
/// <param name="DeletedRowCount">Rows deleted listwise for a missing value.</param>
public sealed record RelativeWeightsResult(long? RespondentCount, double RSquared, ImmutableArray<RelativeWeight> Weights,
                                           ImmutableArray<string> DroppedPredictors, long DeletedRowCount)
{
    /// <summary>The method's stable key, printed with every result: <c>"relative-weights"</c>.</summary>
    public const string Method = "relative-weights";
}
