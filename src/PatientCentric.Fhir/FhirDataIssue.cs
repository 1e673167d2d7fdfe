namespace PatientCentric.Fhir;

/// <summary>One problem in the input, located by file and line (NDJSON) or entry (Bundle); never carries an identifier or value.</summary>
/// <param name="Code">What went wrong.</param>
/// <param name="FileName">The file's name (without folder).</param>
/// <param name="Line">The 1-based line for NDJSON, or the 1-based <c>entry</c> position for a Bundle (0 for a single resource file).</param>
/// <param name="ResourceType">The resource type, or <see langword="null"/> when unreadable.</param>
/// <param name="Field">The FHIR path concerned, such as <c>"Encounter.period.start"</c>, or <see langword="null"/>.</param>
public sealed record FhirDataIssue(FhirIssueCode Code, string FileName, int Line, string? ResourceType, string? Field = null)
{
    /// <summary>Returns a message such as <c>Malformed Encounter.000.ndjson line 12</c>, without identifiers or values.</summary>
    /// <returns>The message.</returns>
    public override string ToString() =>
        $"{Code} {FileName} line {Line}" + (ResourceType is null ? "" : $", {Field ?? ResourceType}");
}
