using System.Text.Json.Serialization;

namespace PatientCentric.Records;

/// <summary>One patient-initiated portal message thread and the first reply by practice staff (FHIR <c>Communication</c>:
/// <c>sent</c>, <c>inResponseTo</c>). Automated acknowledgements are not replies: leave them out of
/// <paramref name="FirstStaffReplyAt"/>.</summary>
/// <param name="Id">The thread's opaque identifier.</param>
/// <param name="PatientKey">The patient's opaque key; never shown in messages or logs.</param>
/// <param name="ServiceLine">The service line the message went to.</param>
/// <param name="SentAt">When the patient's message was sent.</param>
/// <param name="FirstStaffReplyAt">When practice staff first replied, or <see langword="null"/> while unanswered.</param>
public sealed record PortalThread(string Id, string PatientKey, string ServiceLine, DateTimeOffset SentAt,
                                  [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? FirstStaffReplyAt = null);
