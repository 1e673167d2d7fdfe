using System.Text.Json.Serialization;

namespace PatientCentric.Records;

/// <summary>A billing statement sent to a patient and when it was paid in full.</summary>
/// <param name="Id">The statement's opaque identifier.</param>
/// <param name="PatientKey">The patient's opaque key; never shown in messages or logs.</param>
/// <param name="ServiceLine">The service line billed.</param>
/// <param name="SentOn">The local date the statement was sent.</param>
/// <param name="PaidOn">The local date it was paid in full, or <see langword="null"/> while open.</param>
public sealed record PatientStatement(string Id, string PatientKey, string ServiceLine, DateOnly SentOn,
                                      [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? PaidOn = null);
