using System.Text.Json.Serialization;

namespace PatientCentric.Records;

/// <summary>One inbound phone call to the practice's queue: when it entered the queue and when it was answered or abandoned.</summary>
/// <param name="Id">The call's opaque identifier.</param>
/// <param name="ServiceLine">The service line whose queue took the call.</param>
/// <param name="EnteredQueueAt">When the caller entered the queue.</param>
/// <param name="AnsweredAt">When staff answered, or <see langword="null"/>.</param>
/// <param name="AbandonedAt">When the caller hung up unanswered, or <see langword="null"/>.</param>
public sealed record CallRecord(string Id, string ServiceLine, DateTimeOffset EnteredQueueAt,
                                [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? AnsweredAt = null,
                                [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? AbandonedAt = null);
