namespace PatientCentric.Records;

/// <summary>One dispensing of a medication (FHIR <c>MedicationDispense</c>: <c>whenHandedOver</c>, <c>daysSupply</c>).</summary>
/// <param name="Id">The fill's opaque source identifier, used to de-duplicate.</param>
/// <param name="PatientKey">The patient's opaque key; never shown in messages or logs.</param>
/// <param name="Drug">The target ingredient (or class member) that same-drug overlaps group by, such as <c>"LISINOPRIL"</c>.</param>
/// <param name="DateOfService">The local date of service (day 1 of the supply).</param>
/// <param name="DaysSupply">The days' supply; at least 1 for a valid fill (docs/jobs.md#proportion-of-days-covered-exactly-as-pqa-defines-it).</param>
public sealed record MedicationFill(string Id, string PatientKey, string Drug, DateOnly DateOfService, int DaysSupply);
