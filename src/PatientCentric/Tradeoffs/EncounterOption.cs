namespace PatientCentric.Tradeoffs;

/// <summary>One option (a way to run an encounter or service) with its raw values of the three encounter metrics (docs/tradeoffs.md).</summary>
/// <param name="Name">The option's name.</param>
/// <param name="CustomerService">The raw customer-service value (CS), or <see langword="null"/> when not measured.</param>
/// <param name="QualityOfCare">The raw quality-of-care value (QC), or <see langword="null"/> when not measured.</param>
/// <param name="CostEffectiveness">The raw cost-effectiveness value (CE), or <see langword="null"/> when not measured.</param>
public readonly record struct EncounterOption(string Name, double? CustomerService, double? QualityOfCare, double? CostEffectiveness);
