using PatientCentric.Fhir;

namespace PatientCentric.Cli.Report;

/// <summary>The sentences that explain the FHIR data-quality counts: one per assumption and one per issue code, for
/// data-quality.json (exact, FHIR words) and the HTML report (plain words for a practice manager).</summary>
internal static class FhirQualityText
{
    public const string BookingInstantUnknown =
        "Appointments whose booking instant is unknown (an Encounter without an Appointment, or an Appointment without created): " +
        "lead time leaves them out, and those recorded as visits only (no Appointment) are also left out of the no-show and cancellation rates.";

    public const string DerivedFills =
        "Medication fills derived from a MedicationRequest's dispenseRequest because no MedicationDispense refers to it: " +
        "they show what was prescribed, not what was picked up, so adherence (PDC) from them is an upper bound.";

    public const string ClaimsWithoutResponse =
        "Claims with no ClaimResponse or ExplanationOfBenefit: pending (not adjudicated), so the initial denial rate does not count " +
        "them yet. No FHIR claim records its edits either, so the clean-claim rate leaves every FHIR claim out and is not applicable.";

    public const string ReferralClosureUnknown =
        "Referrals read from an input that holds no Task resource at all: nothing can show whether their loops closed, so " +
        "referral closure leaves them out (not applicable) instead of counting them open.";

    /// <summary>What an issue code means and what happened to the resource, in FHIR words (data-quality.json).</summary>
    public static string Meaning(FhirIssueCode code) => code switch
    {
        FhirIssueCode.Malformed => "The line or Bundle entry is not valid JSON, is cut short, or is not a readable FHIR R4 resource: skipped, nothing from it is used.",
        FhirIssueCode.UnknownResourceType => "The resourceType is missing or is not a FHIR R4 resource type: skipped, nothing from it is used.",
        FhirIssueCode.MissingPatient => "The resource refers to a patient whose Patient resource is not in the input: skipped, nothing from it is used.",
        FhirIssueCode.MissingField => "A field the mapping needs (the field named) is absent: the resource is skipped, never filled in with 0.",
        FhirIssueCode.InvalidValue => "A field the mapping needs (the field named) holds a value it cannot use, such as a days' supply of 2.5 or a negative claim total: the resource is skipped.",
        _ => code.ToString(),
    };

    /// <summary>A heading for an issue code, in plain words (HTML report).</summary>
    public static string Title(FhirIssueCode code) => code switch
    {
        FhirIssueCode.Malformed => "Unreadable lines or entries",
        FhirIssueCode.UnknownResourceType => "Records of an unknown kind",
        FhirIssueCode.MissingPatient => "Records of patients who are not in the data",
        FhirIssueCode.MissingField => "Records missing information the report needs",
        FhirIssueCode.InvalidValue => "Records with a value that cannot be used",
        _ => code.ToString(),
    };

    /// <summary>What an issue code means for the scores, in plain words (HTML report).</summary>
    public static string Plain(FhirIssueCode code) => code switch
    {
        FhirIssueCode.Malformed => "The text is damaged or cut short, or it is not a FHIR record the report can read.",
        FhirIssueCode.UnknownResourceType => "The record does not say what kind of record it is, or names a kind FHIR R4 does not have.",
        FhirIssueCode.MissingPatient => "The record belongs to a patient whose patient record is not in the files, so it cannot be counted for anyone.",
        FhirIssueCode.MissingField => "A detail the report needs is not filled in, such as the start time of a visit or the total of a claim (the field is named below).",
        FhirIssueCode.InvalidValue => "A detail the report needs holds a value it cannot use, such as a days' supply of 2.5 or a negative claim total.",
        _ => code.ToString(),
    };
}
