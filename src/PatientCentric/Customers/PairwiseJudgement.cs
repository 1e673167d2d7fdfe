namespace PatientCentric.Customers;

/// <summary>One AHP judgement: <paramref name="Row"/> is <paramref name="Value"/> times as important as (or preferred
/// to) <paramref name="Column"/>, on Saaty's 1–9 scale or its reciprocals (docs/ahp.md).</summary>
/// <param name="Row">The element judged.</param>
/// <param name="Column">The element it is compared with.</param>
/// <param name="Value">How many times <paramref name="Row"/> outweighs <paramref name="Column"/>; a positive finite number.</param>
public sealed record PairwiseJudgement(string Row, string Column, double Value);
