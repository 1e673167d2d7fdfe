namespace PatientCentric.Fhir;

/// <summary>How <see cref="FhirPracticeReader"/> parses resources (<see cref="FhirReadOptions.Parser"/>).</summary>
public enum FhirParser
{
    /// <summary>Reads the fields the mapping needs straight from UTF-8 with <see cref="System.Text.Json.Utf8JsonReader"/>
    /// and skips the rest: many times faster, and allocates little beyond the records. Every line and Bundle is still
    /// checked to be well-formed JSON; a field the mapping reads that has the wrong JSON type counts as absent.</summary>
    Utf8,

    /// <summary>Deserializes each mapped resource into Firely SDK POCOs (recoverable mode) and maps those: slower, and
    /// a resource Firely cannot read at all counts as Malformed. The reference the fast path is tested against.</summary>
    Firely,
}
