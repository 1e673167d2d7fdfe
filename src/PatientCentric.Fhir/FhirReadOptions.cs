using System.Collections.Immutable;
using PatientCentric.Scoring;

namespace PatientCentric.Fhir;

/// <summary>Settings for <see cref="FhirPracticeReader"/>: the practice's name, time zone and period, the pseudonym key,
/// and how strictly bad input is treated.</summary>
/// <remarks>Mutable so hosts can bind it; the reader copies the values once when it is constructed.</remarks>
public sealed class FhirReadOptions
{
    /// <summary>Gets or sets the practice's display name written into the data set.</summary>
    /// <value>The default is <c>"FHIR practice"</c>.</value>
    public string PracticeName { get; set; } = "FHIR practice";

    /// <summary>Gets or sets the practice's IANA time zone; instants become local dates in it (docs/measures.md#conventions).</summary>
    /// <value>The default is <c>"UTC"</c>.</value>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Gets or sets the measurement period, or <see langword="null"/> to take it from the first and last
    /// encounter or appointment start in the data (local dates).</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public MeasurementPeriod? Period { get; set; }

    /// <summary>Gets or sets the secret key for the patient pseudonyms (HMAC-SHA256 of the FHIR <c>Patient</c> id), or
    /// <see langword="null"/> for a random key per reader, so keys match within one run only.</summary>
    /// <value>At least 16 bytes when set. The default is <see langword="null"/>.</value>
    public ImmutableArray<byte>? PseudonymKey { get; set; }

    /// <summary>Gets or sets whether patient keys are the FHIR <c>Patient</c> ids themselves instead of keyed pseudonyms,
    /// for a host that must link results back to its records. Output (patient cards, individual MeasureReports) then
    /// identifies patients; messages and the data-quality report still never do. Clinician keys stay pseudonyms.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool IncludePatientReferences { get; set; }

    /// <summary>Gets or sets whether the first input problem (malformed line, unknown resource type, reference to a missing
    /// patient) throws a <see cref="FhirInputException"/> instead of being counted and skipped.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool Strict { get; set; }

    /// <summary>Gets or sets the longest NDJSON line read, in bytes before its line feed. A longer line is one
    /// <see cref="FhirIssueCode.Malformed"/> problem at its line number: the reader skips it to the next line feed without
    /// holding it, so one huge line (such as a gigabyte without a line break) costs the time to read it, not the memory.</summary>
    /// <value>1,024 (1 KiB) to 1,073,741,824 (1 GiB). The default is 67,108,864 (64 MiB), far above any real resource
    /// (a Synthea patient's whole Bundle is about 1 MB).</value>
    /// <remarks>The reader's NDJSON buffer grows only to the longest line read, so memory for lines is at most this plus
    /// one byte. JSON files (<see cref="FhirPracticeReader.ReadJsonFile"/>) are read whole and are not limited by it.</remarks>
    public int MaxLineBytes { get; set; } = DefaultMaxLineBytes;

    /// <summary>The default of <see cref="MaxLineBytes"/>: 64 MiB.</summary>
    public const int DefaultMaxLineBytes = 64 << 20;

    /// <summary>Gets or sets how resources are parsed: <see cref="FhirParser.Utf8"/> (the default) reads only the fields the
    /// mapping needs straight from UTF-8; <see cref="FhirParser.Firely"/> deserializes each mapped resource with the
    /// Firely SDK first. Both give the same records on well-formed data (tested on every shared sample file).</summary>
    /// <value>The default is <see cref="FhirParser.Utf8"/>.</value>
    public FhirParser Parser { get; set; }

    /// <summary>Gets or sets the service-line key given to records whose source has no encounter class (fills,
    /// referrals, claims, surveys, portal threads, <c>Appointment</c> resources).</summary>
    /// <value>The default is <c>"ambulatory"</c>.</value>
    public string DefaultServiceLine { get; set; } = "ambulatory";

    /// <summary>Gets or sets the instant at which the <c>Slot</c> resources were exported (a Bulk Data host takes it from
    /// the completion manifest's <c>transactionTime</c>), or <see langword="null"/> to leave <c>Slot</c> and
    /// <c>Schedule</c> unread.</summary>
    /// <value>The default is <see langword="null"/>: Slots and Schedules are counted in
    /// <see cref="FhirDataQuality.ResourcesIgnored"/> and the data set has no availability snapshot, so there is no TNAA
    /// card (as for JSON data without snapshots).</value>
    /// <remarks>A <c>Slot.status</c> is the slot's state at export time only, while the third next available appointment
    /// (docs/touchpoints/access.md) needs the slots as they stood at a known instant t0. When this is set, every <c>Slot</c> becomes a
    /// slot of one <see cref="Records.AvailabilitySnapshot"/> per <c>Schedule</c> and appointment type taken at this
    /// instant: <c>start</c>; <c>status</c> <c>free</c>, <c>busy</c>, <c>busy-tentative</c> or <c>busy-unavailable</c>
    /// (<c>entered-in-error</c> slots are left out); the type is the <c>appointmentType</c> code, else the first
    /// <c>serviceType</c>'s, else <c>"unspecified"</c>. FHIR has no standard element for held slots or slots reserved for
    /// same-day use, so none is held or reserved (docs/fhir.md: holds are host-flagged). The schedule key is
    /// <c>"S-"</c> and the keyed pseudonym hash of the <c>Schedule</c> id; the service line is
    /// <see cref="DefaultServiceLine"/>. A Slot without <c>start</c>, or whose <c>schedule</c> is absent or not in the
    /// input, is skipped and counted as <see cref="FhirIssueCode.MissingField"/>.</remarks>
    public DateTimeOffset? SlotsObservedAt { get; set; }

    /// <summary>Gets or sets the map from <c>QuestionnaireResponse.item.linkId</c> to survey item key; when empty,
    /// questionnaire responses are not read.</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyDictionary<string, string> SurveyItemsByLinkId { get; set; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Gets or sets the survey items (NPS, CAHPS, ratings…) written into the data set, so the survey scorers know
    /// the keys that <see cref="SurveyItemsByLinkId"/> maps to; FHIR carries answers, not the host's item definitions.</summary>
    /// <value>The default is empty: surveys are read but no survey measure is scored.</value>
    public ImmutableArray<Records.SurveyItem> SurveyItems { get; set; } = [];
}
