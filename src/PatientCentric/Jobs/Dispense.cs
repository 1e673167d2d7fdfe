namespace PatientCentric.Jobs;

/// <summary>One dispensing as the adherence calculators read it: the drug key, the local date of service, and the
/// days' supply (docs/jobs.md#proportion-of-days-covered-exactly-as-pqa-defines-it).</summary>
/// <param name="DrugKey">The target ingredient (or class member) that same-drug overlaps group by, compared ordinally,
/// such as <c>"LISINOPRIL"</c>.</param>
/// <param name="FilledOn">The local date of service; day 1 of the supply.</param>
/// <param name="DaysSupply">The days' supply; at least 1 for a valid fill.</param>
/// <remarks>A small value type, so calculators over millions of patients allocate nothing per fill.</remarks>
public readonly record struct Dispense(string DrugKey, DateOnly FilledOn, int DaysSupply);
