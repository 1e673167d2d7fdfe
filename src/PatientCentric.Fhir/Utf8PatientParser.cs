using System.Text.Json;
using System.Text.Unicode;

namespace PatientCentric.Fhir;

/// <summary>The patient of one NDJSON line, read without materialising the resource's facts: only the reference the
/// partition step keys a line by (<see cref="FhirPracticeReader.PatientOfLine"/>) is decoded. It tokenizes the whole
/// line, as the full read does, so a broken line is still found. It decides only lines whose every string (names and
/// values) is unescaped, valid UTF-8 and whose <c>resourceType</c> comes first: then the full read cannot fail on a
/// string, and the answer is the full read's. Any other line is left to the full read (false).</summary>
internal static class Utf8PatientParser
{
    /// <summary>Reads one non-blank line.</summary>
    /// <param name="text">The line.</param>
    /// <param name="patient">The patient id the mapping keys the resource by (as
    /// <see cref="ResourceCollector.PatientId"/> gives it), or <see langword="null"/>: no patient, an unmapped type or a
    /// line that cannot be read.</param>
    /// <param name="isTask">Whether the line is a readable <c>Task</c>.</param>
    /// <param name="appointmentStart">For an <c>Appointment</c>, its <c>start</c> literal as the full read gives it.</param>
    /// <param name="encounterStart">For a finished <c>Encounter</c> that names no appointment, its <c>period.start</c>
    /// literal as the full read gives it.</param>
    /// <returns>False when the line is left to the full read.</returns>
    public static bool TryRead(ReadOnlySpan<byte> text, out string? patient, out bool isTask, out string? appointmentStart, out string? encounterStart)
    {
        patient = null;
        isTask = false;
        appointmentStart = null;
        encounterStart = null;
        MappedType type;
        string? found = null, start = null, visit = null;
        try
        {
            var r = new Utf8JsonReader(text);
            // Not an object: the full read finds it malformed (or throws on it), which keys it by no patient.
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject) return true;
            var probe = r;
            if (!(probe.Read() && probe.TokenType == JsonTokenType.PropertyName && !probe.ValueIsEscaped
                  && probe.ValueTextEquals("resourceType"u8) && probe.Read() && probe.TokenType == JsonTokenType.String
                  && !probe.ValueIsEscaped))
                return false;
            type = Utf8FactsParser.Identify(ref probe);
            // Unmapped, or mapped without a patient: no patient whether or not the rest of the line reads.
            if (type is MappedType.None or MappedType.Schedule or MappedType.Slot) return true;
            if (!Resource(ref r, type, out found, out start, out visit)) return false;
            // One resource per line: anything after the object spoils it.
            if (r.Read()) return true;
        }
        catch (JsonException)
        {
            return true;   // not well-formed JSON: malformed in the full read too
        }
        patient = found;
        isTask = type == MappedType.Task;
        appointmentStart = start;
        encounterStart = visit;
        return true;
    }

    /// <summary>Reader on the resource's StartObject; ends on its EndObject. False: a string the full read would have to
    /// decode carefully (escaped, or not UTF-8) was met.</summary>
    private static bool Resource(ref Utf8JsonReader r, MappedType type, out string? patient, out string? start, out string? visit)
    {
        patient = null;
        start = null;
        visit = null;
        string? id = null, subject = null, source = null, sender = null, firstActor = null, firstRecipient = null, status = null, periodStart = null;
        bool namesAppointment = false;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (!Plain(ref r)) return false;
            bool ok;
            // Only a Patient is keyed by its own id: other types' ids are checked (Skip) but not decoded.
            if (type == MappedType.Patient) ok = r.ValueTextEquals("id"u8) ? String(ref r, out id) : Skip(ref r);
            else if (type is MappedType.Encounter or MappedType.MedicationDispense or MappedType.MedicationRequest
                     or MappedType.ServiceRequest or MappedType.QuestionnaireResponse or MappedType.Communication
                     && r.ValueTextEquals("subject"u8)) ok = Reference(ref r, out subject);
            else if (type is MappedType.Claim or MappedType.ClaimResponse or MappedType.ExplanationOfBenefit && r.ValueTextEquals("patient"u8))
                ok = Reference(ref r, out subject);
            else if (type == MappedType.Task && r.ValueTextEquals("for"u8)) ok = Reference(ref r, out subject);
            else if (type == MappedType.QuestionnaireResponse && r.ValueTextEquals("source"u8)) ok = Reference(ref r, out source);
            else if (type == MappedType.Communication && r.ValueTextEquals("sender"u8)) ok = Reference(ref r, out sender);
            else if (type == MappedType.Communication && r.ValueTextEquals("recipient"u8)) ok = FirstPatient(ref r, actor: false, out firstRecipient);
            else if (type == MappedType.Appointment && r.ValueTextEquals("participant"u8)) ok = FirstPatient(ref r, actor: true, out firstActor);
            else if (type == MappedType.Appointment && r.ValueTextEquals("start"u8)) ok = String(ref r, out start);
            else if (type == MappedType.Encounter && r.ValueTextEquals("status"u8)) ok = String(ref r, out status);
            else if (type == MappedType.Encounter && r.ValueTextEquals("period"u8)) ok = PeriodStart(ref r, out periodStart);
            else if (type == MappedType.Encounter && r.ValueTextEquals("appointment"u8)) ok = AnyObject(ref r, out namesAppointment);
            else ok = Skip(ref r);
            if (!ok) return false;
        }
        patient = type switch
        {
            MappedType.Patient => id,
            MappedType.Appointment => firstActor,
            MappedType.QuestionnaireResponse => ResourceCollector.PatientId(subject) ?? ResourceCollector.PatientId(source),
            MappedType.Communication => ResourceCollector.PatientId(sender) ?? ResourceCollector.PatientId(subject) ?? firstRecipient,
            _ => ResourceCollector.PatientId(subject),
        };
        if (type == MappedType.Encounter && status == "finished" && !namesAppointment) visit = periodStart;
        return true;
    }

    /// <summary>Reader on a property name whose value should be a Period: its <c>start</c> (the last one wins; null
    /// when the value is not an object), as the full read's <c>Period</c>.</summary>
    private static bool PeriodStart(ref Utf8JsonReader r, out string? start)
    {
        start = null;
        r.Read();
        if (r.TokenType != JsonTokenType.StartObject) return Skip(ref r);
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (!Plain(ref r)) return false;
            if (!(r.ValueTextEquals("start"u8) ? String(ref r, out start) : Skip(ref r))) return false;
        }
        return true;
    }

    /// <summary>Reader on a property name: whether its value is an array holding an object (a Reference the full read
    /// keeps, as its <c>References</c> keeps every object of the array).</summary>
    private static bool AnyObject(ref Utf8JsonReader r, out bool any)
    {
        any = false;
        r.Read();
        if (r.TokenType != JsonTokenType.StartArray) return Skip(ref r);
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            any |= r.TokenType == JsonTokenType.StartObject;
            if (!Skip(ref r)) return false;
        }
        return true;
    }

    /// <summary>Whether the string or property name the reader is on can be compared and decoded as is.</summary>
    private static bool Plain(ref Utf8JsonReader r) =>
        r.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || (!r.ValueIsEscaped && Utf8.IsValid(r.ValueSpan));

    /// <summary>Reader on a property name or a value: skips the value, checking every string in it.</summary>
    private static bool Skip(ref Utf8JsonReader r)
    {
        if (r.TokenType == JsonTokenType.PropertyName) r.Read();
        if (r.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray)) return Plain(ref r);
        int depth = r.CurrentDepth;
        while (r.Read() && r.CurrentDepth > depth)
            if (!Plain(ref r)) return false;
        return true;
    }

    /// <summary>Reader on a property name: its string value (the last one wins, as in the full read), null when not a string.</summary>
    private static bool String(ref Utf8JsonReader r, out string? value)
    {
        value = null;
        r.Read();
        if (r.TokenType != JsonTokenType.String) return Skip(ref r);
        if (!Plain(ref r)) return false;
        value = Utf8Strings.Get(ref r);
        return true;
    }

    /// <summary>Reader on a property name whose value should be a Reference: its <c>reference</c>.</summary>
    private static bool Reference(ref Utf8JsonReader r, out string? reference)
    {
        reference = null;
        r.Read();
        return r.TokenType != JsonTokenType.StartObject ? Skip(ref r) : ReferenceBody(ref r, out reference);
    }

    /// <summary>Reader on a Reference's StartObject: reads to its end; the last <c>reference</c> wins.</summary>
    private static bool ReferenceBody(ref Utf8JsonReader r, out string? reference)
    {
        reference = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (!Plain(ref r)) return false;
            if (!(r.ValueTextEquals("reference"u8) ? String(ref r, out reference) : Skip(ref r))) return false;
        }
        return true;
    }

    /// <summary>Reader on a property name: an array of References (<paramref name="actor"/>: of participants, each with
    /// its <c>actor</c>); the first patient id among them, in order, as the full read's <c>First</c> gives it.</summary>
    private static bool FirstPatient(ref Utf8JsonReader r, bool actor, out string? patient)
    {
        patient = null;
        r.Read();
        if (r.TokenType != JsonTokenType.StartArray) return Skip(ref r);
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.StartObject) { if (!Skip(ref r)) return false; continue; }
            string? reference = null;
            if (actor)
            {
                while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
                {
                    if (!Plain(ref r)) return false;
                    if (!(r.ValueTextEquals("actor"u8) ? Reference(ref r, out reference) : Skip(ref r))) return false;
                }
            }
            else if (!ReferenceBody(ref r, out reference)) return false;
            patient ??= ResourceCollector.PatientId(reference);
        }
        return true;
    }
}
