using System.Collections.Immutable;
using System.Globalization;
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
internal sealed class ResourceCollector(FhirReadOptions options, TimeZoneInfo zone, Func<string, string> pseudonym)
{
    private readonly Dictionary<string, Entry> _rows = new(StringComparer.Ordinal);
    private readonly List<FhirDataIssue> _issues = [];
    private readonly List<IssueOrder> _issueOrder = [];
    private int _step;
    private readonly SortedDictionary<string, int> _ignored = new(StringComparer.Ordinal);
    private int _read, _duplicates, _anonymous;

    /// <summary>The winning copy of one <c>resourceType/id</c> so far.</summary>
    /// <param name="Row">What the mapping made of it; <see langword="null"/> when it uses nothing of it.</param>
    /// <param name="LastUpdated">Its <c>meta.lastUpdated</c>.</param>
    /// <param name="Problem">Whether the mapping reported a problem with it (then it is not a retraction but an issue).</param>
    /// <param name="EarlierUsed">Whether a copy it beat (or that lost to it) would have been used.</param>
    /// <param name="First">Where the first copy of it was read (<see cref="Position"/>): its place in the read order.</param>
    private sealed record Entry(Row? Row, DateTimeOffset? LastUpdated, bool Problem, bool EarlierUsed, long First = 0);

    /// <summary>Gets or sets where the resource being read is: the 0-based file index in the read times 2^32 plus its
    /// line (or Bundle entry). Record ids and the order of issues follow it, so a read split into partitions by patient
    /// numbers and orders them as one read of the whole input does.</summary>
    public long Position { get; set; }

    /// <summary>Gets, after <see cref="Build"/>, the sort key of each issue, in <see cref="FhirDataQuality.Issues"/> order:
    /// issues of several partial reads sorted by it (stably) come in the order of one read of their union.</summary>
    public ImmutableArray<IssueOrder> IssueOrders => [.. _issueOrder];

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

    private long _buildOrder;

    /// <summary>An issue found while joining (<see cref="Build"/>), about <paramref name="row"/>: ordered by the build
    /// step, then the row's place in the read.</summary>
    private void Issue(FhirIssueCode code, Row row, string? type, string? field = null)
    {
        _buildOrder = row.Order;
        Issue(code, row.At.File, row.At.Line, type, field);
    }

    /// <summary>Maps one resource's facts into a row and keeps it, replacing an earlier copy with the same
    /// <c>resourceType/id</c> unless that one is later; a later copy replaces it even when the mapping uses nothing of
    /// the later one (then the resource is left out).</summary>
    public void Add(ResourceFacts facts, string file, int line, Dictionary<string, string>? urls)
    {
        var at = new Source(file, line, urls);
        // The version decides which copy wins, so a copy whose version cannot be read takes no part.
        if (!TryInstant(facts.LastUpdated, instant: true, at, facts.Type, facts.Type + ".meta.lastUpdated", out var lastUpdated)) return;
        int issues = _issues.Count;
        Row? row = facts switch
        {
            PatientFacts => new PatientRow(),
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
            ScheduleFacts => new ScheduleRow(),
            SlotFacts s => MapSlot(s, at),
            _ => null,
        };
        var key = facts.Type + "/" + (facts.Id ?? "#" + (++_anonymous).ToString(CultureInfo.InvariantCulture));
        bool known = _rows.TryGetValue(key, out var existing);
        long first = known ? existing!.First : Position;
        if (row is not null) row = row with { At = at, Order = first };
        var entry = new Entry(row, lastUpdated, _issues.Count > issues, EarlierUsed: false, first);
        if (known)
        {
            _duplicates++;
            if (Later(existing!.LastUpdated, lastUpdated))
            {
                // Keep the existing, later (or equal, first-read) one, and remember whether this one would have been used.
                if (Used(row) && !existing.EarlierUsed) _rows[key] = existing with { EarlierUsed = true };
                return;
            }
            entry = entry with { EarlierUsed = existing.EarlierUsed || Used(existing.Row) };
        }
        _rows[key] = entry;
    }

    private static bool Later(DateTimeOffset? existing, DateTimeOffset? candidate) =>
        candidate is null || (existing is not null && existing >= candidate);

    // ---------- mapping of single resources into rows ----------

    private EncounterRow? MapEncounter(EncounterFacts e, Source at)
    {
        if (e.Status != "finished") return null;
        if (!TryInstant(e.Start, instant: false, at, "Encounter", "Encounter.period.start", out var start)) return null;
        if (start is null) { Issue(FhirIssueCode.MissingField, at.File, at.Line, "Encounter", "Encounter.period.start"); return null; }
        var patient = Ref(e.Subject, "Patient", at);
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
        var appointment = e.Appointments.Select(r => Ref(r, "Appointment", at)).FirstOrDefault(r => r is not null);
        // docs/fhir.md default: statusHistory "arrived" start = arrival, "in-progress" start = first clinician contact,
        // "finished" start = departure (earliest of each); without them, period.start and period.end.
        if (!TryFirstStart(e.History, "arrived", at, out var arrivedAt) || !TryFirstStart(e.History, "in-progress", at, out var seen)
            || !TryFirstStart(e.History, "finished", at, out var finishedAt)
            || !TryInstant(e.End, instant: false, at, "Encounter", "Encounter.period.end", out var end)) return null;
        return new EncounterRow(patient, line, mode, start.Value, arrivedAt ?? start.Value, seen, finishedAt ?? end, appointment);
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
        var patient = a.Actors.Select(r => Ref(r, "Patient", at)).FirstOrDefault(r => r is not null);
        if (patient is null) { Issue(FhirIssueCode.MissingField, at.File, at.Line, "Appointment", "Appointment.participant.actor"); return null; }
        var clinician = a.Actors.Select(r => Ref(r, "Practitioner", at)).FirstOrDefault(r => r is not null);
        var reason = a.CancelationCodes.FirstOrDefault(c => c is not null);
        CancellationInitiator? by = outcome != AppointmentOutcome.Cancelled || reason is null ? null
            : reason.StartsWith("pat", StringComparison.Ordinal) ? CancellationInitiator.Patient : CancellationInitiator.Practice;
        return new AppointmentRow(patient, clinician, created, start.Value, outcome.Value, by);
    }

    private Row? MapDispense(DispenseFacts d, Source at)
    {
        var prescriptions = d.Prescriptions.Select(r => Ref(r, "MedicationRequest", at)).OfType<string>().ToImmutableArray();
        if (d.Status == "entered-in-error") return null;
        // Not (yet) handed over: no fill, but the request is being dispensed, so no fill is derived from it either.
        if (d.Status is not (null or "completed")) return new PrescriptionRow(prescriptions);
        var patient = Ref(d.Subject, "Patient", at);
        if (patient is null) { Issue(FhirIssueCode.MissingField, at.File, at.Line, "MedicationDispense", "MedicationDispense.subject"); return null; }
        if (!TryLocalDate(d.WhenHandedOver, at, "MedicationDispense", "MedicationDispense.whenHandedOver", out var date)) return null;
        if (date is null) { Issue(FhirIssueCode.MissingField, at.File, at.Line, "MedicationDispense", "MedicationDispense.whenHandedOver"); return null; }
        if (d.DaysSupply is not { } supply) { Issue(FhirIssueCode.MissingField, at.File, at.Line, "MedicationDispense", "MedicationDispense.daysSupply"); return null; }
        if (supply != decimal.Truncate(supply) || supply < 1 || supply > 10_000)
        { Issue(FhirIssueCode.InvalidValue, at.File, at.Line, "MedicationDispense", "MedicationDispense.daysSupply"); return null; }
        var drug = DrugKey(d.Medication, d.Contained);
        if (drug is null) { Issue(FhirIssueCode.MissingField, at.File, at.Line, "MedicationDispense", "MedicationDispense.medication"); return null; }
        return new FillRow(patient, drug, date.Value, (int)supply, prescriptions);
    }

    private RequestRow? MapRequest(RequestFacts r, Source at)
    {
        if (!r.HasDispenseRequest) return null;   // no dispense request: nothing to derive a fill from
        var patient = Ref(r.Subject, "Patient", at);
        if (patient is null) { Issue(FhirIssueCode.MissingField, at.File, at.Line, "MedicationRequest", "MedicationRequest.subject"); return null; }
        if (!TryLocalDate(r.ValidityStart, at, "MedicationRequest", "MedicationRequest.dispenseRequest.validityPeriod.start", out var validity)
            || !TryLocalDate(r.AuthoredOn, at, "MedicationRequest", "MedicationRequest.authoredOn", out var authored)) return null;
        var date = validity ?? authored;
        var days = Days(r.ExpectedSupply);
        var drug = DrugKey(r.Medication, r.Contained);
        // Incomplete requests are kept silently: they only matter if no dispense refers to them (checked in Build).
        return new RequestRow(patient, drug, date, days);
    }

    private ReferralRow? MapServiceRequest(ServiceRequestFacts s, Source at)
    {
        bool isReferral = s.Categories.Any(IsReferral) || IsReferral(s.Code);
        if (!isReferral) return null;
        var patient = Ref(s.Subject, "Patient", at);
        if (patient is null) { Issue(FhirIssueCode.MissingField, at.File, at.Line, "ServiceRequest", "ServiceRequest.subject"); return null; }
        if (!TryLocalDate(s.AuthoredOn, at, "ServiceRequest", "ServiceRequest.authoredOn", out var authored)) return null;
        if (authored is null) { Issue(FhirIssueCode.MissingField, at.File, at.Line, "ServiceRequest", "ServiceRequest.authoredOn"); return null; }
        var specialty = Text(s.PerformerType) ?? Text(s.Code) ?? "unspecified";
        return new ReferralRow(patient, specialty, authored.Value);
    }

    private TaskRow? MapTask(TaskFacts t, Source at)
    {
        if (t.Status != "completed") return null;
        if (!TryLocalDate(t.ExecutionEnd, at, "Task", "Task.executionPeriod.end", out var end) || end is null) return null;
        var basedOn = t.BasedOn.Select(r => Ref(r, "ServiceRequest", at)).OfType<string>().ToImmutableArray();
        return basedOn.IsEmpty ? null : new TaskRow(basedOn, end.Value);
    }

    private ClaimRow? MapClaim(ClaimFacts c, Source at)
    {
        var patient = Ref(c.Patient, "Patient", at);
        if (patient is null) { Issue(FhirIssueCode.MissingField, at.File, at.Line, "Claim", "Claim.patient"); return null; }
        if (!TryLocalDate(c.Created, at, "Claim", "Claim.created", out var created)) return null;
        if (created is null) { Issue(FhirIssueCode.MissingField, at.File, at.Line, "Claim", "Claim.created"); return null; }
        if (c.Total is not { } total) { Issue(FhirIssueCode.MissingField, at.File, at.Line, "Claim", "Claim.total"); return null; }
        if (total < 0) { Issue(FhirIssueCode.InvalidValue, at.File, at.Line, "Claim", "Claim.total"); return null; }
        return new ClaimRow(patient, created.Value, total);
    }

    private ResponseRow? MapResponse(ResponseFacts r, Source at)
    {
        var claimKey = Ref(r.Claim, "Claim", at);
        if (claimKey is null) return null;
        if (!TryLocalDate(r.Created, at, r.ResourceType, r.ResourceType + ".created", out var created)) return null;
        return new ResponseRow(claimKey, created, r.Error);
    }

    private SurveyRow? MapSurvey(SurveyFacts q, Source at)
    {
        if (options.SurveyItemsByLinkId.Count == 0) return null;
        if (q.Status is not ("completed" or "amended")) return null;
        var patient = Ref(q.Subject, "Patient", at) ?? Ref(q.Source, "Patient", at);
        if (patient is null) { Issue(FhirIssueCode.MissingField, at.File, at.Line, "QuestionnaireResponse", "QuestionnaireResponse.subject"); return null; }
        if (!TryLocalDate(q.Authored, at, "QuestionnaireResponse", "QuestionnaireResponse.authored", out var date)) return null;
        if (date is null) { Issue(FhirIssueCode.MissingField, at.File, at.Line, "QuestionnaireResponse", "QuestionnaireResponse.authored"); return null; }
        var answers = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var item in q.Answers)
        {
            if (item.LinkId is null || !options.SurveyItemsByLinkId.TryGetValue(item.LinkId, out var key)) continue;
            if (item.Answer is { } s) answers[key] = s;
        }
        return answers.Count == 0 ? null : new SurveyRow(patient, date.Value, answers.ToImmutable());
    }

    private MessageRow? MapCommunication(CommunicationFacts m, Source at)
    {
        if (!TryInstant(m.Sent, instant: false, at, "Communication", "Communication.sent", out var sent) || sent is null) return null;
        var fromPatient = Ref(m.Sender, "Patient", at);
        var replyTo = m.InResponseTo.Select(r => Ref(r, "Communication", at)).FirstOrDefault(r => r is not null);
        var patient = fromPatient ?? Ref(m.Subject, "Patient", at) ?? m.Recipients.Select(r => Ref(r, "Patient", at)).FirstOrDefault(r => r is not null);
        if (patient is null) return null;
        return new MessageRow(patient, sent.Value, fromPatient is not null, replyTo);
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
        return new SlotRow(schedule, type, start.Value, status.Value);
    }

    // ---------- build ----------

    /// <summary>Joins, pseudonymises and counts everything collected.</summary>
    /// <param name="tasksRead">Whether the read met any <c>Task</c> resource. Without one, no referral's closure can be
    /// seen, so every referral is marked <see cref="Referral.ClosureUnknown"/> instead of open.</param>
    public FhirReadResult Build(bool tasksRead)
    {
        var rows = _rows.Where(p => p.Value.Row is not null).Select(p => KeyValuePair.Create(p.Key, p.Value.Row!)).ToList();
        int retracted = _rows.Values.Count(e => !Used(e.Row) && !e.Problem && e.EarlierUsed);
        var patients = rows.Where(r => r.Value is PatientRow).Select(r => r.Key["Patient/".Length..]).ToHashSet(StringComparer.Ordinal);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Key(Row row, string type)
        {
            if (row.PatientId is not { } id) return null;
            if (!patients.Contains(id)) { Issue(FhirIssueCode.MissingPatient, row, type); return null; }
            if (!keys.TryGetValue(id, out var k)) keys[id] = k = options.IncludePatientReferences ? id : pseudonym(id);
            return k;
        }

        int bookingUnknown = 0, derived = 0, withoutResponse = 0, closureUnknown = 0;
        // A record's id is its kind, its phase (0, or 1 for records made after the first kind, such as fills derived from
        // requests) and its place in the read: ids of a read split by patient compare as one read's do.
        static string NextId(string prefix, Row row, int phase = 0) => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{phase}{row.Order:D15}");
        var appointments = new List<Records.Appointment>();
        var appointmentIds = new Dictionary<string, int>(StringComparer.Ordinal);   // FHIR Appointment key → index
        _step++;
        foreach (var (k, row) in rows)
        {
            if (row is not AppointmentRow a || Key(a, "Appointment") is not { } pk) continue;
            if (a.Created is null) bookingUnknown++;
            appointmentIds[k] = appointments.Count;
            appointments.Add(new Records.Appointment(NextId("A", a), pk, options.DefaultServiceLine, a.Clinician is null ? null : "C-" + pseudonym(a.Clinician)[2..],
                a.Created ?? a.Start, a.Start, a.Outcome, CancelledBy: a.CancelledBy) { BookingUnknown = a.Created is null });
        }
        _step++;
        foreach (var (_, row) in rows)
        {
            if (row is not EncounterRow e || Key(e, "Encounter") is not { } pk) continue;
            if (e.Appointment is { } ak && appointmentIds.TryGetValue("Appointment/" + ak, out var ai))
            {
                appointments[ai] = appointments[ai] with { Outcome = AppointmentOutcome.Kept, ArrivedAt = e.Arrived, SeenAt = e.Seen, DepartedAt = e.Departed, Mode = e.Mode };
                continue;
            }
            bookingUnknown++;
            appointments.Add(new Records.Appointment(NextId("A", e, 1), pk, e.ServiceLine, null, e.Start, e.Start, AppointmentOutcome.Kept,
                ArrivedAt: e.Arrived, SeenAt: e.Seen, DepartedAt: e.Departed) { Mode = e.Mode, BookingUnknown = true, VisitOnly = true });
        }

        var fills = new List<MedicationFill>();
        var dispensed = new HashSet<string>(StringComparer.Ordinal);
        _step++;
        foreach (var (_, row) in rows)
        {
            if (row is PrescriptionRow p) { dispensed.UnionWith(p.Prescriptions); continue; }
            if (row is not FillRow f || Key(f, "MedicationDispense") is not { } pk) continue;
            fills.Add(new MedicationFill(NextId("F", f), pk, f.Drug, f.Date, f.DaysSupply));
            dispensed.UnionWith(f.Prescriptions);
        }
        _step++;
        foreach (var (k, row) in rows)
        {
            if (row is not RequestRow r || dispensed.Contains(k["MedicationRequest/".Length..])) continue;
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

        var reports = rows.Select(r => r.Value).OfType<TaskRow>().SelectMany(t => t.BasedOn.Select(b => (b, t.End)))
            .GroupBy(x => x.b, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(x => x.End), StringComparer.Ordinal);
        var referrals = new List<Referral>();
        _step++;
        foreach (var (k, row) in rows)
        {
            if (row is not ReferralRow s || Key(s, "ServiceRequest") is not { } pk) continue;
            if (!tasksRead) closureUnknown++;
            referrals.Add(new Referral(NextId("R", s), pk, options.DefaultServiceLine, s.Specialty, s.AuthoredOn,
                reports.TryGetValue(k["ServiceRequest/".Length..], out var end) ? end : null) { ClosureUnknown = !tasksRead });
        }

        var responses = rows.Select(r => r.Value).OfType<ResponseRow>().GroupBy(r => r.Claim, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Created ?? DateOnly.MaxValue).First(), StringComparer.Ordinal);
        // FHIR records no claim edits: every claim's edit result is unknown (false is only a stand-in), and the clean-claim
        // rate leaves it out; the response's outcome gives the denial only.
        var claims = new List<Records.Claim>();
        _step++;
        foreach (var (k, row) in rows)
        {
            if (row is not ClaimRow c || Key(c, "Claim") is not { } pk) continue;
            if (responses.TryGetValue(k["Claim/".Length..], out var resp))
                claims.Add(new Records.Claim(NextId("B", c), pk, options.DefaultServiceLine, c.Created, false, resp.Created, resp.Created is null ? null : resp.Error, c.Total) { EditsUnknown = true });
            else
            {
                withoutResponse++;
                claims.Add(new Records.Claim(NextId("B", c), pk, options.DefaultServiceLine, c.Created, false, null, null, c.Total) { EditsUnknown = true });
            }
        }

        var surveys = new List<SurveyReturn>();
        _step++;
        foreach (var (_, row) in rows)
            if (row is SurveyRow q && Key(q, "QuestionnaireResponse") is { } pk)
                surveys.Add(new SurveyReturn(NextId("S", q), pk, options.DefaultServiceLine, q.Date, q.Answers));

        var replies = rows.Select(r => r.Value).OfType<MessageRow>().Where(m => !m.FromPatient && m.ReplyTo is not null)
            .GroupBy(m => m.ReplyTo!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(m => m.Sent), StringComparer.Ordinal);
        var threads = new List<PortalThread>();
        _step++;
        foreach (var (k, row) in rows)
        {
            if (row is not MessageRow m || !m.FromPatient || m.ReplyTo is not null || Key(m, "Communication") is not { } pk) continue;
            threads.Add(new PortalThread(NextId("T", m), pk, options.DefaultServiceLine, m.Sent,
                replies.TryGetValue(k["Communication/".Length..], out var reply) ? reply : null));
        }

        var snapshots = Snapshots(rows);

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
    private ImmutableArray<AvailabilitySnapshot> Snapshots(List<KeyValuePair<string, Row>> rows)
    {
        if (options.SlotsObservedAt is not { } takenAt) return [];
        var schedules = rows.Where(r => r.Value is ScheduleRow).Select(r => r.Key["Schedule/".Length..]).ToHashSet(StringComparer.Ordinal);
        var slots = new List<SlotRow>();
        _step++;
        foreach (var (_, row) in rows)
        {
            if (row is not SlotRow s) continue;
            if (schedules.Contains(s.Schedule)) slots.Add(s);
            else Issue(FhirIssueCode.MissingField, s, "Slot", "Slot.schedule");
        }
        return [.. slots.GroupBy(s => (s.Schedule, s.AppointmentType))
            .OrderBy(g => g.Key.Schedule, StringComparer.Ordinal).ThenBy(g => g.Key.AppointmentType, StringComparer.Ordinal)
            .Select(g => new AvailabilitySnapshot("S-" + pseudonym(g.Key.Schedule)[2..], options.DefaultServiceLine, g.Key.AppointmentType, takenAt,
                [.. g.OrderBy(s => s.Start).ThenBy(s => s.Status).Select(s => new Slot(s.Start, s.Status))]))];
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

    /// <summary>The id of the Patient a literal reference names (<c>Patient/id</c>, absolute, or versioned), or
    /// <see langword="null"/>: what the mapping keys a patient's records by, and so what decides their partition.</summary>
    internal static string? PatientId(string? reference) => Ref(reference, "Patient", NoUrls);

    private static readonly Source NoUrls = new("", 0, null);

    private static string? Ref(string? reference, string type, Source at)
    {
        var r = reference;
        if (string.IsNullOrEmpty(r)) return null;
        if (at.Urls is not null && at.Urls.TryGetValue(r, out var resolved)) r = resolved;
        if (r.StartsWith('#')) return null;   // contained: not a top-level resource
        // The last two '/'-separated segments are type and id ([base/]Type/id), or the two before "_history/vid".
        ReadOnlySpan<char> s = r;
        int slash = s.LastIndexOf('/');
        if (slash < 0) return null;
        var id = s[(slash + 1)..];
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
        return t.SequenceEqual(type) && id.Length > 0 && !id.Contains('?') ? id.ToString() : null;
    }

    /// <summary>An instant from a FHIR <c>instant</c> element (<paramref name="instant"/>: the full form only) or a
    /// <c>dateTime</c> (a date alone is local midnight in the practice's zone). Absent: true with <see langword="null"/>.
    /// Present but not such a literal (an impossible or out-of-range date, a time without offset, only a year or month):
    /// an <see cref="FhirIssueCode.InvalidValue"/> issue naming <paramref name="field"/>, and false.</summary>
    private bool TryInstant(string? value, bool instant, Source at, string type, string field, out DateTimeOffset? result)
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
        Issue(FhirIssueCode.InvalidValue, at.File, at.Line, type, field);
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

    private static string? DrugKey(MedicationFacts? medication, ImmutableArray<ContainedMedication> contained)
    {
        var concept = medication switch
        {
            { Concept: { } cc } => cc,
            { Reference: { } r } when r.StartsWith('#') => contained.FirstOrDefault(m => m.Id == r[1..])?.Code,
            _ => null,
        };
        var text = Text(concept) ?? medication?.Display;
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim().ToUpperInvariant();
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

    private sealed record Source(string File, int Line, Dictionary<string, string>? Urls);

    private abstract record Row
    {
        public Source At { get; init; } = new("", 0, null);

        /// <summary>Gets the place of the resource's first copy in the read (<see cref="Position"/>).</summary>
        public long Order { get; init; }
        public virtual string? PatientId => null;
    }

    private sealed record PatientRow : Row;
    private sealed record EncounterRow(string Patient, string ServiceLine, VisitMode Mode, DateTimeOffset Start, DateTimeOffset Arrived,
                                       DateTimeOffset? Seen, DateTimeOffset? Departed, string? Appointment) : Row
    { public override string? PatientId => Patient; }
    private sealed record AppointmentRow(string Patient, string? Clinician, DateTimeOffset? Created, DateTimeOffset Start, AppointmentOutcome Outcome, CancellationInitiator? CancelledBy) : Row
    { public override string? PatientId => Patient; }
    private sealed record FillRow(string Patient, string Drug, DateOnly Date, int DaysSupply, ImmutableArray<string> Prescriptions) : Row
    { public override string? PatientId => Patient; }
    private sealed record RequestRow(string Patient, string? Drug, DateOnly? Date, int? Days) : Row
    { public override string? PatientId => Patient; }
    private sealed record ReferralRow(string Patient, string Specialty, DateOnly AuthoredOn) : Row
    { public override string? PatientId => Patient; }
    private sealed record PrescriptionRow(ImmutableArray<string> Prescriptions) : Row;
    private sealed record TaskRow(ImmutableArray<string> BasedOn, DateOnly End) : Row;
    private sealed record ClaimRow(string Patient, DateOnly Created, decimal Total) : Row
    { public override string? PatientId => Patient; }
    private sealed record ResponseRow(string Claim, DateOnly? Created, bool Error) : Row;
    private sealed record SurveyRow(string Patient, DateOnly Date, ImmutableSortedDictionary<string, string> Answers) : Row
    { public override string? PatientId => Patient; }
    private sealed record ScheduleRow : Row;
    private sealed record SlotRow(string Schedule, string AppointmentType, DateTimeOffset Start, SlotStatus Status) : Row;
    private sealed record MessageRow(string Patient, DateTimeOffset Sent, bool FromPatient, string? ReplyTo) : Row
    { public override string? PatientId => Patient; }
}
