namespace PatientCentric.Records;

/// <summary>A complaint about billing received from a patient (the text stays in the host's system: only the fact is read).</summary>
/// <param name="Id">The complaint's opaque identifier.</param>
/// <param name="ServiceLine">The service line complained about.</param>
/// <param name="ReceivedOn">The local date it was received.</param>
public sealed record BillingComplaint(string Id, string ServiceLine, DateOnly ReceivedOn);
