namespace PatientCentric.Fhir;

public sealed partial class FhirPracticeReader
{
    /// <summary>What the partition step needs of one non-blank NDJSON line, without materialising its facts when it can:
    /// the patient it is keyed by, whether it is a readable <c>Task</c>, and an <c>Appointment</c>'s <c>start</c>
    /// literal. Always exactly what <see cref="PatientOfLineByFacts"/> (the full parse, then <see cref="PatientOf"/>)
    /// gives: <see cref="Utf8PatientParser"/> decides the lines it can, the full parse reads the rest.</summary>
    internal (string? Patient, bool IsTask, string? AppointmentStart) PatientOfLine(ReadOnlySpan<byte> text) =>
        _options.Parser == FhirParser.Utf8 && Utf8PatientParser.TryRead(text, out var patient, out var isTask, out var start)
            ? (patient, isTask, start)
            : PatientOfLineByFacts(text);

    /// <summary>The same from the full parse of the line (<see cref="ParseNdjsonLine"/>).</summary>
    internal (string? Patient, bool IsTask, string? AppointmentStart) PatientOfLineByFacts(ReadOnlySpan<byte> text)
    {
        var parsed = ParseNdjsonLine(text);
        return parsed.Kind == ParsedKind.Mapped
            ? (PatientOf(parsed.Facts!), parsed.Facts is TaskFacts, (parsed.Facts as AppointmentFacts)?.Start)
            : (null, parsed.Facts is TaskFacts, null);
    }
}
