namespace PatientCentric.Fhir;

public sealed partial class FhirPracticeReader
{
    /// <summary>What the partition step needs of one non-blank NDJSON line, without materialising its facts when it can:
    /// the patient it is keyed by (the hash of its id), whether it is a readable <c>Task</c>, an <c>Appointment</c>'s <c>start</c> literal, and
    /// the <c>period.start</c> literal of a finished <c>Encounter</c> that names no appointment (the visits the
    /// partitioning dates: <see cref="FhirPartitions.VisitDates"/>). Always exactly what <see cref="PatientOfLineByFacts"/> (the full parse, then <see cref="PatientOf"/>)
    /// gives: <see cref="Utf8PatientParser"/> decides the lines it can, the full parse reads the rest.</summary>
    internal LineKey PatientOfLine(ReadOnlySpan<byte> text) =>
        _options.Parser == FhirParser.Utf8 && Utf8PatientParser.TryRead(text, out var patient, out var isTask, out var start, out var visit)
            ? new(patient is { } id ? Records.StableHash.Of(text[id]) : null, isTask, start, visit)
            : PatientOfLineByFacts(text);

    /// <summary>The same from the full parse of the line (<see cref="ParseNdjsonLine"/>).</summary>
    internal LineKey PatientOfLineByFacts(ReadOnlySpan<byte> text)
    {
        var (patient, key) = PatientAndKeyByFacts(text);
        return key with { PatientHash = patient is null ? null : Records.StableHash.Of(patient) };
    }

    /// <summary>The patient id the full parse keys a line by, and the rest of its key (no hash).</summary>
    internal (string? Patient, LineKey Key) PatientAndKeyByFacts(ReadOnlySpan<byte> text)
    {
        var parsed = ParseNdjsonLine(text);
        return parsed.Kind == ParsedKind.Mapped
            ? (PatientOf(parsed.Facts!), new(null, parsed.Facts is TaskFacts, (parsed.Facts as AppointmentFacts)?.Start,
                parsed.Facts is EncounterFacts { Status: "finished" } e && e.Appointments.IsDefaultOrEmpty ? e.Start : null))
            : (null, new(null, parsed.Facts is TaskFacts, null, null));
    }

    /// <summary>What the partition step keeps of a line (<see cref="PatientOfLine"/>): the stable hash of the patient
    /// id's UTF-8 bytes (<see cref="FhirPartitions.PartitionOf(ulong, int)"/>), never the id itself, so the light read
    /// decodes no id.</summary>
    internal readonly record struct LineKey(ulong? PatientHash, bool IsTask, string? AppointmentStart, string? EncounterStart);
}
