using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace PatientCentric.Fhir;

/// <summary>The fast path: reads the <see cref="ResourceFacts"/> of a mapped resource straight from UTF-8 with a
/// <see cref="Utf8JsonReader"/>, skipping every other element without materialising it. It must give exactly the facts
/// that <see cref="FirelyFacts"/> gives for the same resource (a test reads all shared data both ways). A field the
/// mapping reads that has the wrong JSON type is taken as absent, as Firely's recoverable mode leaves it unset.</summary>
internal static class Utf8FactsParser
{
    /// <summary>Reads one mapped resource. The reader is on the resource's <see cref="JsonTokenType.StartObject"/> and
    /// ends on its <see cref="JsonTokenType.EndObject"/>.</summary>
    /// <exception cref="JsonException">The JSON is not well formed.</exception>
    /// <exception cref="InvalidOperationException">A string the mapping reads is not valid UTF-8.</exception>
    public static ResourceFacts Parse(ref Utf8JsonReader r, MappedType type) => type switch
    {
        MappedType.Patient => Patient(ref r),
        MappedType.Encounter => Encounter(ref r),
        MappedType.Appointment => Appointment(ref r),
        MappedType.MedicationDispense => Dispense(ref r),
        MappedType.MedicationRequest => Request(ref r),
        MappedType.ServiceRequest => ServiceRequest(ref r),
        MappedType.Task => Task(ref r),
        MappedType.Claim => Claim(ref r),
        MappedType.ClaimResponse => Response(ref r, "ClaimResponse", "request"u8),
        MappedType.ExplanationOfBenefit => Response(ref r, "ExplanationOfBenefit", "claim"u8),
        MappedType.QuestionnaireResponse => Survey(ref r),
        MappedType.Communication => Communication(ref r),
        MappedType.Schedule => Schedule(ref r),
        MappedType.Slot => Slot(ref r),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>The mapped type named by a <c>resourceType</c> string token, or <see cref="MappedType.None"/>.</summary>
    public static MappedType Identify(ref Utf8JsonReader r)
    {
        if (r.ValueIsEscaped) return Identify(r.GetString());
        var s = r.ValueSpan;
        return s.Length switch
        {
            4 when s.SequenceEqual("Task"u8) => MappedType.Task,
            4 when s.SequenceEqual("Slot"u8) => MappedType.Slot,
            5 when s.SequenceEqual("Claim"u8) => MappedType.Claim,
            7 when s.SequenceEqual("Patient"u8) => MappedType.Patient,
            8 when s.SequenceEqual("Schedule"u8) => MappedType.Schedule,
            9 when s.SequenceEqual("Encounter"u8) => MappedType.Encounter,
            11 when s.SequenceEqual("Appointment"u8) => MappedType.Appointment,
            13 when s.SequenceEqual("Communication"u8) => MappedType.Communication,
            13 when s.SequenceEqual("ClaimResponse"u8) => MappedType.ClaimResponse,
            14 when s.SequenceEqual("ServiceRequest"u8) => MappedType.ServiceRequest,
            17 when s.SequenceEqual("MedicationRequest"u8) => MappedType.MedicationRequest,
            18 when s.SequenceEqual("MedicationDispense"u8) => MappedType.MedicationDispense,
            20 when s.SequenceEqual("ExplanationOfBenefit"u8) => MappedType.ExplanationOfBenefit,
            21 when s.SequenceEqual("QuestionnaireResponse"u8) => MappedType.QuestionnaireResponse,
            _ => MappedType.None,
        };
    }

    /// <summary>The mapped type with this name, or <see cref="MappedType.None"/>.</summary>
    public static MappedType Identify(string? type) =>
        type is not null && Enum.TryParse<MappedType>(type, ignoreCase: false, out var t) && t != MappedType.None
        && type == t.ToString() ? t : MappedType.None;

    // ---------- resources ----------

    private static PatientFacts Patient(ref Utf8JsonReader r)
    {
        var c = new Common();
        while (Next(ref r)) if (!c.Read(ref r)) r.Skip();
        return new PatientFacts { Id = c.Id, LastUpdated = c.LastUpdated };
    }

    private static EncounterFacts Encounter(ref Utf8JsonReader r)
    {
        var c = new Common();
        string? status = null, subject = null, cls = null, start = null, end = null;
        ImmutableArray<string?> appointments = [];
        ImmutableArray<StatusPeriodFacts> history = [];
        while (Next(ref r))
        {
            if (c.Read(ref r)) continue;
            if (r.ValueTextEquals("status"u8)) status = Code(ref r);
            else if (r.ValueTextEquals("subject"u8)) subject = Reference(ref r, out _);
            else if (r.ValueTextEquals("class"u8)) cls = Coding(ref r)?.Code;
            else if (r.ValueTextEquals("period"u8)) (start, end) = Period(ref r);
            else if (r.ValueTextEquals("appointment"u8)) appointments = References(ref r);
            else if (r.ValueTextEquals("statusHistory"u8)) history = StatusHistory(ref r);
            else r.Skip();
        }
        return new EncounterFacts(status, subject, cls, start, end, appointments, history) { Id = c.Id, LastUpdated = c.LastUpdated };
    }

    private static AppointmentFacts Appointment(ref Utf8JsonReader r)
    {
        var c = new Common();
        string? status = null, start = null, created = null;
        ImmutableArray<string?> actors = [], cancel = [];
        while (Next(ref r))
        {
            if (c.Read(ref r)) continue;
            if (r.ValueTextEquals("status"u8)) status = Code(ref r);
            else if (r.ValueTextEquals("start"u8)) start = String(ref r);
            else if (r.ValueTextEquals("created"u8)) created = String(ref r);
            else if (r.ValueTextEquals("participant"u8)) actors = Participants(ref r);
            else if (r.ValueTextEquals("cancelationReason"u8))
                cancel = Concept(ref r) is { } cc ? [.. cc.Codings.Select(x => x.Code)] : [];
            else r.Skip();
        }
        return new AppointmentFacts(status, start, created, actors, cancel) { Id = c.Id, LastUpdated = c.LastUpdated };
    }

    private static DispenseFacts Dispense(ref Utf8JsonReader r)
    {
        var c = new Common();
        string? status = null, subject = null, handedOver = null;
        decimal? days = null;
        MedicationFacts? medication = null;
        ImmutableArray<ContainedMedication> contained = [];
        ImmutableArray<string?> prescriptions = [];
        while (Next(ref r))
        {
            if (c.Read(ref r)) continue;
            if (r.ValueTextEquals("status"u8)) status = Code(ref r);
            else if (r.ValueTextEquals("subject"u8)) subject = Reference(ref r, out _);
            else if (r.ValueTextEquals("whenHandedOver"u8)) handedOver = String(ref r);
            else if (r.ValueTextEquals("daysSupply"u8)) days = QuantityValue(ref r);
            else if (r.ValueTextEquals("medicationCodeableConcept"u8)) medication = Concept(ref r) is { } cc ? new(cc, null, null) : null;
            else if (r.ValueTextEquals("medicationReference"u8)) medication = MedicationReference(ref r);
            else if (r.ValueTextEquals("contained"u8)) contained = Contained(ref r);
            else if (r.ValueTextEquals("authorizingPrescription"u8)) prescriptions = References(ref r);
            else r.Skip();
        }
        return new DispenseFacts(status, subject, handedOver, days, medication, contained, prescriptions) { Id = c.Id, LastUpdated = c.LastUpdated };
    }

    private static RequestFacts Request(ref Utf8JsonReader r)
    {
        var c = new Common();
        string? subject = null, authored = null, validity = null;
        bool hasDispense = false;
        DurationFacts? supply = null;
        MedicationFacts? medication = null;
        ImmutableArray<ContainedMedication> contained = [];
        while (Next(ref r))
        {
            if (c.Read(ref r)) continue;
            if (r.ValueTextEquals("subject"u8)) subject = Reference(ref r, out _);
            else if (r.ValueTextEquals("authoredOn"u8)) authored = String(ref r);
            else if (r.ValueTextEquals("medicationCodeableConcept"u8)) medication = Concept(ref r) is { } cc ? new(cc, null, null) : null;
            else if (r.ValueTextEquals("medicationReference"u8)) medication = MedicationReference(ref r);
            else if (r.ValueTextEquals("contained"u8)) contained = Contained(ref r);
            else if (r.ValueTextEquals("dispenseRequest"u8))
            {
                if (!StartObject(ref r)) continue;
                hasDispense = true;
                while (Next(ref r))
                {
                    if (r.ValueTextEquals("validityPeriod"u8)) validity = Period(ref r).Start;
                    else if (r.ValueTextEquals("expectedSupplyDuration"u8)) supply = Quantity(ref r);
                    else r.Skip();
                }
            }
            else r.Skip();
        }
        return new RequestFacts(subject, authored, hasDispense, validity, supply, medication, contained) { Id = c.Id, LastUpdated = c.LastUpdated };
    }

    private static ServiceRequestFacts ServiceRequest(ref Utf8JsonReader r)
    {
        var c = new Common();
        string? subject = null, authored = null;
        ImmutableArray<ConceptFacts> categories = [];
        ConceptFacts? code = null, performerType = null;
        while (Next(ref r))
        {
            if (c.Read(ref r)) continue;
            if (r.ValueTextEquals("subject"u8)) subject = Reference(ref r, out _);
            else if (r.ValueTextEquals("authoredOn"u8)) authored = String(ref r);
            else if (r.ValueTextEquals("category"u8)) categories = Concepts(ref r);
            else if (r.ValueTextEquals("code"u8)) code = Concept(ref r);
            else if (r.ValueTextEquals("performerType"u8)) performerType = Concept(ref r);
            else r.Skip();
        }
        return new ServiceRequestFacts(subject, authored, categories, code, performerType) { Id = c.Id, LastUpdated = c.LastUpdated };
    }

    private static TaskFacts Task(ref Utf8JsonReader r)
    {
        var c = new Common();
        string? status = null, end = null, patient = null;
        ImmutableArray<string?> basedOn = [];
        while (Next(ref r))
        {
            if (c.Read(ref r)) continue;
            if (r.ValueTextEquals("status"u8)) status = Code(ref r);
            else if (r.ValueTextEquals("executionPeriod"u8)) end = Period(ref r).End;
            else if (r.ValueTextEquals("basedOn"u8)) basedOn = References(ref r);
            else if (r.ValueTextEquals("for"u8)) patient = Reference(ref r, out _);
            else r.Skip();
        }
        return new TaskFacts(status, end, basedOn) { Id = c.Id, LastUpdated = c.LastUpdated, Patient = patient };
    }

    private static ClaimFacts Claim(ref Utf8JsonReader r)
    {
        var c = new Common();
        string? patient = null, created = null;
        decimal? total = null;
        while (Next(ref r))
        {
            if (c.Read(ref r)) continue;
            if (r.ValueTextEquals("patient"u8)) patient = Reference(ref r, out _);
            else if (r.ValueTextEquals("created"u8)) created = String(ref r);
            else if (r.ValueTextEquals("total"u8)) total = QuantityValue(ref r);
            else r.Skip();
        }
        return new ClaimFacts(patient, created, total) { Id = c.Id, LastUpdated = c.LastUpdated };
    }

    private static ResponseFacts Response(ref Utf8JsonReader r, string type, ReadOnlySpan<byte> claimElement)
    {
        var c = new Common();
        string? claim = null, created = null, outcome = null, patient = null;
        bool errors = false;
        bool isClaimResponse = type == "ClaimResponse";
        while (Next(ref r))
        {
            if (c.Read(ref r)) continue;
            if (r.ValueTextEquals(claimElement)) claim = Reference(ref r, out _);
            else if (r.ValueTextEquals("created"u8)) created = String(ref r);
            else if (r.ValueTextEquals("outcome"u8)) outcome = Code(ref r);
            else if (r.ValueTextEquals("patient"u8)) patient = Reference(ref r, out _);
            else if (isClaimResponse && r.ValueTextEquals("error"u8)) errors = CountObjects(ref r) > 0;
            else r.Skip();
        }
        return new ResponseFacts(type, claim, created, outcome == "error" || errors) { Id = c.Id, LastUpdated = c.LastUpdated, Patient = patient };
    }

    private static SurveyFacts Survey(ref Utf8JsonReader r)
    {
        var c = new Common();
        string? status = null, subject = null, source = null, authored = null;
        ImmutableArray<AnswerFacts> answers = [];
        while (Next(ref r))
        {
            if (c.Read(ref r)) continue;
            if (r.ValueTextEquals("status"u8)) status = Code(ref r);
            else if (r.ValueTextEquals("subject"u8)) subject = Reference(ref r, out _);
            else if (r.ValueTextEquals("source"u8)) source = Reference(ref r, out _);
            else if (r.ValueTextEquals("authored"u8)) authored = String(ref r);
            else if (r.ValueTextEquals("item"u8))
            {
                // Read into this thread's scratch list, then copied out at its exact size.
                var list = t_answers ??= new List<AnswerFacts>(32);
                list.Clear();
                Items(ref r, list);
                answers = ImmutableCollectionsMarshal.AsImmutableArray(list.ToArray());
                if (list.Capacity > 1024) t_answers = null;   // an outsized questionnaire is not kept for the thread
            }
            else r.Skip();
        }
        return new SurveyFacts(status, subject, source, authored, answers) { Id = c.Id, LastUpdated = c.LastUpdated };
    }

    private static CommunicationFacts Communication(ref Utf8JsonReader r)
    {
        var c = new Common();
        string? sent = null, sender = null, subject = null;
        ImmutableArray<string?> inResponseTo = [], recipients = [];
        while (Next(ref r))
        {
            if (c.Read(ref r)) continue;
            if (r.ValueTextEquals("sent"u8)) sent = String(ref r);
            else if (r.ValueTextEquals("sender"u8)) sender = Reference(ref r, out _);
            else if (r.ValueTextEquals("inResponseTo"u8)) inResponseTo = References(ref r);
            else if (r.ValueTextEquals("subject"u8)) subject = Reference(ref r, out _);
            else if (r.ValueTextEquals("recipient"u8)) recipients = References(ref r);
            else r.Skip();
        }
        return new CommunicationFacts(sent, sender, inResponseTo, subject, recipients) { Id = c.Id, LastUpdated = c.LastUpdated };
    }

    private static ScheduleFacts Schedule(ref Utf8JsonReader r)
    {
        var c = new Common();
        while (Next(ref r)) if (!c.Read(ref r)) r.Skip();
        return new ScheduleFacts { Id = c.Id, LastUpdated = c.LastUpdated };
    }

    private static SlotFacts Slot(ref Utf8JsonReader r)
    {
        var c = new Common();
        string? status = null, schedule = null, start = null;
        ConceptFacts? appointmentType = null;
        ImmutableArray<ConceptFacts> serviceTypes = [];
        while (Next(ref r))
        {
            if (c.Read(ref r)) continue;
            if (r.ValueTextEquals("status"u8)) status = Code(ref r);
            else if (r.ValueTextEquals("schedule"u8)) schedule = Reference(ref r, out _);
            else if (r.ValueTextEquals("start"u8)) start = String(ref r);
            else if (r.ValueTextEquals("appointmentType"u8)) appointmentType = Concept(ref r);
            else if (r.ValueTextEquals("serviceType"u8)) serviceTypes = Concepts(ref r);
            else r.Skip();
        }
        return new SlotFacts(status, schedule, start, appointmentType, serviceTypes) { Id = c.Id, LastUpdated = c.LastUpdated };
    }

    // ---------- elements ----------

    /// <summary><c>id</c> and <c>meta.lastUpdated</c>; <c>resourceType</c> is already known and skipped.</summary>
    private struct Common
    {
        public string? Id;
        public string? LastUpdated;

        /// <summary>Reads the property the reader is on if it is one of these; false (reader unmoved) otherwise.</summary>
        public bool Read(ref Utf8JsonReader r)
        {
            if (r.ValueTextEquals("id"u8)) { Id = String(ref r); return true; }
            if (r.ValueTextEquals("resourceType"u8)) { r.Skip(); return true; }
            if (!r.ValueTextEquals("meta"u8)) return false;
            if (!StartObject(ref r)) return true;
            while (Next(ref r))
            {
                if (r.ValueTextEquals("lastUpdated"u8)) LastUpdated = String(ref r);
                else r.Skip();
            }
            return true;
        }
    }

    /// <summary>Moves to the next property name of the current object; false at its end.</summary>
    private static bool Next(ref Utf8JsonReader r) => r.Read() && r.TokenType == JsonTokenType.PropertyName;

    /// <summary>Reader on a property name: moves to its value; true if that is an object (reader on its start), else
    /// skips the value and returns false.</summary>
    private static bool StartObject(ref Utf8JsonReader r)
    {
        r.Read();
        if (r.TokenType == JsonTokenType.StartObject) return true;
        r.Skip();
        return false;
    }

    /// <summary>Reader on a property name: moves to its value; true if that is an array, else skips it.</summary>
    private static bool StartArray(ref Utf8JsonReader r)
    {
        r.Read();
        if (r.TokenType == JsonTokenType.StartArray) return true;
        r.Skip();
        return false;
    }

    /// <summary>Reader on a property name: its string value, or null (value skipped) when it is not a string.</summary>
    private static string? String(ref Utf8JsonReader r)
    {
        r.Read();
        if (r.TokenType == JsonTokenType.String) return Utf8Strings.Get(ref r);
        r.Skip();
        return null;
    }

    /// <summary>A code's literal; the common status literals without allocating.</summary>
    private static string? Code(ref Utf8JsonReader r)
    {
        r.Read();
        if (r.TokenType != JsonTokenType.String) { r.Skip(); return null; }
        if (!r.ValueIsEscaped)
        {
            var s = r.ValueSpan;
            if (s.SequenceEqual("finished"u8)) return "finished";
            if (s.SequenceEqual("completed"u8)) return "completed";
            if (s.SequenceEqual("active"u8)) return "active";
            if (s.SequenceEqual("complete"u8)) return "complete";
            if (s.SequenceEqual("fulfilled"u8)) return "fulfilled";
            if (s.SequenceEqual("arrived"u8)) return "arrived";
            if (s.SequenceEqual("in-progress"u8)) return "in-progress";
            if (s.SequenceEqual("free"u8)) return "free";
            if (s.SequenceEqual("busy"u8)) return "busy";
        }
        return Utf8Strings.Get(ref r);
    }

    private static (string? Start, string? End) Period(ref Utf8JsonReader r)
    {
        string? start = null, end = null;
        if (!StartObject(ref r)) return (null, null);
        while (Next(ref r))
        {
            if (r.ValueTextEquals("start"u8)) start = String(ref r);
            else if (r.ValueTextEquals("end"u8)) end = String(ref r);
            else r.Skip();
        }
        return (start, end);
    }

    /// <summary>Reader on a property name whose value should be a Reference: its <c>reference</c> and <c>display</c>.</summary>
    private static string? Reference(ref Utf8JsonReader r, out string? display)
    {
        display = null;
        return StartObject(ref r) ? ReferenceBody(ref r, out display) : null;
    }

    /// <summary>Reader on a Reference's StartObject: reads to its end.</summary>
    private static string? ReferenceBody(ref Utf8JsonReader r, out string? display)
    {
        string? reference = null;
        display = null;
        while (Next(ref r))
        {
            if (r.ValueTextEquals("reference"u8)) reference = String(ref r);
            else if (r.ValueTextEquals("display"u8)) display = String(ref r);
            else r.Skip();
        }
        return reference;
    }

    /// <summary>An array of References: each one's <c>reference</c> (null for an element without one).</summary>
    private static ImmutableArray<string?> References(ref Utf8JsonReader r)
    {
        if (!StartArray(ref r)) return [];
        var list = new SmallList<string?>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType == JsonTokenType.StartObject) list.Add(ReferenceBody(ref r, out _));
            else r.Skip();
        }
        return list.ToImmutable();
    }

    /// <summary><c>Encounter.statusHistory</c>: each entry's status and <c>period.start</c>.</summary>
    private static ImmutableArray<StatusPeriodFacts> StatusHistory(ref Utf8JsonReader r)
    {
        if (!StartArray(ref r)) return [];
        var list = new SmallList<StatusPeriodFacts>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.StartObject) { r.Skip(); continue; }
            string? status = null, start = null;
            while (Next(ref r))
            {
                if (r.ValueTextEquals("status"u8)) status = Code(ref r);
                else if (r.ValueTextEquals("period"u8)) start = Period(ref r).Start;
                else r.Skip();
            }
            list.Add(new StatusPeriodFacts(status, start));
        }
        return list.ToImmutable();
    }

    /// <summary><c>Appointment.participant[].actor.reference</c>, one entry per participant.</summary>
    private static ImmutableArray<string?> Participants(ref Utf8JsonReader r)
    {
        if (!StartArray(ref r)) return [];
        var list = new SmallList<string?>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.StartObject) { r.Skip(); continue; }
            string? actor = null;
            while (Next(ref r))
            {
                if (r.ValueTextEquals("actor"u8)) actor = Reference(ref r, out _);
                else r.Skip();
            }
            list.Add(actor);
        }
        return list.ToImmutable();
    }

    private static MedicationFacts? MedicationReference(ref Utf8JsonReader r)
    {
        if (!StartObject(ref r)) return null;
        var reference = ReferenceBody(ref r, out var display);
        return new MedicationFacts(null, reference, display);
    }

    private static CodingFacts? Coding(ref Utf8JsonReader r) => StartObject(ref r) ? CodingBody(ref r) : null;

    private static CodingFacts CodingBody(ref Utf8JsonReader r)
    {
        string? code = null, display = null;
        while (Next(ref r))
        {
            if (r.ValueTextEquals("code"u8)) code = String(ref r);
            else if (r.ValueTextEquals("display"u8)) display = String(ref r);
            else r.Skip();
        }
        return new CodingFacts(code, display);
    }

    private static ConceptFacts? Concept(ref Utf8JsonReader r) => StartObject(ref r) ? ConceptBody(ref r) : null;

    private static ConceptFacts ConceptBody(ref Utf8JsonReader r)
    {
        string? text = null;
        ImmutableArray<CodingFacts> codings = [];
        while (Next(ref r))
        {
            if (r.ValueTextEquals("text"u8)) text = String(ref r);
            else if (r.ValueTextEquals("coding"u8))
            {
                if (!StartArray(ref r)) continue;
                var list = new SmallList<CodingFacts>();
                while (r.Read() && r.TokenType != JsonTokenType.EndArray)
                {
                    if (r.TokenType == JsonTokenType.StartObject) list.Add(CodingBody(ref r));
                    else r.Skip();
                }
                codings = list.ToImmutable();
            }
            else r.Skip();
        }
        return new ConceptFacts(text, codings);
    }

    private static ImmutableArray<ConceptFacts> Concepts(ref Utf8JsonReader r)
    {
        if (!StartArray(ref r)) return [];
        var list = new SmallList<ConceptFacts>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType == JsonTokenType.StartObject) list.Add(ConceptBody(ref r));
            else r.Skip();
        }
        return list.ToImmutable();
    }

    /// <summary>A Quantity, Duration or Money: <c>value</c>, <c>code</c>, <c>unit</c>.</summary>
    private static DurationFacts? Quantity(ref Utf8JsonReader r)
    {
        if (!StartObject(ref r)) return null;
        decimal? value = null;
        string? code = null, unit = null;
        while (Next(ref r))
        {
            if (r.ValueTextEquals("value"u8))
            {
                r.Read();
                if (r.TokenType == JsonTokenType.Number && r.TryGetDecimal(out var v)) value = v;
                else r.Skip();
            }
            else if (r.ValueTextEquals("code"u8)) code = String(ref r);
            else if (r.ValueTextEquals("unit"u8)) unit = String(ref r);
            else r.Skip();
        }
        return new DurationFacts(value, code, unit);
    }

    /// <summary>A Quantity's (or Money's) <c>value</c> alone: what <see cref="Quantity"/> gives as its value, without
    /// the record.</summary>
    private static decimal? QuantityValue(ref Utf8JsonReader r)
    {
        if (!StartObject(ref r)) return null;
        decimal? value = null;
        while (Next(ref r))
        {
            if (r.ValueTextEquals("value"u8))
            {
                r.Read();
                if (r.TokenType == JsonTokenType.Number && r.TryGetDecimal(out var v)) value = v;
                else r.Skip();
            }
            // Still decoded (a shared string when seen before): invalid UTF-8 in them spoils the resource as in Quantity.
            else if (r.ValueTextEquals("code"u8) || r.ValueTextEquals("unit"u8)) _ = String(ref r);
            else r.Skip();
        }
        return value;
    }

    /// <summary><c>contained</c>: the <c>Medication</c> resources among them (any property order).</summary>
    private static ImmutableArray<ContainedMedication> Contained(ref Utf8JsonReader r)
    {
        if (!StartArray(ref r)) return [];
        var list = new SmallList<ContainedMedication>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.StartObject) { r.Skip(); continue; }
            string? type = null, id = null;
            ConceptFacts? code = null;
            while (Next(ref r))
            {
                if (r.ValueTextEquals("resourceType"u8)) type = String(ref r);
                else if (r.ValueTextEquals("id"u8)) id = String(ref r);
                else if (r.ValueTextEquals("code"u8)) code = Concept(ref r);
                else r.Skip();
            }
            if (type == "Medication") list.Add(new ContainedMedication(id, code));
        }
        return list.ToImmutable();
    }

    /// <summary>The number of objects in an array value (0 when the value is not an array).</summary>
    private static int CountObjects(ref Utf8JsonReader r)
    {
        if (!StartArray(ref r)) return 0;
        int n = 0;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType == JsonTokenType.StartObject) n++;
            r.Skip();
        }
        return n;
    }

    /// <summary><c>item</c> (recursively, pre-order: an item, then its own items): each item's linkId and the text of
    /// its first answer.</summary>
    private static void Items(ref Utf8JsonReader r, List<AnswerFacts> output)
    {
        if (!StartArray(ref r)) return;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.StartObject) { r.Skip(); continue; }
            string? linkId = null, answer = null;
            // The item's own place comes before its children's, which are appended after it as they are read.
            int self = output.Count;
            output.Add(default);
            while (Next(ref r))
            {
                if (r.ValueTextEquals("linkId"u8)) linkId = String(ref r);
                else if (r.ValueTextEquals("answer"u8)) answer = FirstAnswer(ref r);
                else if (r.ValueTextEquals("item"u8)) Items(ref r, output);
                else r.Skip();
            }
            output[self] = new AnswerFacts(linkId, answer);
        }
    }

    [ThreadStatic]
    private static List<AnswerFacts>? t_answers;

    /// <summary>The texts of the integers 0 to 100, the range of the usual rating and count answers.</summary>
    private static readonly string[] SmallIntegers = [.. Enumerable.Range(0, 101).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    /// <summary>The text of the first answer's <c>value[x]</c> (integer, decimal, string, boolean, Coding code).</summary>
    private static string? FirstAnswer(ref Utf8JsonReader r)
    {
        if (!StartArray(ref r)) return null;
        string? text = null;
        bool first = true;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.StartObject) { r.Skip(); continue; }
            if (!first) { r.Skip(); continue; }
            first = false;
            while (Next(ref r))
            {
                if (r.ValueTextEquals("valueInteger"u8))
                {
                    r.Read();
                    text = r.TokenType == JsonTokenType.Number && r.TryGetInt32(out var i)
                        ? (uint)i < (uint)SmallIntegers.Length ? SmallIntegers[i] : i.ToString(CultureInfo.InvariantCulture) : null;
                    r.Skip();
                }
                else if (r.ValueTextEquals("valueDecimal"u8))
                {
                    r.Read();
                    text = r.TokenType == JsonTokenType.Number && r.TryGetDecimal(out var d) ? d.ToString(CultureInfo.InvariantCulture) : null;
                    r.Skip();
                }
                else if (r.ValueTextEquals("valueString"u8)) text = String(ref r);
                else if (r.ValueTextEquals("valueBoolean"u8))
                {
                    r.Read();
                    text = r.TokenType switch { JsonTokenType.True => "true", JsonTokenType.False => "false", _ => null };
                    r.Skip();
                }
                else if (r.ValueTextEquals("valueCoding"u8)) text = Coding(ref r)?.Code;
                else r.Skip();
            }
        }
        return text;
    }
}

/// <summary>The resource types the mapping reads.</summary>
internal enum MappedType
{
    None,
    Patient,
    Encounter,
    Appointment,
    MedicationDispense,
    MedicationRequest,
    ServiceRequest,
    Task,
    Claim,
    ClaimResponse,
    ExplanationOfBenefit,
    QuestionnaireResponse,
    Communication,
    Schedule,
    Slot,
}
