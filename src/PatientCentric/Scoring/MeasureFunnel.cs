using System.Collections.Immutable;
using PatientCentric.Control;

namespace PatientCentric.Scoring;

/// <summary>A funnel plot of one proportion or rate measure across clinicians or across service lines, on the
/// whole-period cards (docs/funnel.md#funnels-in-the-evaluation). For support and learning, never for ranking or pay.</summary>
/// <param name="MeasureKey">The measure's key.</param>
/// <param name="UnitLevel"><see cref="ScopeLevel.Clinician"/> or <see cref="ScopeLevel.ServiceLine"/>.</param>
/// <param name="DataType"><see cref="FunnelDataType.Proportion"/> or <see cref="FunnelDataType.Rate"/> (per 1,000).</param>
/// <param name="UnitKeys">The units' keys, parallel to <see cref="FunnelResult.Units"/> of <paramref name="Result"/>.</param>
/// <param name="Numerators">Each unit's events, parallel to <paramref name="UnitKeys"/>.</param>
/// <param name="Denominators">Each unit's cases or exposure, parallel to <paramref name="UnitKeys"/>.</param>
/// <param name="Result">The funnel: pooled target, 95 % and 99.8 % limits, multiplicative overdispersion.</param>
/// <param name="Outside998">The keys of units strictly outside the 99.8 % limits, in unit order.</param>
/// <param name="UnitsWithoutValue">How many units of the level have a card for the measure but no value (status not
/// Ok), left out of the funnel.</param>
public sealed record MeasureFunnel(string MeasureKey, ScopeLevel UnitLevel, FunnelDataType DataType, ImmutableArray<string> UnitKeys,
                                   ImmutableArray<double> Numerators, ImmutableArray<double> Denominators, FunnelResult Result,
                                   ImmutableArray<string> Outside998, int UnitsWithoutValue);
