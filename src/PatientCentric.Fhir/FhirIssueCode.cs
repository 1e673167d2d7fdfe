namespace PatientCentric.Fhir;

/// <summary>Why a resource (or line) was skipped or only partly used.</summary>
public enum FhirIssueCode
{
    /// <summary>The line or entry is not valid JSON or not a readable FHIR R4 resource: truncated, more than one JSON value
    /// on a line (or text after it), a line over <see cref="FhirReadOptions.MaxLineBytes"/>, a gzip file cut short, or a
    /// Bundle <c>entry</c> that is not an array of objects.</summary>
    Malformed,

    /// <summary>The <c>resourceType</c> is missing or is not a FHIR R4 resource type.</summary>
    UnknownResourceType,

    /// <summary>The resource refers to a patient that is not in the input.</summary>
    MissingPatient,

    /// <summary>A field the mapping needs (such as <c>Encounter.period.start</c>) is absent; the record is skipped, never filled with 0.</summary>
    MissingField,

    /// <summary>A field holds a value the mapping cannot use (such as a non-whole <c>daysSupply</c>, or a date that does not
    /// exist, is out of range, has a time without an offset, or is less precise than the field needs).</summary>
    InvalidValue,
}
