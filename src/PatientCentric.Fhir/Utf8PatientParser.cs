using System.Text.Json;
using System.Text.Unicode;

namespace PatientCentric.Fhir;

/// <summary>The patient of one NDJSON line, read without materialising the resource's facts: only what the partition step
/// keys a line by (<see cref="FhirPracticeReader.PatientOfLine"/>) is found, and the patient id is not even decoded: it is
/// given as the place of its bytes in the line, which the partition step hashes as they are. It tokenizes the whole line,
/// as the full read does, so a broken line is still found. It decides only lines whose every string (names and values)
/// is unescaped, valid UTF-8 and whose <c>resourceType</c> comes first: then the full read cannot fail on a string, and
/// the answer is the full read's. Any other line is left to the full read (false). A line that is valid UTF-8 as a whole
/// and holds no backslash has only such strings (a string's quotes are ASCII, so it is a whole run of the line's valid
/// UTF-8, and without a backslash nothing in it is escaped): its strings are then not checked one by one.</summary>
internal static class Utf8PatientParser
{
    /// <summary>Reads one non-blank line.</summary>
    /// <param name="text">The line.</param>
    /// <param name="patient">Where in <paramref name="text"/> the bytes of the patient id the mapping keys the resource
    /// by are (as <see cref="ResourceCollector.PatientId"/> gives it, in UTF-8), or <see langword="null"/>: no patient,
    /// an unmapped type or a line that cannot be read.</param>
    /// <param name="isTask">Whether the line is a readable <c>Task</c>.</param>
    /// <param name="appointmentStart">For an <c>Appointment</c>, its <c>start</c> literal as the full read gives it.</param>
    /// <param name="encounterStart">For a finished <c>Encounter</c> that names no appointment, its <c>period.start</c>
    /// literal as the full read gives it.</param>
    /// <returns>False when the line is left to the full read.</returns>
    public static bool TryRead(ReadOnlySpan<byte> text, out Range? patient, out bool isTask, out string? appointmentStart, out string? encounterStart)
    {
        patient = null;
        isTask = false;
        appointmentStart = null;
        encounterStart = null;
        MappedType type;
        Found found;
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
            bool plain = text.IndexOf((byte)'\\') < 0 && Utf8.IsValid(text);
            if (!Resource(ref r, text, plain, type, out found)) return false;
            // One resource per line: anything after the object spoils it.
            if (r.Read()) return true;
        }
        catch (JsonException)
        {
            return true;   // not well-formed JSON: malformed in the full read too
        }
        patient = found.Patient.IsNone ? null : new Range(found.Patient.Start, found.Patient.Start + found.Patient.Length);
        isTask = type == MappedType.Task;
        appointmentStart = found.Start.IsNone ? null : Utf8Strings.Get(found.Start.Of(text));
        encounterStart = found.Visit.IsNone ? null : Utf8Strings.Get(found.Visit.Of(text));
        return true;
    }

    /// <summary>Where a string's bytes are in the line (<see cref="None"/>: no string).</summary>
    private readonly record struct Place(int Start, int Length)
    {
        public static Place None => new(-1, 0);

        public bool IsNone => Start < 0;

        public ReadOnlySpan<byte> Of(ReadOnlySpan<byte> text) => text.Slice(Start, Length);
    }

    /// <summary>What a resource gives the key: its patient id, an Appointment's start, a dated Encounter's start.</summary>
    private readonly record struct Found(Place Patient, Place Start, Place Visit);

    /// <summary>Reader on the resource's StartObject; ends on its EndObject. False: a string the full read would have to
    /// decode carefully (escaped, or not UTF-8) was met.</summary>
    private static bool Resource(ref Utf8JsonReader r, ReadOnlySpan<byte> text, bool plain, MappedType type, out Found found)
    {
        found = default;
        Place id = Place.None, subject = Place.None, source = Place.None, sender = Place.None, firstActor = Place.None,
            firstRecipient = Place.None, status = Place.None, periodStart = Place.None, start = Place.None;
        bool namesAppointment = false;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (!Plain(ref r, plain)) return false;
            bool ok;
            // Only a Patient is keyed by its own id: other types' ids are checked (Skip) but not read.
            if (type == MappedType.Patient) ok = r.ValueTextEquals("id"u8) ? String(ref r, plain, out id) : Skip(ref r, plain);
            else if (type is MappedType.Encounter or MappedType.MedicationDispense or MappedType.MedicationRequest
                     or MappedType.ServiceRequest or MappedType.QuestionnaireResponse or MappedType.Communication
                     && r.ValueTextEquals("subject"u8)) ok = Reference(ref r, plain, out subject);
            else if (type is MappedType.Claim or MappedType.ClaimResponse or MappedType.ExplanationOfBenefit && r.ValueTextEquals("patient"u8))
                ok = Reference(ref r, plain, out subject);
            else if (type == MappedType.Task && r.ValueTextEquals("for"u8)) ok = Reference(ref r, plain, out subject);
            else if (type == MappedType.QuestionnaireResponse && r.ValueTextEquals("source"u8)) ok = Reference(ref r, plain, out source);
            else if (type == MappedType.Communication && r.ValueTextEquals("sender"u8)) ok = Reference(ref r, plain, out sender);
            else if (type == MappedType.Communication && r.ValueTextEquals("recipient"u8)) ok = FirstPatient(ref r, text, plain, actor: false, out firstRecipient);
            else if (type == MappedType.Appointment && r.ValueTextEquals("participant"u8)) ok = FirstPatient(ref r, text, plain, actor: true, out firstActor);
            else if (type == MappedType.Appointment && r.ValueTextEquals("start"u8)) ok = String(ref r, plain, out start);
            else if (type == MappedType.Encounter && r.ValueTextEquals("status"u8)) ok = String(ref r, plain, out status);
            else if (type == MappedType.Encounter && r.ValueTextEquals("period"u8)) ok = PeriodStart(ref r, plain, out periodStart);
            else if (type == MappedType.Encounter && r.ValueTextEquals("appointment"u8)) ok = AnyObject(ref r, plain, out namesAppointment);
            else ok = Skip(ref r, plain);
            if (!ok) return false;
        }
        var patient = type switch
        {
            MappedType.Patient => id,
            MappedType.Appointment => firstActor,
            MappedType.QuestionnaireResponse => Or(PatientId(text, subject), PatientId(text, source)),
            MappedType.Communication => Or(Or(PatientId(text, sender), PatientId(text, subject)), firstRecipient),
            _ => PatientId(text, subject),
        };
        bool dated = type == MappedType.Encounter && !status.IsNone && status.Of(text).SequenceEqual("finished"u8) && !namesAppointment;
        found = new Found(patient, start, dated ? periodStart : Place.None);
        return true;
    }

    private static Place Or(Place first, Place then) => first.IsNone ? then : first;

    /// <summary>The id of the reference at <paramref name="reference"/> when it names a Patient, exactly as
    /// <see cref="ResourceCollector.PatientId"/> cuts it from the decoded string (<c>[base/]Patient/id[/_history/vid]</c>;
    /// not a contained <c>#</c> reference; an id neither empty nor holding <c>?</c>), but on the UTF-8 bytes: the
    /// separators are ASCII, which no other character's UTF-8 bytes contain, so the same cut is made.</summary>
    private static Place PatientId(ReadOnlySpan<byte> text, Place reference)
    {
        if (reference.IsNone || reference.Length == 0) return Place.None;
        var s = reference.Of(text);
        if (s[0] == (byte)'#') return Place.None;
        int slash = s.LastIndexOf((byte)'/');
        if (slash < 0) return Place.None;
        int idStart = slash + 1, idEnd = s.Length;
        var rest = s[..slash];
        int before = rest.LastIndexOf((byte)'/');
        var t = rest[(before + 1)..];
        if (before >= 0 && t.SequenceEqual("_history"u8))
        {
            var head = rest[..before];
            int third = head.LastIndexOf((byte)'/');
            if (third >= 0)
            {
                idStart = third + 1;
                idEnd = before;
                head = head[..third];
                t = head[(head.LastIndexOf((byte)'/') + 1)..];
            }
        }
        var idBytes = s[idStart..idEnd];
        return t.SequenceEqual("Patient"u8) && idBytes.Length > 0 && !idBytes.Contains((byte)'?')
            ? new Place(reference.Start + idStart, idEnd - idStart)
            : Place.None;
    }

    /// <summary>Reader on a property name whose value should be a Period: its <c>start</c> (the last one wins; none
    /// when the value is not an object), as the full read's <c>Period</c>.</summary>
    private static bool PeriodStart(ref Utf8JsonReader r, bool plain, out Place start)
    {
        start = Place.None;
        r.Read();
        if (r.TokenType != JsonTokenType.StartObject) return Skip(ref r, plain);
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (!Plain(ref r, plain)) return false;
            if (!(r.ValueTextEquals("start"u8) ? String(ref r, plain, out start) : Skip(ref r, plain))) return false;
        }
        return true;
    }

    /// <summary>Reader on a property name: whether its value is an array holding an object (a Reference the full read
    /// keeps, as its <c>References</c> keeps every object of the array).</summary>
    private static bool AnyObject(ref Utf8JsonReader r, bool plain, out bool any)
    {
        any = false;
        r.Read();
        if (r.TokenType != JsonTokenType.StartArray) return Skip(ref r, plain);
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            any |= r.TokenType == JsonTokenType.StartObject;
            if (!Skip(ref r, plain)) return false;
        }
        return true;
    }

    /// <summary>Whether the string or property name the reader is on can be compared and cut as is: always on a
    /// <paramref name="plain"/> line.</summary>
    private static bool Plain(ref Utf8JsonReader r, bool plain) =>
        plain || r.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || (!r.ValueIsEscaped && Utf8.IsValid(r.ValueSpan));

    /// <summary>Reader on a property name or a value: skips the value, checking every string in it (on a
    /// <paramref name="plain"/> line, the reader's own skip: every string is known good).</summary>
    private static bool Skip(ref Utf8JsonReader r, bool plain)
    {
        if (plain)
        {
            r.Skip();
            return true;
        }
        if (r.TokenType == JsonTokenType.PropertyName) r.Read();
        if (r.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray)) return Plain(ref r, plain);
        int depth = r.CurrentDepth;
        while (r.Read() && r.CurrentDepth > depth)
            if (!Plain(ref r, plain)) return false;
        return true;
    }

    /// <summary>Reader on a property name: where its string value is (the last one wins, as in the full read), none when
    /// not a string.</summary>
    private static bool String(ref Utf8JsonReader r, bool plain, out Place value)
    {
        value = Place.None;
        r.Read();
        if (r.TokenType != JsonTokenType.String) return Skip(ref r, plain);
        if (!Plain(ref r, plain)) return false;
        // On a contiguous, unescaped string the value's bytes follow its opening quote, where the token starts.
        value = new Place(checked((int)r.TokenStartIndex + 1), r.ValueSpan.Length);
        return true;
    }

    /// <summary>Reader on a property name whose value should be a Reference: where its <c>reference</c> is.</summary>
    private static bool Reference(ref Utf8JsonReader r, bool plain, out Place reference)
    {
        reference = Place.None;
        r.Read();
        return r.TokenType != JsonTokenType.StartObject ? Skip(ref r, plain) : ReferenceBody(ref r, plain, out reference);
    }

    /// <summary>Reader on a Reference's StartObject: reads to its end; the last <c>reference</c> wins.</summary>
    private static bool ReferenceBody(ref Utf8JsonReader r, bool plain, out Place reference)
    {
        reference = Place.None;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (!Plain(ref r, plain)) return false;
            if (!(r.ValueTextEquals("reference"u8) ? String(ref r, plain, out reference) : Skip(ref r, plain))) return false;
        }
        return true;
    }

    /// <summary>Reader on a property name: an array of References (<paramref name="actor"/>: of participants, each with
    /// its <c>actor</c>); the first patient id among them, in order, as the full read's <c>First</c> gives it.</summary>
    private static bool FirstPatient(ref Utf8JsonReader r, ReadOnlySpan<byte> text, bool plain, bool actor, out Place patient)
    {
        patient = Place.None;
        r.Read();
        if (r.TokenType != JsonTokenType.StartArray) return Skip(ref r, plain);
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.StartObject) { if (!Skip(ref r, plain)) return false; continue; }
            Place reference = Place.None;
            if (actor)
            {
                while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
                {
                    if (!Plain(ref r, plain)) return false;
                    if (!(r.ValueTextEquals("actor"u8) ? Reference(ref r, plain, out reference) : Skip(ref r, plain))) return false;
                }
            }
            else if (!ReferenceBody(ref r, plain, out reference)) return false;
            if (patient.IsNone) patient = PatientId(text, reference);
        }
        return true;
    }
}
