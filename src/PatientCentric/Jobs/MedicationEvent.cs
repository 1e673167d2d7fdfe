namespace PatientCentric.Jobs;

/// <summary>One medication event (a prescribing or dispensing record) as AdhereR's continuous multiple-interval
/// measures read it: the date, the medication category, and the days the supply lasts (docs/adherence-cma.md).</summary>
/// <param name="Date">The local date of the event; the supply covers this day and the days after it.</param>
/// <param name="Category">The medication type (AdhereR's <c>medication.class</c>), compared ordinally; it matters only
/// when carry-over is restricted to the same category. Not <see langword="null"/>.</param>
/// <param name="DurationDays">How many days the supplied quantity lasts if taken as prescribed; at least 1.</param>
/// <param name="PerDay">The prescribed daily dose (AdhereR's <c>event.daily.dose</c>), or <see langword="null"/> when
/// unknown; greater than 0 when given. Accepted for completeness but not used: CMA1–CMA9 are computed without dose
/// adjustment (AdhereR's default <c>consider.dosage.change = FALSE</c>).</param>
/// <remarks>Immutable. Validated by <see cref="ContinuousMultipleIntervalMeasures.Compute"/>, not on construction.</remarks>
public readonly record struct MedicationEvent(DateOnly Date, string Category, int DurationDays, double? PerDay = null);
