namespace PatientCentric.Value;

/// <summary>One predictor's Johnson (2000) relative weight (docs/key-drivers.md).</summary>
/// <param name="Predictor">The predictor's name.</param>
/// <param name="RawWeight">ε, its share of R² on the proportion scale; 0 or more; the raw weights sum to R².</param>
/// <param name="RescaledPercent">100·ε/R², the percentage of the explained variance; <see langword="null"/> when R² is 0.</param>
/// <param name="Sign">The sign of the zero-order correlation with the outcome: −1, 0 or +1 (R <c>rwa</c>'s <c>Sign</c> column).</param>
public readonly record struct RelativeWeight(string Predictor, double RawWeight, double? RescaledPercent, int Sign);
