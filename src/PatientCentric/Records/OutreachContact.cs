namespace PatientCentric.Records;

/// <summary>A post-visit contact attempt with a patient (call, message, visit): only completed two-way contacts count for
/// the post-visit contact measure; failed attempts do not (docs/touchpoints/follow-up.md).</summary>
/// <param name="Id">The contact's opaque identifier.</param>
/// <param name="PatientKey">The patient's opaque key; never shown in messages or logs.</param>
/// <param name="ServiceLine">The service line that reached out.</param>
/// <param name="At">When the contact took place.</param>
/// <param name="IsCompletedTwoWay">Whether the patient was reached and responded (an interactive contact).</param>
public sealed record OutreachContact(string Id, string PatientKey, string ServiceLine, DateTimeOffset At, bool IsCompletedTwoWay);
