namespace PatientCentric.Records;

/// <summary>One referral to a specialist and, if it came back, when the specialist's report was received
/// (FHIR <c>ServiceRequest</c> and the <c>Task</c> or report based on it).</summary>
/// <param name="Id">The referral's opaque identifier.</param>
/// <param name="PatientKey">The patient's opaque key; never shown in messages or logs.</param>
/// <param name="ServiceLine">The referring service line.</param>
/// <param name="Specialty">The specialty referred to, such as <c>"cardiology"</c>.</param>
/// <param name="AuthoredOn">The local date the referral was written.</param>
/// <param name="ReportReceivedOn">The local date the specialist's report was received, or <see langword="null"/> while the loop is open.</param>
public sealed record Referral(string Id, string PatientKey, string ServiceLine, string Specialty, DateOnly AuthoredOn, DateOnly? ReportReceivedOn);
