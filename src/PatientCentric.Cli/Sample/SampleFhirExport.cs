using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using PatientCentric.Records;
using FhirAppointment = Hl7.Fhir.Model.Appointment;
using FhirClaim = Hl7.Fhir.Model.Claim;
using FhirTask = Hl7.Fhir.Model.Task;

namespace PatientCentric.Cli.Sample;

/// <summary>Writes a <see cref="PracticeDataSet"/> (the generated sample) as a Bulk-Data-style folder of FHIR R4 NDJSON:
/// one <c>&lt;Type&gt;.000.ndjson</c> per resource type, one compact resource per line, plus <see cref="SurveyItemsFileName"/>
/// (the survey item definitions, which FHIR does not carry). The inverse of the mapping in
/// <c>PatientCentric.Fhir.FhirPracticeReader</c> (docs/fhir.md, "Which resource feeds which record?"), so that reading the
/// folder back gives the same records wherever the mapping is lossless; the losses are listed in docs/fhir.md,
/// "The sample as FHIR".</summary>
/// <remarks>Deterministic: the same data set gives the same bytes (resources in data-set order, ids derived from record
/// ids and keys). Record kinds the reader does not map (jobs, calls, reviews, ratings, barriers, opening hours, holidays…)
/// are not written. No names or demographics are written: a <c>Patient</c> or <c>Practitioner</c> is an id only.</remarks>
internal static partial class SampleFhirExport
{
    /// <summary>The survey item definitions and linkId map written next to the NDJSON files.</summary>
    public const string SurveyItemsFileName = "survey-items.json";

    /// <summary>The one Practitioner who answers portal messages: the sample does not say which staff member replied.</summary>
    public const string PortalStaffId = "portal-staff";

    // Every file is always written (empty when the data has no such resource), so a second export into the same folder
    // replaces all of the first one's NDJSON.
    private static readonly string[] Types =
    [
        "Patient", "Practitioner", "Appointment", "Encounter", "MedicationDispense", "ServiceRequest", "Task",
        "Claim", "ClaimResponse", "QuestionnaireResponse", "Communication", "Schedule", "Slot",
    ];

    /// <summary>The code system of <c>Slot.appointmentType</c>: the sample's own appointment types (<c>new-patient</c>).</summary>
    private const string AppointmentTypeSystem = "https://patientcentric.example/fhir/CodeSystem/appointment-type";

    /// <summary>The length of the sample's slots (its half-hour grid): <c>Slot.end</c> is required, the reader ignores it.</summary>
    private static readonly TimeSpan SlotLength = TimeSpan.FromMinutes(30);

    private const string ActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    private const string CancellationReasonSystem = "http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason";
    private const string Snomed = "http://snomed.info/sct";
    private const string Ucum = "http://unitsofmeasure.org";

    private static readonly FhirJsonSerializer Serializer = new();

    /// <summary>Writes <paramref name="data"/> into <paramref name="folder"/> (created if needed), replacing files of the
    /// same names.</summary>
    /// <returns>Each file written with its number of resources (survey-items.json has none), in write order.</returns>
    public static ImmutableArray<(string FileName, int Resources)> Write(PracticeDataSet data, string folder)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        Directory.CreateDirectory(folder);
        var files = ImmutableArray.CreateBuilder<(string, int)>();
        foreach (var (type, resources) in Build(data))
        {
            string name = type + ".000.ndjson";
            using (var stream = File.Create(Path.Combine(folder, name)))
                WriteNdjson(resources, stream);
            files.Add((name, resources.Count));
        }
        using (var stream = File.Create(Path.Combine(folder, SurveyItemsFileName)))
            SurveyItemsFile.Write(stream, data.SurveyItems, data.SurveyItems.ToDictionary(i => i.Key, i => i.Key, StringComparer.Ordinal));
        files.Add((SurveyItemsFileName, 0));
        return files.ToImmutable();
    }

    /// <summary>Writes resources as NDJSON: compact, UTF-8 without a byte-order mark, each line ended by <c>'\n'</c>.</summary>
    private static void WriteNdjson(IEnumerable<Resource> resources, Stream output)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        foreach (var resource in resources)
        {
            Serializer.Serialize(resource, writer);
            writer.Flush();
            output.WriteByte((byte)'\n');
            writer.Reset(output);
        }
        output.Flush();
    }

    /// <summary>Builds the resources, grouped by type in the order of the files.</summary>
    public static IReadOnlyList<(string Type, IReadOnlyList<Resource> Resources)> Build(PracticeDataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var byType = Types.ToDictionary(t => t, _ => new List<Resource>(), StringComparer.Ordinal);
        void Add(Resource r) => byType[r.TypeName].Add(r);

        var patients = new SortedSet<string>(StringComparer.Ordinal);
        var clinicians = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var a in data.Appointments)
        {
            patients.Add(a.PatientKey);
            if (a.ClinicianKey is { } c) clinicians.Add(c);
            Add(Appointment(a));
            if (Encounter(a) is { } e) Add(e);
        }
        foreach (var f in data.MedicationFills)
        {
            patients.Add(f.PatientKey);
            Add(Dispense(f));
        }
        foreach (var r in data.Referrals)
        {
            patients.Add(r.PatientKey);
            Add(Referral(r));
            if (r.ReportReceivedOn is { } received) Add(ReferralReport(r, received));
        }
        foreach (var c in data.Claims)
        {
            patients.Add(c.PatientKey);
            Add(Claim(c, data.PracticeName));
            if (c.AdjudicatedOn is { } adjudicated) Add(ClaimResponse(c, adjudicated));
        }
        foreach (var s in data.SurveyReturns)
        {
            patients.Add(s.PatientKey);
            Add(Survey(s));
        }
        foreach (var t in data.PortalThreads)
        {
            patients.Add(t.PatientKey);
            Add(PatientMessage(t));
            if (t.FirstStaffReplyAt is { } reply) Add(StaffReply(t, reply));
        }
        // A Slot has one status, its state at export time: only the last availability snapshot of each schedule travels.
        var schedules = new HashSet<string>(StringComparer.Ordinal);
        foreach (var snapshot in LastSnapshots(data))
        {
            if (schedules.Add(snapshot.ScheduleKey)) Add(Schedule(snapshot.ScheduleKey));
            for (int i = 0; i < snapshot.Slots.Length; i++) Add(Slot(snapshot, i));
        }
        byType["Patient"].AddRange(patients.Select(p => new Patient { Id = FhirId(p) }));
        byType["Practitioner"].AddRange(clinicians.Select(c => new Practitioner { Id = FhirId(c) }));
        if (!data.PortalThreads.IsEmpty) byType["Practitioner"].Add(new Practitioner { Id = PortalStaffId });   // every message is addressed to it
        return [.. Types.Select(t => (t, (IReadOnlyList<Resource>)byType[t]))];
    }

    // ---------- one resource per record ----------

    private static FhirAppointment Appointment(Records.Appointment a)
    {
        var appointment = new FhirAppointment
        {
            Id = FhirId(a.Id),
            Status = a.Outcome switch
            {
                AppointmentOutcome.NoShow => FhirAppointment.AppointmentStatus.Noshow,
                AppointmentOutcome.Cancelled => FhirAppointment.AppointmentStatus.Cancelled,
                AppointmentOutcome.Kept => FhirAppointment.AppointmentStatus.Fulfilled,
                _ => FhirAppointment.AppointmentStatus.Booked,
            },
            // The reader takes a missing `created` as "booking instant unknown", the record's BookingUnknown.
            Created = a.BookingUnknown ? null : DateTime(a.BookedAt),
            StartElement = new Instant(a.Start),
        };
        // R4 keeps no cancellation instant on Appointment (only in resource history): CancelledAt is not written.
        if (a.Outcome == AppointmentOutcome.Cancelled && a.CancelledBy is { } by)
        {
            appointment.CancelationReason = by == CancellationInitiator.Patient
                ? Concept(CancellationReasonSystem, "pat", "Patient")
                : Concept(CancellationReasonSystem, "prov", "Provider");
        }
        appointment.Participant.Add(Participant(Ref("Patient", a.PatientKey)));
        if (a.ClinicianKey is { } c) appointment.Participant.Add(Participant(Ref("Practitioner", c)));
        return appointment;

        static FhirAppointment.ParticipantComponent Participant(ResourceReference actor) =>
            new() { Actor = actor, Status = ParticipationStatus.Accepted };
    }

    /// <summary>The visit of a kept appointment: arrival and departure, and the mode as the encounter class. None when
    /// the arrival is unknown (an Encounter needs its start; the Appointment still reads as Kept).</summary>
    private static Encounter? Encounter(Records.Appointment a)
    {
        if (a.Outcome != AppointmentOutcome.Kept || a.ArrivedAt is not { } arrived) return null;
        bool telehealth = a.Mode == VisitMode.Telehealth;
        return new Encounter
        {
            Id = FhirId(a.Id),
            Status = Hl7.Fhir.Model.Encounter.EncounterStatus.Finished,
            Class = new Coding(ActCode, telehealth ? "VR" : "AMB", telehealth ? "virtual" : "ambulatory"),
            Subject = Ref("Patient", a.PatientKey),
            Period = new Period { Start = DateTime(arrived), End = a.DepartedAt is { } d ? DateTime(d) : null },
            StatusHistory = StatusHistory(a, arrived),
            Appointment = [Ref("Appointment", a.Id)],
        };
    }

    /// <summary>The visit's steps as docs/fhir.md reads them: arrived (arrival), in-progress (first clinician contact,
    /// when recorded), finished (departure, when recorded); each period ends where the next step begins.</summary>
    private static List<Encounter.StatusHistoryComponent> StatusHistory(Records.Appointment a, DateTimeOffset arrived)
    {
        var steps = new List<(Encounter.EncounterStatus Status, DateTimeOffset At)> { (Hl7.Fhir.Model.Encounter.EncounterStatus.Arrived, arrived) };
        if (a.SeenAt is { } seen) steps.Add((Hl7.Fhir.Model.Encounter.EncounterStatus.InProgress, seen));
        if (a.DepartedAt is { } departed) steps.Add((Hl7.Fhir.Model.Encounter.EncounterStatus.Finished, departed));
        return [.. steps.Select((s, i) => new Encounter.StatusHistoryComponent
        {
            Status = s.Status,
            Period = new Period { Start = DateTime(s.At), End = i + 1 < steps.Count && s.Status != Hl7.Fhir.Model.Encounter.EncounterStatus.Finished ? DateTime(steps[i + 1].At) : null },
        })];
    }

    private static MedicationDispense Dispense(MedicationFill f) => new()
    {
        Id = FhirId(f.Id),
        Status = MedicationDispense.MedicationDispenseStatusCodes.Completed,
        Medication = new CodeableConcept { Text = f.Drug },
        Subject = Ref("Patient", f.PatientKey),
        DaysSupply = new Quantity { Value = f.DaysSupply, Unit = "days", System = Ucum, Code = "d" },
        WhenHandedOver = Date(f.DateOfService),
    };

    private static ServiceRequest Referral(Referral r) => new()
    {
        Id = FhirId(r.Id),
        Status = r.ReportReceivedOn is null ? RequestStatus.Active : RequestStatus.Completed,
        Intent = RequestIntent.Order,
        Category = [Concept(Snomed, "3457005", "Patient referral")],
        Subject = Ref("Patient", r.PatientKey),
        AuthoredOn = Date(r.AuthoredOn),
        PerformerType = new CodeableConcept { Text = r.Specialty },
    };

    /// <summary>The specialist's report coming back, closing the referral loop.</summary>
    private static FhirTask ReferralReport(Referral r, DateOnly received) => new()
    {
        Id = FhirId(r.Id),
        Status = FhirTask.TaskStatus.Completed,
        Intent = FhirTask.TaskIntent.Order,
        BasedOn = [Ref("ServiceRequest", r.Id)],
        For = Ref("Patient", r.PatientKey),
        ExecutionPeriod = new Period { End = Date(received) },
    };

    private static FhirClaim Claim(Records.Claim c, string practiceName) => new()
    {
        Id = FhirId(c.Id),
        Status = FinancialResourceStatusCodes.Active,
        Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/claim-type", "professional"),
        Use = ClaimUseCode.Claim,
        Patient = Ref("Patient", c.PatientKey),
        Created = Date(c.FirstSubmittedOn),
        Provider = new ResourceReference { Display = practiceName },
        Priority = new CodeableConcept("http://terminology.hl7.org/CodeSystem/processpriority", "normal"),
        Insurance = [new FhirClaim.InsuranceComponent { Sequence = 1, Focal = true, Coverage = new ResourceReference { Display = "Sample coverage" } }],
        Total = new Money { Value = c.ChargeAmount, Currency = Money.Currencies.USD },
    };

    /// <summary>The first adjudication. The reader knows one flag per response: <c>outcome = error</c> means denied and
    /// not clean. Denials are kept exact, so a clean claim that was denied reads as not clean and an unclean claim that was
    /// paid reads as clean (FHIR does not record claim edits).</summary>
    private static ClaimResponse ClaimResponse(Records.Claim c, DateOnly adjudicated) => new()
    {
        Id = FhirId(c.Id),
        Status = FinancialResourceStatusCodes.Active,
        Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/claim-type", "professional"),
        Use = ClaimUseCode.Claim,
        Patient = Ref("Patient", c.PatientKey),
        Created = Date(adjudicated),
        Insurer = new ResourceReference { Display = "Sample payer" },
        Request = Ref("Claim", c.Id),
        Outcome = c.DeniedAtFirstAdjudication == true ? ClaimProcessingCodes.Error : ClaimProcessingCodes.Complete,
    };

    /// <summary>One returned survey: one item per answer, linkId = the item key (the identity map of
    /// <see cref="SurveyItemsFileName"/>); whole-number categories as <c>valueInteger</c>, others as <c>valueString</c>.</summary>
    private static QuestionnaireResponse Survey(SurveyReturn s)
    {
        var q = new QuestionnaireResponse
        {
            Id = FhirId(s.Id),
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Subject = Ref("Patient", s.PatientKey),
            Authored = Date(s.ReturnedOn),
        };
        foreach (var (key, answer) in s.Answers)
        {
            DataType value = int.TryParse(answer, NumberStyles.None, CultureInfo.InvariantCulture, out int n)
                             && n.ToString(CultureInfo.InvariantCulture) == answer
                ? new Integer(n)
                : new FhirString(answer);
            q.Item.Add(new QuestionnaireResponse.ItemComponent
            {
                LinkId = key,
                Answer = [new QuestionnaireResponse.AnswerComponent { Value = value }],
            });
        }
        return q;
    }

    private static Communication PatientMessage(PortalThread t) => new()
    {
        Id = FhirId("msg-" + t.Id),
        Status = EventStatus.Completed,
        Subject = Ref("Patient", t.PatientKey),
        Sender = Ref("Patient", t.PatientKey),
        Recipient = [new ResourceReference("Practitioner/" + PortalStaffId)],
        Sent = DateTime(t.SentAt),
    };

    private static Communication StaffReply(PortalThread t, DateTimeOffset reply) => new()
    {
        Id = FhirId("reply-" + t.Id),
        Status = EventStatus.Completed,
        Subject = Ref("Patient", t.PatientKey),
        Sender = new ResourceReference("Practitioner/" + PortalStaffId),
        Recipient = [Ref("Patient", t.PatientKey)],
        InResponseTo = [Ref("Communication", "msg-" + t.Id)],
        Sent = DateTime(reply),
    };

    /// <summary>The snapshots written as Slots: for each schedule, those (one per appointment type) taken at its latest
    /// t0, in data-set order.</summary>
    internal static ImmutableArray<AvailabilitySnapshot> LastSnapshots(PracticeDataSet data) => LastSnapshots(data.AvailabilitySnapshots);

    /// <summary>A schedule: its actor is display-only, since the sample's schedules are pools, not people.</summary>
    private static Schedule Schedule(string key) => new()
    {
        Id = FhirId(key),
        Active = true,
        Actor = [new ResourceReference { Display = "Sample schedule" }],
    };

    /// <summary>One slot of a snapshot as it stood at its t0. FHIR has no standard element for a held slot or one
    /// reserved for same-day use (docs/fhir.md: host-flagged), so such a free slot is written as <c>free</c>, the
    /// reader reads it as bookable, and only the start and status travel.</summary>
    private static Slot Slot(AvailabilitySnapshot snapshot, int index)
    {
        var slot = snapshot.Slots[index];
        return new Slot
        {
            Id = FhirId($"{snapshot.ScheduleKey}.{snapshot.AppointmentType}.{index.ToString("D4", CultureInfo.InvariantCulture)}"),
            AppointmentType = new CodeableConcept { Coding = [new Coding(AppointmentTypeSystem, snapshot.AppointmentType)] },
            Schedule = Ref("Schedule", snapshot.ScheduleKey),
            Status = slot.Status switch
            {
                Touchpoints.SlotStatus.Free => Hl7.Fhir.Model.Slot.SlotStatus.Free,
                Touchpoints.SlotStatus.Busy => Hl7.Fhir.Model.Slot.SlotStatus.Busy,
                Touchpoints.SlotStatus.BusyTentative => Hl7.Fhir.Model.Slot.SlotStatus.BusyTentative,
                _ => Hl7.Fhir.Model.Slot.SlotStatus.BusyUnavailable,
            },
            StartElement = new Instant(slot.Start),
            EndElement = new Instant(slot.Start + SlotLength),
        };
    }

    // ---------- values ----------

    private static ResourceReference Ref(string type, string key) => new(type + "/" + FhirId(key));

    private static CodeableConcept Concept(string system, string code, string display) => new() { Coding = [new Coding(system, code, display)] };

    /// <summary>A FHIR dateTime with the instant's own UTC offset and, only when present, its fraction of a second.</summary>
    private static string DateTime(DateTimeOffset value) =>
        value.ToString(value.Offset == TimeSpan.Zero ? "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A FHIR id (<c>[A-Za-z0-9\-.]{1,64}</c>): the key itself when it is one (all of the sample's keys and
    /// ids), otherwise <c>h</c> + 32 hex digits of its SHA-256, so the id is stable and never collides in practice.</summary>
    internal static string FhirId(string key) =>
        ValidId().IsMatch(key) ? key : "h" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 16);

    [GeneratedRegex(@"^[A-Za-z0-9\-.]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ValidId();
}
