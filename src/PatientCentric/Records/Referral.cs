using System.Text.Json.Serialization;

namespace PatientCentric.Records;

/// <summary>One referral to a specialist and, if it came back, when the specialist's report was received
/// (FHIR <c>ServiceRequest</c> and the <c>Task</c> or report based on it).</summary>
/// <param name="Id">The referral's opaque identifier.</param>
/// <param name="PatientKey">The patient's opaque key; never shown in messages or logs.</param>
/// <param name="ServiceLine">The referring service line.</param>
/// <param name="Specialty">The specialty referred to, such as <c>"cardiology"</c>.</param>
/// <param name="AuthoredOn">The local date the referral was written.</param>
/// <param name="ReportReceivedOn">The local date the specialist's report was received, or <see langword="null"/> while the
/// loop is open (or, when <see cref="ClosureUnknown"/> is <see langword="true"/>, because nothing is known).</param>
public sealed record Referral(string Id, string PatientKey, string ServiceLine, string Specialty, DateOnly AuthoredOn, DateOnly? ReportReceivedOn)
{
    /// <summary>Gets whether the source cannot show whether the loop closed, so that a missing
    /// <see cref="ReportReceivedOn"/> does not mean an open loop (FHIR: the input holds no <c>Task</c> resource at all,
    /// the only evidence of closure the reader maps). Referral-loop closure leaves such referrals out and counts them.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool ClosureUnknown { get; init; }
}
