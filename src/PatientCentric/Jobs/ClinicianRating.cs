namespace PatientCentric.Jobs;

/// <summary>A clinician's 1–5 rating of how a patient is doing with one kind of job (docs/jobs.md#clinician-ratings). Support data only.</summary>
/// <param name="PatientKey">The patient's opaque key; never shown in messages or logs.</param>
/// <param name="JobKind">The kind of job rated.</param>
/// <param name="Rating">The rating, 1 (struggling) to 5 (doing well).</param>
/// <param name="RatedOn">The local date of the rating.</param>
public sealed record ClinicianRating(string PatientKey, PatientJobKind JobKind, int Rating, DateOnly RatedOn);
