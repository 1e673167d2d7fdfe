using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Touchpoints;

namespace PatientCentric.Fhir;

/// <summary>Collects mapped rows (not whole resources) from one read, de-duplicates by <c>resourceType/id</c>, and
/// joins and pseudonymises them into a <see cref="PracticeDataSet"/> at the end.</summary>
/// <remarks>De-duplication decides on versions before the mapping decides on use: the copy with the latest
/// <c>meta.lastUpdated</c> wins whatever it holds. When that copy is one the mapping leaves out (entered-in-error, a status
/// it does not score, a problem), the resource is left out, even if an older copy would have been scored: retracted data
/// is never scored. Such retractions of a usable copy are counted (<see cref="FhirDataQuality.Retracted"/>).</remarks>
internal sealed class ResourceCollector(FhirReadOptions options, TimeZoneInfo zone, Func<FhirPracticeReader.Pseudonyms> newPseudonyms, int expectedResources = 0)
{
    /// <summary>The most resources a read's capacity hint (<see cref="ExpectedResources"/>) asks room for.</summary>
    internal const int MaxExpectedResources = 1 << 21;

    /// <summary>The fewest NDJSON bytes a resource is taken to have for the capacity hint: a FHIR resource with its
    /// <c>resourceType</c>, <c>id</c>, <c>meta.lastUpdated</c> and a reference or two is rarely shorter, so the hint
    /// seldom asks for less room than the read needs (then the table grows as without a hint).</summary>
    internal const int MinBytesPerResource = 320;

    // Room for the expected resources from the start: growing a table of over a million entries from empty allocates
    // about twice its final size in discarded arrays.
    private readonly Dictionary<RowKey, Entry> _rows = new(expectedResources);
    private readonly StringTable _ids = new();
    private readonly PatientTable _patients = new();
    private readonly Dictionary<string, string?> _drugs = new(StringComparer.Ordinal);
    private readonly List<FhirDataIssue> _issues = [];
    private readonly List<IssueOrder> _issueOrder = [];
    private int _step;
    private long _buildOrder;
    private readonly SortedDictionary<string, int> _ignored = new(StringComparer.Ordinal);
    private int _read, _duplicates, _anonymous;

    /// <summary>The number of resources NDJSON input of <paramref name="bytes"/> bytes is expected to hold at most, for
    /// a read's capacity hint: the bytes over <see cref="MinBytesPerResource"/>, at most <see cref="MaxExpectedResources"/>.</summary>
    internal static int ExpectedResources(long bytes) => (int)Math.Clamp(bytes / MinBytesPerResource, 0, MaxExpectedResources);

    [Flags]
    private enum EntryFlags : byte
    {
        None = 0,
        /// <summary>The entry holds a copy (a new key's entry is added before its copy is mapped).</summary>
        Set = 1,
        /// <summary>The copy has a <c>meta.lastUpdated</c> (<see cref="Entry.LastUpdated"/> holds its UTC ticks).</summary>
        HasLastUpdated = 2,
        /// <summary>The mapping reported a problem with it (then it is not a retraction but an issue).</summary>
        Problem = 4,
        /// <summary>A copy it beat (or that lost to it) would have been used.</summary>
        EarlierUsed = 8,
    }

    /// <summary>The winning copy of one <c>resourceType/id</c> so far: what the mapping made of it (<see langword="null"/>
    /// when it uses nothing of it), its <c>meta.lastUpdated</c> as UTC ticks (instants compare by their UTC time, so the
    /// order is <see cref="DateTimeOffset"/>'s), the place of the first copy read (<see cref="Position"/>), and flags.</summary>
    private struct Entry
    {
        public Row? Row;
        public long LastUpdated;
        public long First;
        public EntryFlags Flags;

        public readonly bool Is(EntryFlags flag) => (Flags & flag) != 0;
    }

    /// <summary>Gets or sets where the resource being read is: the 0-based file index in the read times 2^32 plus its
    /// line (or Bundle entry). Record ids and the order of issues follow the place of each resource's first copy, so a
    /// read split into partitions by patient numbers and orders them as one read of the whole input does.</summary>
    public long Position { get; set; }

    /// <summary>Gets, after <see cref="Build"/>, the sort key of each issue, in <see cref="FhirDataQuality.Issues"/> order:
    /// issues of several partial reads sorted by it (stably) come in the order of one read of their union.</summary>
    public ImmutableArray<IssueOrder> IssueOrders => [.. _issueOrder];

    /// <summary>A resource's identity, <c>resourceType/id</c>, without building that string: types hold no <c>/</c>, so
    /// the pair is equal exactly when the joined strings are.</summary>
    private readonly record struct RowKey(string Type, string Id)
    {
        // The id's hash with the type's length: the type names are few (equal keys still have equal hashes), so
        // hashing them in full each time buys nothing.
        public override int GetHashCode() => Id.GetHashCode(StringComparison.Ordinal) ^ (Type.Length * 0x3C6EF35F);
    }

    /// <summary>Whether a row gives a record or a join the scorers see (a dispense that is not handed over only marks
    /// its prescription as being dispensed).</summary>
    private static bool Used(Row? row) => row is not (null or PrescriptionRow);

    public void CountRead() => _read++;

    public void Ignore(string type) => _ignored[type] = _ignored.GetValueOrDefault(type) + 1;

    public void Issue(FhirIssueCode code, string file, int line, string? type, string? field = null)
    {
        var issue = new FhirDataIssue(code, file, line, type, field);
        if (options.Strict) throw new FhirInputException([issue]);
        _issues.Add(issue);
        _issueOrder.Add(new IssueOrder(_step, _step == 0 ? Position : _buildOrder));
    }

    /// <summary>An issue found while joining (<see cref="Build"/>), about <paramref name="row"/>: ordered by the join
    /// step, then the place of the row's resource in the read.</summary>
    private void Issue(FhirIssueCode code, Row row, string? type, string? field = null)
    {
        _buildOrder = row.At.Order;
        Issue(code, row.At.File, row.At.Line, type, field);
    }

    /// <summary>Maps one resource's facts into a row and keeps it, replacing an earlier copy with the same
    /// <c>resourceType/id</c> unless that one is later; a later copy replaces it even when the mapping uses nothing of
    /// the later one (then the resource is left out).</summary>
    public void Add(ResourceFacts facts, string file, int line, Dictionary<string, string>? urls)
    {
        var key = new RowKey(facts.Type, facts.Id ?? "#" + (++_anonymous).ToString(CultureInfo.InvariantCulture));
        // The version decides which copy wins, so a copy whose version cannot be read takes no part.
        if (!ParseInstant(facts.LastUpdated, instant: true, out var lastUpdated))
        {
            Issue(FhirIssueCode.InvalidValue, file, line, facts.Type, facts.Type + ".meta.lastUpdated");
            return;
        }
        // One lookup: the entry is added now (unset) if new, and written through the reference below. Nothing adds to
        // _rows while the copy is mapped, so the reference stays valid; an exception (strict mode) leaves an unset entry,
        // which counts as absent.
        ref var existing = ref CollectionsMarshal.GetValueRefOrAddDefault(_rows, key, out bool known);
        known = known && existing.Is(EntryFlags.Set);
        var at = new Source(file, line, urls, known ? existing.First : Position);
        int issues = _issues.Count;
        Row? row = facts switch
        {
            PatientFacts => PatientRow.Instance,
            EncounterFacts e => MapEncounter(e, at),
            AppointmentFacts a => MapAppointment(a, at),
            DispenseFacts d => MapDispense(d, at),
            RequestFacts r => MapRequest(r, at),
            ServiceRequestFacts s => MapServiceRequest(s, at),
            TaskFacts t => MapTask(t, at),
            ClaimFacts c => MapClaim(c, at),
            ResponseFacts r => MapResponse(r, at),
            SurveyFacts q => MapSurvey(q, at),
            CommunicationFacts m => MapCommunication(m, at),
            ScheduleFacts => ScheduleRow.Instance,
            SlotFacts s => MapSlot(s, at),
            _ => null,
        };
        var flags = EntryFlags.Set;
        if (lastUpdated.HasValue) flags |= EntryFlags.HasLastUpdated;
        if (_issues.Count > issues) flags |= EntryFlags.Problem;
        long ticks = lastUpdated?.UtcTicks ?? 0;
        if (known)
        {
            _duplicates++;
            if (Later(existing, flags, ticks))
            {
                // Keep the existing, later (or equal, first-read) one, and remember whether this one would have been used.
                if (Used(row)) existing.Flags |= EntryFlags.EarlierUsed;
                return;
            }
            if (existing.Is(EntryFlags.EarlierUsed) || Used(existing.Row)) flags |= EntryFlags.EarlierUsed;
        }
        existing = new Entry { Row = row, LastUpdated = ticks, First = at.Order, Flags = flags };
    }

    /// <summary>Whether the existing copy wins over a candidate with <paramref name="flags"/> and <paramref name="ticks"/>:
    /// a candidate without a version never replaces one; one with a version replaces one without, or an earlier one.</summary>
    private static bool Later(in Entry existing, EntryFlags flags, long ticks) =>
        (flags & EntryFlags.HasLastUpdated) == 0 || (existing.Is(EntryFlags.HasLastUpdated) && existing.LastUpdated >= ticks);

    // ---------- mapping of single resources into rows ----------

    private EncounterRow? MapEncounter(EncounterFacts e, Source at)
    {
        if (e.Status != "finished") return null;
        if (!TryInstant(e.Start, instant: false, at, "Encounter", "Encounter.period.start", out var start)) return null;
        if (start is null) { Issue(FhirIssueCode.MissingField, at.File, at.Line, "Encounter", "Encounter.period.start"); return null; }
        var patient = PatientRefOf(e.Subject, at);
        if (patient is null) { Issue(FhirIssueCode.MissingField, at.File, at.Line, "Encounter", "Encounter.subject"); return null; }
        var (line, mode) = e.ClassCode switch
        {
            "VR" => (options.DefaultServiceLine, VisitMode.Telehealth),
            "AMB" => (options.DefaultServiceLine, VisitMode.InPerson),
            "EMER" => ("emergency", VisitMode.InPerson),
            "IMP" or "ACUTE" or "NONAC" => ("inpatient", VisitMode.InPerson),
            "HH" => ("home-health", VisitMode.InPerson),
            _ => ("other", VisitMode.InPerson),
        };
        var appointment = FirstRef(e.Appointments, "Appointment", at);
        // docs/fhir.md default: statusHistory "arrived" start = arrival, "in-progress" start = first clinician contact,
        // "finished" start = departure (earliest of each); without them, period.start and period.end.
        if (!TryFirstStart(e.History, "arrived", at, out var arrivedAt) || !TryFirstStart(e.History, "in-progress", at, out var seen)
            || !TryFirstStart(e.History, "finished", at, out var finishedAt)
            || !TryInstant(e.End, instant: false, at, "Encounter", "Encounter.period.end", out var end)) return null;
        return new EncounterRow(patient, line, mode, start.Value, arrivedAt ?? start.Value, seen, finishedAt ?? end, appointment) { At = at.Place };
    }

    /// <summary>The earliest <c>period.start</c> of the statusHistory entries with a status; false (an issue reported)
    /// when one of them is not a dateTime.</summary>
    private bool TryFirstStart(ImmutableArray<StatusPeriodFacts> history, string status, Source at, out DateTimeOffset? first)
    {
        first = null;
        foreach (var h in history)
        {
            if (h.Status != status) continue;
            if (!TryInstant(h.Start, instant: false, at, "Encounter", "Encounter.statusHistory.period.start", out var t)) return false;
            if (t is not null && (first is null || t < first)) first = t;
        }
        return true;
    }

    private AppointmentRow? MapAppointment(AppointmentFacts a, Source at)
    {
        var outcome = a.Status switch
        {
            "noshow" => AppointmentOutcome.NoShow,
            "cancelled" => AppointmentOutcome.Cancelled,
            "fulfilled" or "arrived" or "checked-in" => AppointmentOutcome.Kept,
            "booked" or "pending" => AppointmentOutcome.Booked,
            _ => (AppointmentOutcome?)null,   // proposed, waitlist, entered-in-error: not a booked appointment
        };
        if (outcome is null) return null;
        if (!TryInstant(a.Start, instant: true, at, "Appointment", "Appointment.start", out var start)) return null;
        if (start is null) { Issue(FhirIssueCode.MissingField, at.File, at.Line, "Appointment", "Appointment.start"); return null; }
        if (!TryInstant(a.Created, instant: false, at, "Appointment", "Appointment.created", out var created)) return null;
        var patient = FirstPatient(a.Actors, at);
        if (patient is null) { Issue(FhirIssueCode.MissingField, at.File, at.Line, "Appointment", "Appointment.participant.actor"); return null; }
        var clinician = FirstRef(a.Actors, "Practitioner", at);
        var reason = a.CancelationCodes.FirstOrDefault(c => c is not null);
        CancellationInitiator? by = outcome != AppointmentOutcome.Cancelled || reason is null ? null
            : reason.StartsWith("pat", StringComparison.Ordinal) ? CancellationInitiator.Patient : CancellationInitiator.Practice;
        return new AppointmentRow(patient, clinician, created, start.Value, outcome.Value, by) { At = at.Place };
    }

    private Row? MapDispense(DispenseFacts d, Source at)
    {
        var prescriptions = AllRefs(d.Prescriptions, "MedicationRequest", at);
        if (d.Status == "entered-in-error") return null;
        // Not (yet) handed over: no fill, but the request is being dispensed, so no fill is derived from it either.
        if (d.Status is not (null or "completed")) return new PrescriptionRow(prescriptions) { At = at.Place };
        var patient = PatientRefOf(d.Subject, at);
        if (patient is null) { Issue(FhirIssueCode.MissingField, at.File, at.Line, "MedicationDispense", "MedicationDispense.subject"); return null; }
        if (!TryLocalDate(d.WhenHandedOver, at, "MedicationDispense", "MedicationDispense.whenHandedOver", out var date)) return null;
        if (date is null) { Issue(FhirIssueCode.MissingField, at.File, at.Line, "MedicationDispense", "MedicationDispense.whenHandedOver"); return null; }
        if (d.DaysSupply is not { } supply) { Issue(FhirIssueCode.MissingField, at.File, at.Line, "MedicationDispense", "MedicationDispense.daysSupply"); return null; }
        if (supply != decimal.Truncate(supply) || supply < 1 || supply > 10_000)
        { Issue(FhirIssueCode.InvalidValue, at.File, at.Line, "MedicationDispense", "MedicationDispense.daysSupply"); return null; }
        var drug = DrugKey(d.Medication, d.Contained, _drugs);
        if (drug is null) { Issue(FhirIssueCode.MissingField, at.File, at.Line, "MedicationDispense", "MedicationDispense.medication"); return null; }
        return new FillRow(patient, drug, date.Value, (int)supply, prescriptions) { At = at.Place };
    }

    private RequestRow? MapRequest(RequestFacts r, Source at)
    {
        if (!r.HasDispenseRequest) return null;   // no dispense request: nothing to derive a fill from
        var patient = PatientRefOf(r.Subject, at);
        if (patient is null) { Issue(FhirIssueCode.MissingField, at.File, at.Line, "MedicationRequest", "MedicationRequest.subject"); return null; }
        if (!TryLocalDate(r.ValidityStart, at, "MedicationRequest", "MedicationRequest.dispenseRequest.validityPeriod.start", out var validity)
            || !TryLocalDate(r.AuthoredOn, at, "MedicationRequest", "MedicationRequest.authoredOn", out var authored)) return null;
        var date = validity ?? authored;
        var days = Days(r.ExpectedSupply);
        var drug = DrugKey(r.Medication, r.Contained, _drugs);
        // Incomplete requests are kept silently: they only matter if no dispense refers to them (checked in Build).
        return new RequestRow(patient, drug, date, days) { At = at.Place };
    }

    private ReferralRow? MapServiceRequest(ServiceRequestFacts s, Source at)
    {
        bool isReferral = s.Categories.Any(IsReferral) || IsReferral(s.Code);
        if (!isReferral) return null;
        var patient = PatientRefOf(s.Subject, at);
        if (patient is null) { Issue(FhirIssueCode.MissingField, at.File, at.Line, "ServiceRequest", "ServiceRequest.subject"); return null; }
        if (!TryLocalDate(s.AuthoredOn, at, "ServiceRequest", "ServiceRequest.authoredOn", out var authored)) return null;
        if (authored is null) { Issue(FhirIssueCode.MissingField, at.File, at.Line, "ServiceRequest", "ServiceRequest.authoredOn"); return null; }
        var specialty = Text(s.PerformerType) ?? Text(s.Code) ?? "unspecified";
        return new ReferralRow(patient, specialty, authored.Value) { At = at.Place };
    }

    private TaskRow? MapTask(TaskFacts t, Source at)
    {
        if (t.Status != "completed") return null;
        if (!TryLocalDate(t.ExecutionEnd, at, "Task", "Task.executionPeriod.end", out var end) || end is null) return null;
        var basedOn = AllRefs(t.BasedOn, "ServiceRequest", at);
        return basedOn.IsEmpty ? null : new TaskRow(basedOn, end.Value) { At = at.Place };
    }

    private ClaimRow? MapClaim(ClaimFacts c, Source at)
    {
        var patient = PatientRefOf(c.Patient, at);
        if (patient is null) { Issue(FhirIssueCode.MissingField, at.File, at.Line, "Claim", "Claim.patient"); return null; }
        if (!TryLocalDate(c.Created, at, "Claim", "Claim.created", out var created)) return null;
        if (created is null) { Issue(FhirIssueCode.MissingField, at.File, at.Line, "Claim", "Claim.created"); return null; }
        if (c.Total is not { } total) { Issue(FhirIssueCode.MissingField, at.File, at.Line, "Claim", "Claim.total"); return null; }
        if (total < 0) { Issue(FhirIssueCode.InvalidValue, at.File, at.Line, "Claim", "Claim.total"); return null; }
        return new ClaimRow(patient, created.Value, total) { At = at.Place };
    }

    /// <summary>The <c>created</c> element's name in a response of <paramref name="type"/>, without a new string for the two usual types.</summary>
    private static string CreatedField(string type) => type switch
    {
        "ClaimResponse" => "ClaimResponse.created",
        "ExplanationOfBenefit" => "ExplanationOfBenefit.created",
        _ => type + ".created",
    };

    private ResponseRow? MapResponse(ResponseFacts r, Source at)
    {
        var claimKey = Ref(r.Claim, "Claim", at);
        if (claimKey is null) return null;
        if (!TryLocalDate(r.Created, at, r.ResourceType, CreatedField(r.ResourceType), out var created)) return null;
        return new ResponseRow(claimKey, created, r.Error) { At = at.Place };
    }

    private SurveyRow? MapSurvey(SurveyFacts q, Source at)
    {
        if (options.SurveyItemsByLinkId.Count == 0) return null;
        if (q.Status is not ("completed" or "amended")) return null;
        var patient = PatientRefOf(q.Subject, at) ?? PatientRefOf(q.Source, at);
        if (patient is null) { Issue(FhirIssueCode.MissingField, at.File, at.Line, "QuestionnaireResponse", "QuestionnaireResponse.subject"); return null; }
        if (!TryLocalDate(q.Authored, at, "QuestionnaireResponse", "QuestionnaireResponse.authored", out var date)) return null;
        if (date is null) { Issue(FhirIssueCode.MissingField, at.File, at.Line, "QuestionnaireResponse", "QuestionnaireResponse.authored"); return null; }
        var answers = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var item in q.Answers)
        {
            if (item.LinkId is null || !options.SurveyItemsByLinkId.TryGetValue(item.LinkId, out var key)) continue;
            if (item.Answer is { } s) answers[key] = s;
        }
        return answers.Count == 0 ? null : new SurveyRow(patient, date.Value, answers.ToImmutable()) { At = at.Place };
    }

    private MessageRow? MapCommunication(CommunicationFacts m, Source at)
    {
        if (!TryInstant(m.Sent, instant: false, at, "Communication", "Communication.sent", out var sent) || sent is null) return null;
        var fromPatient = PatientRefOf(m.Sender, at);
        var replyTo = FirstRef(m.InResponseTo, "Communication", at);
        var patient = fromPatient ?? PatientRefOf(m.Subject, at) ?? FirstPatient(m.Recipients, at);
        if (patient is null) return null;
        return new MessageRow(patient, sent.Value, fromPatient is not null, replyTo) { At = at.Place };
    }

    /// <summary>A <c>Slot</c> as seen at <see cref="FhirReadOptions.SlotsObservedAt"/>; the reader passes Slot (and
    /// Schedule) facts only when that is set.</summary>
    private SlotRow? MapSlot(SlotFacts s, Source at)
    {
        System.Diagnostics.Debug.Assert(options.SlotsObservedAt is not null, "Slots are read only with SlotsObservedAt.");
        SlotStatus? status = s.Status switch
        {
            "free" => SlotStatus.Free,
            "busy" => SlotStatus.Busy,
            "busy-tentative" => SlotStatus.BusyTentative,
            "busy-unavailable" => SlotStatus.BusyUnavailable,
            _ => null,
        };
        if (s.Status == "entered-in-error") return null;
        if (s.Status is null) { Issue(FhirIssueCode.MissingField, at.File, at.Line, "Slot", "Slot.status"); return null; }
        if (status is null) { Issue(FhirIssueCode.InvalidValue, at.File, at.Line, "Slot", "Slot.status"); return null; }
        var schedule = Ref(s.Schedule, "Schedule", at);
        if (schedule is null) { Issue(FhirIssueCode.MissingField, at.File, at.Line, "Slot", "Slot.schedule"); return null; }
        if (!TryInstant(s.Start, instant: true, at, "Slot", "Slot.start", out var start)) return null;
        if (start is null) { Issue(FhirIssueCode.MissingField, at.File, at.Line, "Slot", "Slot.start"); return null; }
        // The appointment type: Slot.appointmentType's code, else the first serviceType's, else "unspecified".
        var type = Code(s.AppointmentType) ?? (s.ServiceTypes.IsEmpty ? null : Code(s.ServiceTypes[0])) ?? "unspecified";
        return new SlotRow(schedule, type, start.Value, status.Value) { At = at.Place };
    }

    // ---------- build ----------

    /// <summary>Joins, pseudonymises and counts everything collected.</summary>
    /// <param name="tasksRead">Whether the read met any <c>Task</c> resource. Without one, no referral's closure can be
    /// seen, so every referral is marked <see cref="Referral.ClosureUnknown"/> instead of open.</param>
    public FhirReadResult Build(bool tasksRead)
    {
        // One pass sorts the rows by kind, in read (key insertion) order; each kind is then joined from its own list, in
        // the order the record ids are numbered.
        // Two passes: the first counts each kind (and the retractions), so that each list is allocated once at its size.
        int retracted = 0;
        Span<int> counts = stackalloc int[Rows.Kinds];
        foreach (var entry in _rows.Values)
        {
            if (!Used(entry.Row) && !entry.Is(EntryFlags.Problem) && entry.Is(EntryFlags.EarlierUsed)) retracted++;
            counts[Rows.KindOf(entry.Row)]++;
        }
        var rows = new Rows(counts);
        _step++;
        foreach (var (key, entry) in _rows)
        {
            if (entry.Row is PatientRow) _patients.Get(key.Id).Read = true;
            else rows.Add(key.Id, entry.Row);
        }
        using var pseudonyms = newPseudonyms();
        Func<string, string> pseudonym = pseudonyms.Of;
        // A row holds its patient's PatientRef, which knows whether that Patient was read and, once computed, its key:
        // no lookup per row.
        string? Key(Row row, string type)
        {
            if (row.PatientOf is not { } p) return null;
            if (!p.Read) { Issue(FhirIssueCode.MissingPatient, row, type); return null; }
            return p.Key ??= options.IncludePatientReferences ? p.Id : pseudonym(p.Id);
        }
        // A clinician's key is computed once, however many appointments name them.
        var clinicians = new Dictionary<string, string>(StringComparer.Ordinal);
        string Clinician(string id)
        {
            if (!clinicians.TryGetValue(id, out var k)) clinicians[id] = k = "C-" + pseudonym(id)[2..];
            return k;
        }

        int bookingUnknown = 0, derived = 0, withoutResponse = 0, closureUnknown = 0;
        // A record's id is its kind, its phase (0, or 1 for records made after the first kind, such as fills derived from
        // requests) and the place of its resource's first copy in the read: ids of a read split by patient compare as one
        // read's do.
        static string NextId(string prefix, Row row, int phase = 0) => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{phase}{row.At.Order:D15}");
        // A booked appointment's record is made once the Encounter that was its visit (the last one read naming it) is
        // known, not made and then replaced by a kept copy.
        var booked = new List<Booked>(rows.Appointments.Count);
        var appointmentIds = new Dictionary<string, int>(rows.Appointments.Count, StringComparer.Ordinal);   // FHIR Appointment id → index
        _step++;
        foreach (var (id, a) in rows.Appointments)
        {
            if (Key(a, "Appointment") is not { } pk) continue;
            if (a.Created is null) bookingUnknown++;
            appointmentIds[id] = booked.Count;
            booked.Add(new Booked(pk, a));
        }
        var visitsOnly = new List<Records.Appointment>();
        _step++;
        foreach (var e in rows.Encounters)
        {
            if (Key(e, "Encounter") is not { } pk) continue;
            if (e.Appointment is { } ak && appointmentIds.TryGetValue(ak, out var ai))
            {
                CollectionsMarshal.AsSpan(booked)[ai].Visit = e;
                continue;
            }
            bookingUnknown++;
            visitsOnly.Add(new Records.Appointment(NextId("A", e, 1), pk, e.ServiceLine, null, e.Start, e.Start, AppointmentOutcome.Kept,
                ArrivedAt: e.Arrived, SeenAt: e.Seen, DepartedAt: e.Departed) { Mode = e.Mode, BookingUnknown = true, VisitOnly = true });
        }
        var appointments = new List<Records.Appointment>(booked.Count + visitsOnly.Count);
        foreach (var (pk, a, e) in booked)
        {
            var (id, clinician) = (NextId("A", a), a.Clinician is null ? null : Clinician(a.Clinician));
            appointments.Add(e is null
                ? new Records.Appointment(id, pk, options.DefaultServiceLine, clinician, a.Created ?? a.Start, a.Start, a.Outcome,
                    CancelledBy: a.CancelledBy) { BookingUnknown = a.Created is null }
                : new Records.Appointment(id, pk, options.DefaultServiceLine, clinician, a.Created ?? a.Start, a.Start, AppointmentOutcome.Kept,
                    CancelledBy: a.CancelledBy, ArrivedAt: e.Arrived, SeenAt: e.Seen, DepartedAt: e.Departed) { BookingUnknown = a.Created is null, Mode = e.Mode });
        }
        appointments.AddRange(visitsOnly);

        var fills = new List<MedicationFill>(rows.Dispenses.Count);
        var dispensed = new HashSet<string>(rows.Dispenses.Count, StringComparer.Ordinal);
        _step++;
        foreach (var row in rows.Dispenses)
        {
            if (row is PrescriptionRow p) { AddAll(dispensed, p.Prescriptions); continue; }
            if (row is not FillRow f || Key(f, "MedicationDispense") is not { } pk) continue;
            fills.Add(new MedicationFill(NextId("F", f), pk, f.Drug, f.Date, f.DaysSupply));
            AddAll(dispensed, f.Prescriptions);
        }
        _step++;
        foreach (var (id, r) in rows.Requests)
        {
            if (dispensed.Contains(id)) continue;
            if (r.Date is null || r.Days is null || r.Drug is null)
            {
                Issue(FhirIssueCode.MissingField, r, "MedicationRequest",
                    r.Date is null ? "MedicationRequest.authoredOn" : r.Days is null ? "MedicationRequest.dispenseRequest.expectedSupplyDuration" : "MedicationRequest.medication");
                continue;
            }
            if (Key(r, "MedicationRequest") is not { } pk) continue;
            derived++;
            fills.Add(new MedicationFill(NextId("F", r, 1), pk, r.Drug, r.Date.Value, r.Days.Value));
        }

        // The earliest report per ServiceRequest id.
        var reports = new Dictionary<string, DateOnly>(rows.Tasks.Count, StringComparer.Ordinal);
        _step++;
        foreach (var t in rows.Tasks)
            foreach (var b in t.BasedOn)
                if (!reports.TryGetValue(b, out var seen) || t.End < seen) reports[b] = t.End;
        var referrals = new List<Referral>(rows.Referrals.Count);
        _step++;
        foreach (var (id, s) in rows.Referrals)
        {
            if (Key(s, "ServiceRequest") is not { } pk) continue;
            if (!tasksRead) closureUnknown++;
            referrals.Add(new Referral(NextId("R", s), pk, options.DefaultServiceLine, s.Specialty, s.AuthoredOn,
                reports.TryGetValue(id, out var end) ? end : null) { ClosureUnknown = !tasksRead });
        }

        // Per claim, the response created first (undated last; the first read of equals).
        var responses = new Dictionary<string, ResponseRow>(rows.Responses.Count, StringComparer.Ordinal);
        _step++;
        foreach (var r in rows.Responses)
            if (!responses.TryGetValue(r.Claim, out var first) || (r.Created ?? DateOnly.MaxValue) < (first.Created ?? DateOnly.MaxValue))
                responses[r.Claim] = r;
        // FHIR records no claim edits: every claim's edit result is unknown (false is only a stand-in), and the clean-claim
        // rate leaves it out; the response's outcome gives the denial only.
        var claims = new List<Records.Claim>(rows.Claims.Count);
        _step++;
        foreach (var (id, c) in rows.Claims)
        {
            if (Key(c, "Claim") is not { } pk) continue;
            if (responses.TryGetValue(id, out var resp))
                claims.Add(new Records.Claim(NextId("B", c), pk, options.DefaultServiceLine, c.Created, false, resp.Created, resp.Created is null ? null : resp.Error, c.Total) { EditsUnknown = true });
            else
            {
                withoutResponse++;
                claims.Add(new Records.Claim(NextId("B", c), pk, options.DefaultServiceLine, c.Created, false, null, null, c.Total) { EditsUnknown = true });
            }
        }

        var surveys = new List<SurveyReturn>(rows.Surveys.Count);
        _step++;
        foreach (var q in rows.Surveys)
            if (Key(q, "QuestionnaireResponse") is { } pk)
                surveys.Add(new SurveyReturn(NextId("S", q), pk, options.DefaultServiceLine, q.Date, q.Answers));

        // The first staff reply per message replied to.
        var replies = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        _step++;
        foreach (var (_, m) in rows.Messages)
            if (!m.FromPatient && m.ReplyTo is { } to && (!replies.TryGetValue(to, out var first) || m.Sent < first))
                replies[to] = m.Sent;
        var threads = new List<PortalThread>();
        _step++;
        foreach (var (id, m) in rows.Messages)
        {
            if (!m.FromPatient || m.ReplyTo is not null || Key(m, "Communication") is not { } pk) continue;
            threads.Add(new PortalThread(NextId("T", m), pk, options.DefaultServiceLine, m.Sent,
                replies.TryGetValue(id, out var reply) ? reply : null));
        }

        var snapshots = Snapshots(rows, pseudonym);

        var period = options.Period ?? PeriodOf(appointments);
        var lines = appointments.Select(a => a.ServiceLine).Append(options.DefaultServiceLine).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).Select(l => new ServiceLine(l, ServiceLineName(l))).ToImmutableArray();
        var data = new PracticeDataSet(PracticeDataSet.CurrentSchemaVersion, options.PracticeName, options.TimeZone, period, lines,
            [.. appointments], options.SurveyItems, [.. surveys], [.. fills], [.. referrals], [.. claims]) { PortalThreads = [.. threads], AvailabilitySnapshots = snapshots };
        var quality = new FhirDataQuality(_read, _duplicates, _ignored.ToImmutableSortedDictionary(StringComparer.Ordinal),
            bookingUnknown, derived, withoutResponse, [.. _issues]) { ReferralClosureUnknown = closureUnknown, Retracted = retracted };
        return new FhirReadResult(data, quality);
    }

    /// <summary>One <see cref="AvailabilitySnapshot"/> per (Schedule, appointment type) of the Slots read, taken at
    /// <see cref="FhirReadOptions.SlotsObservedAt"/>: FHIR gives each slot's state at export time only. A Slot whose
    /// Schedule is not in the input is skipped as <c>MissingField</c> (<c>Slot.schedule</c>).</summary>
    private ImmutableArray<AvailabilitySnapshot> Snapshots(Rows rows, Func<string, string> pseudonym)
    {
        if (options.SlotsObservedAt is not { } takenAt) return [];
        var slots = new List<SlotRow>();
        _step++;
        foreach (var s in rows.Slots)
        {
            if (rows.Schedules.Contains(s.Schedule)) slots.Add(s);
            else Issue(FhirIssueCode.MissingField, s, "Slot", "Slot.schedule");
        }
        return [.. slots.GroupBy(s => (s.Schedule, s.AppointmentType))
            .OrderBy(g => g.Key.Schedule, StringComparer.Ordinal).ThenBy(g => g.Key.AppointmentType, StringComparer.Ordinal)
            .Select(g => new AvailabilitySnapshot("S-" + pseudonym(g.Key.Schedule)[2..], options.DefaultServiceLine, g.Key.AppointmentType, takenAt,
                [.. g.OrderBy(s => s.Start).ThenBy(s => s.Status).Select(s => new Slot(s.Start, s.Status))]))];
    }

    /// <summary>A booked appointment being joined: its patient key, row, and the Encounter that was its visit, if any.</summary>
    private record struct Booked(string Key, AppointmentRow Row)
    {
        public EncounterRow? Visit;
        public readonly void Deconstruct(out string key, out AppointmentRow row, out EncounterRow? visit) => (key, row, visit) = (Key, Row, Visit);
    }

    /// <summary>The winning rows of a read sorted by kind, each list in read order, with the resource id where a join needs it.</summary>
    private sealed class Rows
    {
        /// <summary>The number of kinds <see cref="KindOf"/> tells apart (kind 0: no row, or none kept).</summary>
        public const int Kinds = 14;

        /// <summary>Sized by <paramref name="counts"/>, the number of rows of each kind (<see cref="KindOf"/>).</summary>
        public Rows(ReadOnlySpan<int> counts)
        {
            Schedules = new(counts[2], StringComparer.Ordinal);
            Appointments = new(counts[3]);
            Encounters = new(counts[4]);
            Dispenses = new(counts[5]);
            Requests = new(counts[6]);
            Tasks = new(counts[7]);
            Referrals = new(counts[8]);
            Responses = new(counts[9]);
            Claims = new(counts[10]);
            Surveys = new(counts[11]);
            Messages = new(counts[12]);
            Slots = new(counts[13]);
        }

        public HashSet<string> Schedules { get; }
        public List<(string Id, AppointmentRow Row)> Appointments { get; }
        public List<EncounterRow> Encounters { get; }
        public List<Row> Dispenses { get; }   // FillRow and PrescriptionRow, interleaved as read
        public List<(string Id, RequestRow Row)> Requests { get; }
        public List<TaskRow> Tasks { get; }
        public List<(string Id, ReferralRow Row)> Referrals { get; }
        public List<ResponseRow> Responses { get; }
        public List<(string Id, ClaimRow Row)> Claims { get; }
        public List<SurveyRow> Surveys { get; }
        public List<(string Id, MessageRow Row)> Messages { get; }
        public List<SlotRow> Slots { get; }

        /// <summary>The list a row goes to: 1 to 13 as in <see cref="Add"/>, 0 for none.</summary>
        public static int KindOf(Row? row) => row switch
        {
            PatientRow => 1,
            ScheduleRow => 2,
            AppointmentRow => 3,
            EncounterRow => 4,
            FillRow or PrescriptionRow => 5,
            RequestRow => 6,
            TaskRow => 7,
            ReferralRow => 8,
            ResponseRow => 9,
            ClaimRow => 10,
            SurveyRow => 11,
            MessageRow => 12,
            SlotRow => 13,
            _ => 0,
        };

        public void Add(string id, Row? row)
        {
            switch (row)
            {
                case PatientRow: break;   // marked on its PatientRef
                case ScheduleRow: Schedules.Add(id); break;
                case AppointmentRow a: Appointments.Add((id, a)); break;
                case EncounterRow e: Encounters.Add(e); break;
                case FillRow or PrescriptionRow: Dispenses.Add(row); break;
                case RequestRow r: Requests.Add((id, r)); break;
                case TaskRow t: Tasks.Add(t); break;
                case ReferralRow s: Referrals.Add((id, s)); break;
                case ResponseRow r: Responses.Add(r); break;
                case ClaimRow c: Claims.Add((id, c)); break;
                case SurveyRow q: Surveys.Add(q); break;
                case MessageRow m: Messages.Add((id, m)); break;
                case SlotRow s: Slots.Add(s); break;
                default: break;
            }
        }
    }

    /// <summary>Adds each of <paramref name="ids"/> (UnionWith would box the array).</summary>
    private static void AddAll(HashSet<string> set, ImmutableArray<string> ids)
    {
        foreach (var id in ids) set.Add(id);
    }

    private MeasurementPeriod? PeriodOf(List<Records.Appointment> appointments)
    {
        if (appointments.Count == 0) return null;
        var dates = appointments.Select(a => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(a.Start, zone).DateTime)).ToList();
        return new MeasurementPeriod(dates.Min(), dates.Max());
    }

    private static string ServiceLineName(string key) => key switch
    {
        "ambulatory" => "Ambulatory",
        "emergency" => "Emergency",
        "inpatient" => "Inpatient",
        "home-health" => "Home health",
        "other" => "Other encounters",
        _ => key,
    };

    // ---------- value helpers ----------

    /// <summary>The first of <paramref name="references"/> that <see cref="Ref"/> resolves to a <paramref name="type"/> id.</summary>
    private string? FirstRef(ImmutableArray<string?> references, string type, Source at)
    {
        foreach (var r in references)
            if (Ref(r, type, at) is { } id) return id;
        return null;
    }

    /// <summary>Every id of <paramref name="references"/> that <see cref="Ref"/> resolves to a <paramref name="type"/>, in order.</summary>
    private ImmutableArray<string> AllRefs(ImmutableArray<string?> references, string type, Source at)
    {
        // One array, allocated at the first id and cut only if some reference does not resolve.
        string[]? ids = null;
        int n = 0;
        foreach (var r in references)
            if (Ref(r, type, at) is { } id) (ids ??= new string[references.Length])[n++] = id;
        if (ids is null) return [];
        if (n < ids.Length) Array.Resize(ref ids, n);
        return ImmutableCollectionsMarshal.AsImmutableArray(ids);
    }

    /// <summary>The id of the Patient a literal reference names (<c>Patient/id</c>, absolute, or versioned), or
    /// <see langword="null"/>: what the mapping keys a patient's records by, and so what decides their partition.</summary>
    internal static string? PatientId(string? reference) =>
        TryRef(reference, "Patient", default, out var id) ? id.ToString() : null;

    /// <summary>The id of a reference to a <paramref name="type"/> (<c>[base/]Type/id[/_history/vid]</c>, after resolving a
    /// Bundle's <c>fullUrl</c>), or <see langword="null"/>. Equal ids share one string (<see cref="StringTable"/>).</summary>
    private string? Ref(string? reference, string type, Source at) => TryRef(reference, type, at, out var id) ? _ids.Get(id) : null;

    /// <summary>The patient a reference names (as <see cref="PatientId"/>), or <see langword="null"/>: one
    /// <see cref="PatientRef"/> per distinct id in a read.</summary>
    private PatientRef? PatientRefOf(string? reference, Source at) => TryRef(reference, "Patient", at, out var id) ? _patients.Get(id) : null;

    /// <summary>The first of <paramref name="references"/> that <see cref="PatientRefOf"/> resolves.</summary>
    private PatientRef? FirstPatient(ImmutableArray<string?> references, Source at)
    {
        foreach (var r in references)
            if (PatientRefOf(r, at) is { } p) return p;
        return null;
    }

    private static bool TryRef(string? reference, string type, Source at, out ReadOnlySpan<char> id)
    {
        id = default;
        var r = reference;
        if (string.IsNullOrEmpty(r)) return false;
        if (at.Urls is not null && at.Urls.TryGetValue(r, out var resolved)) r = resolved;
        if (r.StartsWith('#')) return false;   // contained: not a top-level resource
        // The last two '/'-separated segments are type and id ([base/]Type/id), or the two before "_history/vid".
        ReadOnlySpan<char> s = r;
        int slash = s.LastIndexOf('/');
        if (slash < 0) return false;
        id = s[(slash + 1)..];
        var rest = s[..slash];
        int before = rest.LastIndexOf('/');
        var t = rest[(before + 1)..];
        if (before >= 0 && t.SequenceEqual("_history"))
        {
            var head = rest[..before];
            int third = head.LastIndexOf('/');
            if (third >= 0)
            {
                id = head[(third + 1)..];
                head = head[..third];
                t = head[(head.LastIndexOf('/') + 1)..];
            }
        }
        return t.SequenceEqual(type) && id.Length > 0 && !id.Contains('?');
    }

    /// <summary>An instant from a FHIR <c>instant</c> element (<paramref name="instant"/>: the full form only) or a
    /// <c>dateTime</c> (a date alone is local midnight in the practice's zone). Absent: true with <see langword="null"/>.
    /// Present but not such a literal (an impossible or out-of-range date, a time without offset, only a year or month):
    /// an <see cref="FhirIssueCode.InvalidValue"/> issue naming <paramref name="field"/>, and false.</summary>
    private bool TryInstant(string? value, bool instant, Source at, string type, string field, out DateTimeOffset? result)
    {
        if (ParseInstant(value, instant, out result)) return true;
        Issue(FhirIssueCode.InvalidValue, at.File, at.Line, type, field);
        return false;
    }

    /// <summary><see cref="TryInstant"/> without the issue: false when present but not such a literal.</summary>
    private bool ParseInstant(string? value, bool instant, out DateTimeOffset? result)
    {
        result = null;
        if (value is null) return true;
        if (FhirDates.TryParse(value, instant, out var precision, out var date, out var time))
        {
            if (precision == FhirDatePrecision.Time) { result = time; return true; }
            if (precision == FhirDatePrecision.Day)
            {
                var local = date.ToDateTime(TimeOnly.MinValue);
                result = new DateTimeOffset(local, zone.GetUtcOffset(local));
                return true;
            }
        }
        return false;
    }

    /// <summary>A local date (in the practice's zone) from a FHIR <c>dateTime</c>; absent and invalid as in
    /// <see cref="TryInstant"/>.</summary>
    private bool TryLocalDate(string? value, Source at, string type, string field, out DateOnly? result)
    {
        result = null;
        if (value is null) return true;
        if (FhirDates.TryParse(value, instant: false, out var precision, out var date, out var time))
        {
            if (precision == FhirDatePrecision.Day) { result = date; return true; }
            if (precision == FhirDatePrecision.Time) { result = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time, zone).DateTime); return true; }
        }
        Issue(FhirIssueCode.InvalidValue, at.File, at.Line, type, field);
        return false;
    }

    private static int? Days(DurationFacts? duration)
    {
        if (duration?.Value is not { } v) return null;
        decimal? days = (duration.Code ?? duration.Unit) switch
        {
            "d" or "day" or "days" => v,
            "wk" or "week" or "weeks" => v * 7,
            "mo" or "month" or "months" => v * 30,
            "a" or "year" or "years" => v * 365,
            _ => null,
        };
        return days is { } x && x >= 1 && x == decimal.Truncate(x) && x <= 10_000 ? (int)x : null;
    }

    /// <summary>The key of a medication: its text (or display) trimmed in upper case. <paramref name="keys"/> keeps each
    /// distinct text's key, so fills of one drug share one string.</summary>
    private static string? DrugKey(MedicationFacts? medication, ImmutableArray<ContainedMedication> contained, Dictionary<string, string?> keys)
    {
        var concept = medication?.Concept;
        if (concept is null && medication?.Reference is { } r && r.StartsWith('#'))
        {
            // The first contained medication with that local id (a loop: a lambda capturing r cost a closure per call).
            foreach (var m in contained)
                if (m.Id is { } id && r.AsSpan(1).SequenceEqual(id)) { concept = m.Code; break; }
        }
        var text = Text(concept) ?? medication?.Display;
        if (text is null) return null;
        ref var key = ref CollectionsMarshal.GetValueRefOrAddDefault(keys, text, out bool known);
        if (!known) key = string.IsNullOrWhiteSpace(text) ? null : text.Trim().ToUpperInvariant();
        return key;
    }

    private static string? Text(ConceptFacts? concept) =>
        concept is null ? null
        : !string.IsNullOrWhiteSpace(concept.Text) ? concept.Text
        : concept.Codings.Select(c => c.Display).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));

    /// <summary>The first non-blank coding code of a concept.</summary>
    private static string? Code(ConceptFacts? concept) =>
        concept?.Codings.Select(c => c.Code).FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));

    private static bool IsReferral(ConceptFacts? concept) =>
        concept is not null
        && (concept.Codings.Any(c => c.Code == "3457005")   // SNOMED CT "Patient referral"
            || (Text(concept)?.Contains("referral", StringComparison.OrdinalIgnoreCase) ?? false)
            || concept.Codings.Any(c => c.Display?.Contains("referral", StringComparison.OrdinalIgnoreCase) ?? false));

    // ---------- rows: only what the mapping needs, plus where it came from ----------

    /// <summary>Where an issue comes in one read: <paramref name="Step"/> 0 while reading, then each join step of
    /// <see cref="Build"/> in turn; <paramref name="Position"/> the line's place, or the row's for a join.</summary>
    internal readonly record struct IssueOrder(int Step, long Position) : IComparable<IssueOrder>
    {
        public int CompareTo(IssueOrder other) => Step != other.Step ? Step.CompareTo(other.Step) : Position.CompareTo(other.Position);
    }

    // Order: the place of the resource's first copy in the read (Position).
    private readonly record struct Source(string File, int Line, Dictionary<string, string>? Urls, long Order = 0)
    {
        /// <summary>What a row keeps of it (the Bundle's <c>fullUrl</c>s serve the mapping only).</summary>
        public Place Place => new(File, Line, Order);
    }

    /// <summary>Where a row's resource is: its file and line (or Bundle entry), and <see cref="Source.Order"/>.</summary>
    private readonly record struct Place(string File, int Line, long Order);

    private abstract record Row
    {
        public Place At { get; init; } = new("", 0, 0);
        /// <summary>The patient the row's record belongs to, if any.</summary>
        public virtual PatientRef? PatientOf => null;
    }

    /// <summary>A Patient: the join needs its id only (no place: no join issue is about a Patient), so all share one row.</summary>
    private sealed record PatientRow : Row { public static readonly PatientRow Instance = new(); }
    private sealed record EncounterRow(PatientRef Patient, string ServiceLine, VisitMode Mode, DateTimeOffset Start, DateTimeOffset Arrived,
                                       DateTimeOffset? Seen, DateTimeOffset? Departed, string? Appointment) : Row
    { public override PatientRef? PatientOf => Patient; }
    private sealed record AppointmentRow(PatientRef Patient, string? Clinician, DateTimeOffset? Created, DateTimeOffset Start, AppointmentOutcome Outcome, CancellationInitiator? CancelledBy) : Row
    { public override PatientRef? PatientOf => Patient; }
    private sealed record FillRow(PatientRef Patient, string Drug, DateOnly Date, int DaysSupply, ImmutableArray<string> Prescriptions) : Row
    { public override PatientRef? PatientOf => Patient; }
    private sealed record RequestRow(PatientRef Patient, string? Drug, DateOnly? Date, int? Days) : Row
    { public override PatientRef? PatientOf => Patient; }
    private sealed record ReferralRow(PatientRef Patient, string Specialty, DateOnly AuthoredOn) : Row
    { public override PatientRef? PatientOf => Patient; }
    private sealed record PrescriptionRow(ImmutableArray<string> Prescriptions) : Row;
    private sealed record TaskRow(ImmutableArray<string> BasedOn, DateOnly End) : Row;
    private sealed record ClaimRow(PatientRef Patient, DateOnly Created, decimal Total) : Row
    { public override PatientRef? PatientOf => Patient; }
    private sealed record ResponseRow(string Claim, DateOnly? Created, bool Error) : Row;
    private sealed record SurveyRow(PatientRef Patient, DateOnly Date, ImmutableSortedDictionary<string, string> Answers) : Row
    { public override PatientRef? PatientOf => Patient; }
    /// <summary>A Schedule: as <see cref="PatientRow"/>, one row for all.</summary>
    private sealed record ScheduleRow : Row { public static readonly ScheduleRow Instance = new(); }
    private sealed record SlotRow(string Schedule, string AppointmentType, DateTimeOffset Start, SlotStatus Status) : Row;
    private sealed record MessageRow(PatientRef Patient, DateTimeOffset Sent, bool FromPatient, string? ReplyTo) : Row
    { public override PatientRef? PatientOf => Patient; }

    /// <summary>A patient id of a read, shared by every row that names it: whether a Patient resource with that id won
    /// (set by <see cref="Build"/>) and its key once computed.</summary>
    private sealed class PatientRef(string id)
    {
        public string Id { get; } = id;
        public bool Read { get; set; }
        public string? Key { get; set; }
    }

    /// <summary>One <see cref="PatientRef"/> per distinct patient id text within a read.</summary>
    private sealed class PatientTable
    {
        private readonly Dictionary<string, PatientRef> _refs = new(StringComparer.Ordinal);
#if NET9_0_OR_GREATER
        private readonly Dictionary<string, PatientRef>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public PatientTable() => _lookup = _refs.GetAlternateLookup<ReadOnlySpan<char>>();

        public PatientRef Get(ReadOnlySpan<char> id)
        {
            if (_lookup.TryGetValue(id, out var p)) return p;
            var s = id.ToString();
            _refs[s] = p = new PatientRef(s);
            return p;
        }
#else
        public PatientRef Get(ReadOnlySpan<char> id)
        {
            var s = id.ToString();
            if (_refs.TryGetValue(s, out var p)) return p;
            _refs[s] = p = new PatientRef(s);
            return p;
        }
#endif
    }

    /// <summary>One string per distinct id text within a read: a patient referenced by many resources holds one id string,
    /// not one per reference, which cuts both allocation and what the read keeps alive until <see cref="Build"/>.</summary>
    private sealed class StringTable
    {
        // A set (16 bytes an entry, where a string-to-string dictionary takes 24) whose lookup returns the string it holds.
        private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
#if NET9_0_OR_GREATER
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public StringTable() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

        public string Get(ReadOnlySpan<char> text)
        {
            if (_lookup.TryGetValue(text, out var s)) return s;
            s = text.ToString();
            _strings.Add(s);
            return s;
        }
#else
        public string Get(ReadOnlySpan<char> text)
        {
            var s = text.ToString();
            if (_strings.TryGetValue(s, out var known)) return known;
            _strings.Add(s);
            return s;
        }
#endif
    }
}
