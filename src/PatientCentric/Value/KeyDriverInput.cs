using System.Collections.Immutable;

namespace PatientCentric.Value;

/// <summary>The correlations key-driver analysis rests on, already checked: the outcome, the predictors kept, the predictor
/// correlation matrix <c>R_xx</c> (positive definite) with its eigen-decomposition, and the validities <c>r_xy</c> (docs/key-drivers.md).</summary>
/// <remarks>Immutable and thread-safe; build it once with <see cref="KeyDriverAnalysis.FromRows"/> or
/// <see cref="KeyDriverAnalysis.FromCorrelations"/> and run both <see cref="KeyDriverAnalysis.RelativeWeights"/> and
/// <see cref="KeyDriverAnalysis.Dominance"/> on it.</remarks>
public sealed class KeyDriverInput
{
    internal KeyDriverInput(string outcome, ImmutableArray<string> predictors, ImmutableArray<string> droppedPredictors,
                            long? respondentCount, long deletedRowCount, double[] rxx, double[] rxy, double[] eigenvalues, double[] eigenvectors)
    {
        Outcome = outcome;
        Predictors = predictors;
        DroppedPredictors = droppedPredictors;
        RespondentCount = respondentCount;
        DeletedRowCount = deletedRowCount;
        Rxx = rxx;
        Rxy = rxy;
        Eigenvalues = eigenvalues;
        Eigenvectors = eigenvectors;
    }

    /// <summary>Gets the outcome's name.</summary>
    public string Outcome { get; }

    /// <summary>Gets the predictors analysed, in the order requested, without those dropped.</summary>
    public ImmutableArray<string> Predictors { get; }

    /// <summary>Gets the predictors dropped because they have zero variance among the complete rows (a note, not an error).</summary>
    public ImmutableArray<string> DroppedPredictors { get; }

    /// <summary>Gets n, the complete respondent rows the correlations rest on; <see langword="null"/> when a correlation matrix was given.</summary>
    public long? RespondentCount { get; }

    /// <summary>Gets the rows deleted listwise because the outcome or a predictor was missing; 0 for a correlation matrix.</summary>
    public long DeletedRowCount { get; }

    internal double[] Rxx { get; }

    internal double[] Rxy { get; }

    internal double[] Eigenvalues { get; }

    internal double[] Eigenvectors { get; }

    /// <summary>Gets whether n reaches the rule-of-thumb minimum of key-driver analysis, <c>max(50, 10·p)</c> complete
    /// respondents (docs/measures.md#conventions); <see langword="null"/> when a correlation matrix was given.</summary>
    public bool? MeetsMinimumEvidence => RespondentCount is { } n ? n >= Math.Max(50, 10L * Predictors.Length) : null;
}
