using System.Text.Json.Serialization;

namespace PatientCentric.Jobs;

/// <summary>One job assigned to a patient (a lab, a follow-up visit, a pre-visit form…), its due date and, once done,
/// the date of the evidence of completion (docs/jobs.md#timeliness-of-labs-follow-ups-and-forms; FHIR: ServiceRequest/Appointment and the DiagnosticReport,
/// Encounter or QuestionnaireResponse that completes it).</summary>
/// <param name="Id">The job's opaque identifier.</param>
/// <param name="PatientKey">The patient's opaque key; never shown in messages or logs.</param>
/// <param name="ServiceLine">The service line that assigned the job.</param>
/// <param name="Kind">The kind of job.</param>
/// <param name="AssignedOn">The local date the job was assigned (order date).</param>
/// <param name="DueOn">The local due date D (lab: order + window; follow-up: recommended date; form: the appointment day).</param>
/// <param name="CompletedOn">The local date of the evidence of completion, or <see langword="null"/> while open.</param>
/// <param name="HostKind">For <see cref="PatientJobKind.HostDefined"/> jobs, the host's kebab-case key for the kind.</param>
public sealed record PatientJob(string Id, string PatientKey, string ServiceLine, PatientJobKind Kind, DateOnly AssignedOn, DateOnly DueOn,
                                [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? CompletedOn = null,
                                [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? HostKind = null)
{
    /// <summary>Gets the key used in measure keys and reports: the host kind for host-defined jobs, else the kind in kebab case.</summary>
    [JsonIgnore]
    public string KindKey => Kind == PatientJobKind.HostDefined && !string.IsNullOrWhiteSpace(HostKind) ? HostKind : JobKinds.Key(Kind);
}
