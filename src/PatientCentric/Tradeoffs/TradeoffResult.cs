using System.Collections.Immutable;
using PatientCentric.Scoring;

namespace PatientCentric.Tradeoffs;

/// <summary>The trade-off between options on the three encounter metrics (docs/tradeoffs.md): every option assessed, the Pareto
/// front, and, separately, the option with the highest weighted score.</summary>
/// <param name="Weights">The normalised weights used (printed with every report).</param>
/// <param name="QualityFloor">The floor on s_QC used, 0 to 1.</param>
/// <param name="Options">Every option, in input order.</param>
/// <param name="ParetoFront">The names of the options on the front, in input order.</param>
/// <param name="BestWeighted">The name of the Ok option with the highest U (the first in input order among U equal within
/// 1e−9), or <see langword="null"/> when no option is Ok.</param>
public sealed record TradeoffResult(MetricWeights Weights, double QualityFloor, ImmutableArray<OptionAssessment> Options,
                                    ImmutableArray<string> ParetoFront, string? BestWeighted);
