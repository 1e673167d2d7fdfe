namespace PatientCentric.Jobs;

/// <summary>A barrier the care team recorded for one patient and one kind of job.</summary>
/// <param name="PatientKey">The patient's opaque key; never shown in messages or logs.</param>
/// <param name="JobKind">The kind of job the barrier affects.</param>
/// <param name="Barrier">The barrier.</param>
/// <param name="ReportedOn">The local date it was recorded; the latest report per patient and job kind is used.</param>
public sealed record BarrierReport(string PatientKey, PatientJobKind JobKind, JobBarrier Barrier, DateOnly ReportedOn);
