using System.Collections.Immutable;
using System.Globalization;

namespace PatientCentric.Value;

/// <summary>A Pearson correlation matrix of named variables, given instead of raw rows to key-driver analysis (docs/key-drivers.md).</summary>
/// <remarks>Immutable. Validated on construction: square, finite, unit diagonal, symmetric and within −1..1, each to within
/// <see cref="Tolerance"/>. Positive (semi-)definiteness is checked by <see cref="KeyDriverAnalysis.FromCorrelations"/>.</remarks>
public sealed record CorrelationMatrix
{
    /// <summary>The absolute tolerance for the unit diagonal, symmetry and the −1..1 range: 1e−9 (docs/measures.md#conventions, tie tolerance).</summary>
    public const double Tolerance = 1e-9;

    /// <summary>Initializes a correlation matrix.</summary>
    /// <param name="variables">The k distinct, non-empty variable names, in the matrix's order.</param>
    /// <param name="values">The k×k correlations, row-major.</param>
    /// <exception cref="ArgumentException">A name is empty or repeated, the size is not k×k, or an entry breaks a rule; the
    /// message names the entry as <c>[row, column]</c>.</exception>
    public CorrelationMatrix(ImmutableArray<string> variables, ImmutableArray<double> values)
    {
        if (variables.IsDefaultOrEmpty)
            throw new ArgumentException("At least one variable is needed.", nameof(variables));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string v in variables)
        {
            if (string.IsNullOrWhiteSpace(v))
                throw new ArgumentException("Variable names must be non-empty.", nameof(variables));
            if (!seen.Add(v))
                throw new ArgumentException($"The variable \"{v}\" is listed twice.", nameof(variables));
        }
        int k = variables.Length;
        if (values.IsDefault || values.Length != k * k)
            throw new ArgumentException($"A correlation matrix of {k} variables holds {k * k} values.", nameof(values));
        if (Problem(values.AsSpan(), k) is { } problem)
            throw new ArgumentException($"{problem.Where}: {problem.What}", nameof(values));
        Variables = variables;
        Values = values;
    }

    /// <summary>Gets the variable names, in the matrix's order.</summary>
    public ImmutableArray<string> Variables { get; }

    /// <summary>Gets the correlations, k×k row-major.</summary>
    public ImmutableArray<double> Values { get; }

    /// <summary>Gets the correlation of variables <paramref name="row"/> and <paramref name="column"/>.</summary>
    /// <param name="row">0 to k − 1.</param>
    /// <param name="column">0 to k − 1.</param>
    /// <returns>The correlation.</returns>
    public double this[int row, int column] => Values[(row * Variables.Length) + column];

    /// <summary>Finds the first entry that breaks a rule of a correlation matrix, for callers that report their own locations.</summary>
    /// <param name="values">k×k values, row-major.</param>
    /// <param name="k">The dimension.</param>
    /// <returns>The entry (<c>[row, column]</c>) and the rule it breaks, or <see langword="null"/> when every entry is valid.</returns>
    public static (string Where, string What)? Problem(ReadOnlySpan<double> values, int k)
    {
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                double r = values[(i * k) + j];
                string where = string.Create(CultureInfo.InvariantCulture, $"[{i}, {j}]");
                if (!double.IsFinite(r))
                    return (where, "a correlation must be a finite number.");
                if (i == j && Math.Abs(r - 1) > Tolerance)
                    return (where, "the diagonal of a correlation matrix must be 1.");
                if (Math.Abs(r) > 1 + Tolerance)
                    return (where, "a correlation must be between −1 and 1.");
                if (j > i && Math.Abs(r - values[(j * k) + i]) > Tolerance)
                    return (where, string.Create(CultureInfo.InvariantCulture, $"the matrix is not symmetric: [{i}, {j}] differs from [{j}, {i}]."));
            }
        }
        return null;
    }
}
