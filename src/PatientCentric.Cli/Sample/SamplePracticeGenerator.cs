using System.Collections.Immutable;
using System.Globalization;
using PatientCentric.Control;
using PatientCentric.Customers;
using PatientCentric.Jobs;
using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Cli.Sample;

/// <summary>Generates the bundled sample: a synthetic three-line practice (primary care, dermatology, aesthetic
/// medicine) with about 2,000 patients over calendar 2025, deterministic for a given seed. Distributions and their
/// sources are in docs/data-model.md. No real person is described; keys are opaque (P0001, C01).</summary>
internal sealed partial class SamplePracticeGenerator
{
    public const int DefaultSeed = 20250101;
    public const int DefaultPatients = 2000;
    public const string TimeZoneId = "America/Chicago";

    private static readonly DateOnly PeriodStart = new(2025, 1, 1);
    private static readonly DateOnly PeriodEnd = new(2025, 12, 31);
    private static readonly string[] Frequency = ["Never", "Sometimes", "Usually", "Always"];
    private static readonly string[] ZeroToTen = [.. Enumerable.Range(0, 11).Select(i => i.ToString(CultureInfo.InvariantCulture))];
    private static readonly string[] Specialties = ["cardiology", "orthopedics", "endocrinology", "gastroenterology", "neurology"];
    private static readonly string[] ChronicDrugs = ["LISINOPRIL", "LOSARTAN", "ATORVASTATIN", "SIMVASTATIN", "METFORMIN", "GLIPIZIDE"];

    private readonly Random _random;
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
    private readonly List<Appointment> _appointments = [];
    private readonly List<SurveyReturn> _returns = [];
    private readonly List<MedicationFill> _fills = [];
    private readonly List<Referral> _referrals = [];
    private readonly List<Claim> _claims = [];
    private readonly List<PatientJob> _jobs = [];
    private readonly List<ClinicianRating> _ratings = [];
    private readonly List<BarrierReport> _barriers = [];
    private readonly List<PortalThread> _threads = [];
    private readonly List<CallRecord> _calls = [];
    private readonly List<PriceEstimate> _estimates = [];
    private readonly List<PatientStatement> _statements = [];
    private readonly List<BillingComplaint> _complaints = [];
    private readonly List<OutreachContact> _contacts = [];
    private readonly List<Review> _reviews = [];
    private readonly List<AvailabilitySnapshot> _snapshots = [];

    // Review sentences, good and bad, for each commitment; names appear as real reviews have them (the library scrubs them).
    private static readonly string[] Praise =
    [
        "The staff were so kind and caring.", "Dr. Rivera listened to every question.", "Everything was spotless and clean.",
        "Honest advice and no pressure to buy extras.", "The nurse explained the plan clearly.", "They started on time, very punctual.",
        "Free parking and a comfortable waiting room.", "Jenna at the front desk was friendly and warm.", "The follow-up call was thorough.",
    ];

    private static readonly string[] Complaints =
    [
        "We waited almost an hour past the appointment time.", "The receptionist was rude on the phone.", "The bill had hidden fees.",
        "Nobody answered my portal message for days; it was ignored.", "The visit felt rushed.", "The exam room was not clean.",
        "The price was not what I was quoted, it felt misleading.", "Parking was a nightmare, no parking at all.", "I didn't wait at all this time.",
    ];

    // US federal holidays in 2025 on which the practice is closed.
    private static readonly DateOnly[] Holidays2025 =
        [new(2025, 1, 1), new(2025, 5, 26), new(2025, 7, 4), new(2025, 9, 1), new(2025, 11, 27), new(2025, 12, 25)];

    private SamplePracticeGenerator(int seed, PracticeCharacter character)
    {
        _random = new Random(seed);
        _character = character;
        _lines = character == PracticeCharacter.Default ? Lines : Characterise(Lines, character);
    }

    // What sets this practice apart (sample --practices); the default is the bundled sample, whose lines are used as they are.
    private readonly PracticeCharacter _character;
    private readonly Line[] _lines;

    /// <summary>One service line's operating characteristics (see docs/data-model.md for sources).</summary>
    private sealed record Line(string Key, string Name, double PatientShare, double VisitsPerYear, double SameDayShare,
                               double LeadMedianDays, double NoShow, double WaitMedianMinutes, double ExamMinutes, bool Insured, string[] Clinicians);

    private static readonly Line[] Lines =
    [
        new("primary-care", "Primary Care", 0.60, 3.2, 0.30, 10, 0.08, 14, 20, true, ["C01", "C02", "C03", "C04", "C05", "C06"]),
        new("dermatology", "Dermatology", 0.25, 2.0, 0.05, 28, 0.06, 18, 15, true, ["C07", "C08", "C09"]),
        new("aesthetics", "Aesthetic Medicine", 0.15, 2.5, 0.10, 7, 0.03, 6, 45, false, ["C10", "C11", "C12"]),
    ];

    public static PracticeDataSet Generate(int seed = DefaultSeed, int patients = DefaultPatients, PracticeCharacter? character = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(patients, 1);
        character ??= PracticeCharacter.Default;
        var g = new SamplePracticeGenerator(seed, character);
        for (int p = 1; p <= patients; p++)
            g.AddPatient(string.Create(CultureInfo.InvariantCulture, $"P{p:0000}"));
        g.AddDataEntryErrors();
        return new PracticeDataSet(
            PracticeDataSet.CurrentSchemaVersion, character.PracticeName, TimeZoneId,
            new MeasurementPeriod(PeriodStart, PeriodEnd),
            [.. Lines.Select(l => new ServiceLine(l.Key, l.Name))],
            [.. g._appointments.OrderBy(a => a.Start).ThenBy(a => a.Id, StringComparer.Ordinal)],
            SurveyItems,
            [.. g._returns.OrderBy(r => r.ReturnedOn).ThenBy(r => r.Id, StringComparer.Ordinal)],
            [.. g._fills.OrderBy(f => f.DateOfService).ThenBy(f => f.Id, StringComparer.Ordinal)],
            [.. g._referrals.OrderBy(r => r.AuthoredOn).ThenBy(r => r.Id, StringComparer.Ordinal)],
            [.. g._claims.OrderBy(c => c.FirstSubmittedOn).ThenBy(c => c.Id, StringComparer.Ordinal)])
        {
            Jobs = [.. g._jobs.OrderBy(j => j.DueOn).ThenBy(j => j.Id, StringComparer.Ordinal)],
            ClinicianRatings = [.. g._ratings.OrderBy(r => r.RatedOn).ThenBy(r => r.PatientKey, StringComparer.Ordinal)],
            Barriers = [.. g._barriers.OrderBy(b => b.ReportedOn).ThenBy(b => b.PatientKey, StringComparer.Ordinal)],
            PortalThreads = [.. g._threads.OrderBy(t => t.SentAt).ThenBy(t => t.Id, StringComparer.Ordinal)],
            Holidays = [.. Holidays2025],
            Calls = [.. g._calls.OrderBy(c => c.EnteredQueueAt).ThenBy(c => c.Id, StringComparer.Ordinal)],
            PriceEstimates = [.. g._estimates.OrderBy(e => e.EstimatedOn).ThenBy(e => e.Id, StringComparer.Ordinal)],
            Statements = [.. g._statements.OrderBy(x => x.SentOn).ThenBy(x => x.Id, StringComparer.Ordinal)],
            BillingComplaints = [.. g._complaints.OrderBy(c => c.ReceivedOn).ThenBy(c => c.Id, StringComparer.Ordinal)],
            OutreachContacts = [.. g._contacts.OrderBy(c => c.At).ThenBy(c => c.Id, StringComparer.Ordinal)],
            Reviews = [.. g._reviews.OrderBy(r => r.WrittenOn).ThenBy(r => r.Id, StringComparer.Ordinal)],
            AvailabilitySnapshots = g.Snapshots(),
            PrimaryCustomer = StakeholderSample,
            KpiSeries = g.KpiSeries(),
            AssumptionBindings =
            [
                new AssumptionBinding("patients", "revenue-share", "patient-revenue-share"),
                new AssumptionBinding("patients", "referral-influence", "patient-promoter-share"),
                new AssumptionBinding("regional-health-plan", "revenue-share", "payer-revenue-share"),
            ],
        };
    }

    private static readonly DateOnly Assessed = new(2025, 1, 15);

    // Who should the practice's service lines be designed around? Simons's criteria (perspective fit, capability match,
    // profit potential as revenue share) plus referral influence and cost to serve, assessed at the January leadership
    // workshop from the 2024 figures (assumptions, not data).
    public static StakeholderAssessments StakeholderSample { get; } = new(
        [
            new Stakeholder("patients", StakeholderKind.Patient, "Patients"),
            new Stakeholder("regional-health-plan", StakeholderKind.Payer, "Regional Health Plan"),
            new Stakeholder("community-referrers", StakeholderKind.Referrer, "Community referrers"),
            new Stakeholder("st-marys-network", StakeholderKind.Institution, "St Mary's hospital network"),
            new Stakeholder("local-employers", StakeholderKind.Employer, "Local employers"),
        ],
        [
            new Criterion("perspective-fit", 0.20, CriterionDirection.Benefit, 1, 5),
            new Criterion("capability-match", 0.20, CriterionDirection.Benefit, 1, 5),
            new Criterion("revenue-share", 0.35, CriterionDirection.Benefit, 0, 1),
            new Criterion("referral-influence", 0.15, CriterionDirection.Benefit, 0, 1),
            new Criterion("cost-to-serve", 0.10, CriterionDirection.Cost, 1, 5),
        ],
        [
            .. Assess("patients", 4, 4, 0.40, 0.45, 3),
            .. Assess("regional-health-plan", 3, 4, 0.44, 0.20, 4),
            .. Assess("community-referrers", 3, 3, 0.10, 0.30, 2),
            .. Assess("st-marys-network", 2, 3, 0.04, 0.05, 4),
            .. Assess("local-employers", 3, 2, 0.02, 0.00, 3),
        ])
    {
        Salience =
        [
            new SalienceAssessment("patients", 0.4, 1.0, 0.8),
            new SalienceAssessment("regional-health-plan", 1.0, 1.0, 0.6),
            new SalienceAssessment("community-referrers", 0.3, 0.8, 0.3),
            new SalienceAssessment("st-marys-network", 0.9, 0.7, 0.2),
            new SalienceAssessment("local-employers", 0.6, 0.3, 0.2),
        ],
    };

    private static StakeholderAssessment[] Assess(string key, double fit, double capability, double revenueShare, double influence, double cost) =>
    [
        new(key, "perspective-fit", fit, "Leadership workshop, January 2025", Assessed),
        new(key, "capability-match", capability, "Leadership workshop, January 2025", Assessed),
        new(key, "revenue-share", revenueShare, "2024 revenue report", Assessed),
        new(key, "referral-influence", influence, "2024 new-patient source survey", Assessed),
        new(key, "cost-to-serve", cost, "Billing office estimate", Assessed),
    ];

    // Monthly KPIs behind the assumptions: the patients' share of revenue slips from June as a payer contract grows
    // (a designed shift, so the sample shows an assumption alert); the promoter share comes from the sample's own surveys.
    private ImmutableArray<KpiSeries> KpiSeries()
    {
        string[] months = [.. Enumerable.Range(1, 12).Select(m => string.Create(CultureInfo.InvariantCulture, $"2025-{m:00}"))];
        double[] patientShare = [.. Enumerable.Range(1, 12).Select(m => Math.Round((m < 6 ? 0.41 : 0.37) + Normal(0, 0.008), 3))];
        var promoters = months.Select((label, i) =>
        {
            var answers = _returns.Where(r => r.ReturnedOn.Year == 2025 && r.ReturnedOn.Month == i + 1 && r.Answers.ContainsKey("recommend"))
                                  .Select(r => int.Parse(r.Answers["recommend"], CultureInfo.InvariantCulture)).ToList();
            return new KpiPoint(label, answers.Count == 0 ? 0 : Math.Round((double)answers.Count(a => a >= 9) / answers.Count, 4));
        });
        return
        [
            new("patient-revenue-share", "Patients' share of revenue (self-pay and copays)", [.. months.Select((m, i) => new KpiPoint(m, patientShare[i]))]),
            new("payer-revenue-share", "Regional Health Plan's share of revenue", [.. months.Select((m, i) => new KpiPoint(m, Math.Round(0.84 - patientShare[i] + Normal(0, 0.005), 3)))]),
            new("patient-promoter-share", "Share of patients answering 9–10 to 'would you recommend'", [.. promoters]),
        ];
    }

    public static ImmutableArray<SurveyItem> SurveyItems { get; } =
    [
        new("recommend", "How likely is it that you would recommend this practice to a friend or family member?", SurveyItemKind.LikelihoodToRecommend, [.. ZeroToTen], InteractionRole.Customer),
        new("routine-appointment-soon", "When you made an appointment for a check-up or routine care, how often did you get it as soon as you needed?", SurveyItemKind.Report, [.. Frequency], InteractionRole.Customer, "access"),
        new("seen-within-15-minutes", "How often were you seen within 15 minutes of your appointment time?", SurveyItemKind.Report, [.. Frequency], InteractionRole.Customer, "access"),
        new("staff-helpful", "How often were clerks and receptionists at this office as helpful as you thought they should be?", SurveyItemKind.Report, [.. Frequency], InteractionRole.Customer, "office-staff"),
        new("staff-courteous", "How often did clerks and receptionists at this office treat you with courtesy and respect?", SurveyItemKind.Report, [.. Frequency], InteractionRole.Customer, "office-staff"),
        new("bill-understood", "How often was your bill from this office easy to understand?", SurveyItemKind.Report, [.. Frequency], InteractionRole.Customer, "billing"),
        new("provider-explained", "How often did this provider explain things in a way that was easy to understand?", SurveyItemKind.Report, [.. Frequency], InteractionRole.Partner, "provider-communication"),
        new("provider-listened", "How often did this provider listen carefully to you?", SurveyItemKind.Report, [.. Frequency], InteractionRole.Partner, "provider-communication"),
        new("provider-rating", "Using any number from 0 to 10, what number would you use to rate this provider?", SurveyItemKind.Rating, [.. ZeroToTen], InteractionRole.Partner),
    ];

    private void AddPatient(string patient)
    {
        var home = PickLine();
        int visits = Poisson(home.VisitsPerYear);
        for (int v = 0; v < visits; v++)
            AddAppointment(patient, home, v);
        if (home.Key == "primary-care" && _random.NextDouble() < 0.10)
            AddAppointment(patient, _lines[1], 100);  // a primary-care patient referred in-house to dermatology
        if (home.Key == "primary-care" && _random.NextDouble() < 0.35)
            AddMedications(patient);
        int calls = Poisson(1.5);
        for (int c = 0; c < calls; c++)
            AddCall(patient, home, c);
        int messages = Poisson(home.Key == "aesthetics" ? 0.4 : 0.7);
        for (int m = 0; m < messages; m++)
            AddPortalThread(patient, home, m);
    }

    private Line PickLine()
    {
        double u = _random.NextDouble(), acc = 0;
        foreach (var l in _lines)
        {
            acc += l.PatientShare;
            if (u < acc)
                return l;
        }
        return _lines[^1];
    }

    private void AddAppointment(string patient, Line line, int ordinal)
    {
        string id = string.Create(CultureInfo.InvariantCulture, $"A-{patient}-{ordinal:00}");
        DateOnly day = RandomWeekday(PeriodStart, PeriodEnd);
        var start = Local(day, (8 * 60) + (15 * _random.Next(0, 35)));   // 08:00–16:30 in 15-minute slots
        bool sameDay = _random.NextDouble() < line.SameDayShare;
        int leadDays = sameDay ? (_random.NextDouble() < 0.6 ? 0 : 1) : (int)Math.Min(120, Math.Round(LogNormal(line.LeadMedianDays, 0.8)));
        var booked = leadDays == 0
            ? start.AddMinutes(-_random.Next(60, 6 * 60))
            : Local(day.AddDays(-leadDays), (8 * 60) + _random.Next(0, 9 * 60));
        string clinician = line.Clinicians[_random.Next(line.Clinicians.Length)];

        double u = _random.NextDouble();
        if (u < 0.003)
        {
            _appointments.Add(new(id, patient, line.Key, clinician, booked, start, AppointmentOutcome.Booked));   // outcome never recorded
            return;
        }
        if (u < 0.003 + 0.03)
        {
            _appointments.Add(new(id, patient, line.Key, clinician, booked, start, AppointmentOutcome.Cancelled,
                start.AddDays(-_random.Next(1, 10)), CancellationInitiator.Practice));
            return;
        }
        if (u < 0.033 + 0.09)
        {
            bool sameDayCancel = _random.NextDouble() < 0.25;
            DateTimeOffset? at = sameDayCancel ? start.AddMinutes(-_random.Next(30, 4 * 60)) : start.AddDays(-_random.Next(1, 15));
            if (at < booked)
                at = booked.AddMinutes(5);
            if (_random.NextDouble() < 0.02)
                at = null;   // time lost in the source system
            _appointments.Add(new(id, patient, line.Key, clinician, booked, start, AppointmentOutcome.Cancelled, at, CancellationInitiator.Patient));
            return;
        }
        if (u < 0.123 + line.NoShow)
        {
            if (line.Key != "primary-care")
                AddPreVisitForm(id, patient, line, day, noShow: true);
            _appointments.Add(new(id, patient, line.Key, clinician, booked, start, AppointmentOutcome.NoShow));
            return;
        }

        if (line.Key != "primary-care")
            AddPreVisitForm(id, patient, line, day, noShow: false);
        var arrived = start.AddMinutes(Math.Round(Normal(-8, 6)));
        double wait = LogNormal(line.WaitMedianMinutes, 0.6);
        var seen = (arrived > start ? arrived : start).AddMinutes(Math.Round(wait));
        var departed = seen.AddMinutes(Math.Round(Math.Max(5, Normal(line.ExamMinutes, line.ExamMinutes / 3))) + Math.Round(Math.Max(1, Normal(5, 3))));
        DateTimeOffset? seenAt = _random.NextDouble() < 0.01 ? null : seen;
        DateTimeOffset? departedAt = _random.NextDouble() < 0.015 ? null : departed;
        bool telehealth = _random.NextDouble() < (line.Key switch { "primary-care" => 0.12, "dermatology" => 0.05, _ => 0.0 });
        _appointments.Add(new(id, patient, line.Key, clinician, booked, start, AppointmentOutcome.Kept, null, null, arrived, seenAt, departedAt)
        {
            Mode = telehealth ? VisitMode.Telehealth : VisitMode.InPerson,
        });
        AddBilling(id, patient, line, day);
        if (_random.NextDouble() < (line.Key == "aesthetics" ? 0.08 : 0.03))
        {
            int good = _random.Next(0, 3), bad = wait > 25 ? _random.Next(1, 3) : _random.Next(0, 2);
            var sentences = Enumerable.Range(0, good).Select(_ => Praise[_random.Next(Praise.Length)])
                .Concat(Enumerable.Range(0, bad).Select(_ => Complaints[_random.Next(Complaints.Length)])).ToList();
            if (sentences.Count > 0)
                _reviews.Add(new Review($"RV-{id}", line.Key, day.AddDays(_random.Next(0, 10)), string.Join(" ", sentences)));
        }
        if (line.Key == "primary-care" && _random.NextDouble() < 0.40)
        {
            var contactAt = (departedAt ?? start).AddHours(_random.Next(20, 24 * 10));
            _contacts.Add(new OutreachContact($"O-{id}", patient, line.Key, contactAt, _random.NextDouble() < 0.75));
        }

        if (_random.NextDouble() < 0.30)
            AddSurvey(id, patient, line, day, leadDays, wait);
        if (line.Key == "primary-care" && _random.NextDouble() < 0.07)
            AddReferral(id, patient, line, day);
        if (line.Key == "primary-care" && _random.NextDouble() < 0.25)
            AddJob($"L-{id}", patient, line, PatientJobKind.CompleteLab, day, day.AddDays(30), onTime: 0.70, late: 0.15);
        if (line.Key == "primary-care" && _random.NextDouble() < 0.15)
            AddJob($"FU-{id}", patient, line, PatientJobKind.AttendFollowUp, day, day.AddDays(_random.Next(60, 121)), onTime: 0.65, late: 0.20);
        if (line.Insured)
            AddClaim(id, patient, line, day);
    }

    private void AddSurvey(string appointmentId, string patient, Line line, DateOnly visit, int leadDays, double waitMinutes)
    {
        double mood = Normal(0, 1);
        var answers = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        void Answer(string item, string value)
        {
            if (_random.NextDouble() >= 0.03)   // 3 % of items left blank
                answers[item] = value;
        }
        double access = mood - (0.04 * Math.Max(0, leadDays - 7));
        double timeliness = mood - (0.08 * Math.Max(0, waitMinutes - 15));
        double staff = mood + 0.6;
        double provider = mood + 0.8;
        double overall = (0.35 * access) + (0.25 * timeliness) + (0.2 * staff) + (0.4 * provider) + Normal(0, 0.5);
        Answer("recommend", ZeroToTen[Math.Clamp((int)Math.Round(8.4 + (1.4 * overall)), 0, 10)]);
        Answer("routine-appointment-soon", Frequency[Level(access + 0.6)]);
        Answer("seen-within-15-minutes", Frequency[Level(timeliness + 0.3)]);
        Answer("staff-helpful", Frequency[Level(staff)]);
        Answer("staff-courteous", Frequency[Level(staff + 0.3)]);
        if (line.Insured)
            Answer("bill-understood", Frequency[Level(mood + 0.1 + Normal(0, 0.7))]);
        Answer("provider-explained", Frequency[Level(provider)]);
        Answer("provider-listened", Frequency[Level(provider + 0.1)]);
        Answer("provider-rating", ZeroToTen[Math.Clamp((int)Math.Round(8.8 + (1.2 * provider) - 0.6), 0, 10)]);
        var returned = visit.AddDays(_random.Next(1, 15));
        _returns.Add(new SurveyReturn($"S-{appointmentId}", patient, line.Key, returned, answers.ToImmutable()));
    }

    // Maps a latent experience score to Never..Always with cut points that give a top box of about 60–85 %.
    private int Level(double x) => (x + Normal(0, 0.6)) switch
    {
        < -1.8 => 0,
        < -1.0 => 1,
        < -0.2 => 2,
        _ => 3,
    };

    private void AddReferral(string appointmentId, string patient, Line line, DateOnly visit)
    {
        double u = _random.NextDouble();
        DateOnly? received = u < 0.65 ? visit.AddDays(_random.Next(7, 61)) : u < 0.75 ? visit.AddDays(_random.Next(61, 121)) : null;
        _referrals.Add(new Referral($"R-{appointmentId}", patient, line.Key, Specialties[_random.Next(Specialties.Length)], visit, received));
    }

    private void AddJob(string id, string patient, Line line, PatientJobKind kind, DateOnly assigned, DateOnly due, double onTime, double late)
    {
        double u = _random.NextDouble();
        DateOnly? done = u < onTime ? RandomDay(assigned, due) : u < onTime + late ? due.AddDays(_random.Next(1, 31)) : null;
        _jobs.Add(new PatientJob(id, patient, line.Key, kind, assigned, due, done));
        if (done is null && _random.NextDouble() < 0.3)
            _barriers.Add(new BarrierReport(patient, kind, _random.NextDouble() < 0.6 ? JobBarrier.Access : JobBarrier.Forgetting, due.AddDays(_random.Next(1, 20))));
    }

    // Pre-visit form: due on the appointment day; a no-show rarely sent the form.
    private void AddPreVisitForm(string appointmentId, string patient, Line line, DateOnly day, bool noShow)
    {
        double onTime = noShow ? 0.30 : 0.80;
        double u = _random.NextDouble();
        DateOnly assigned = day.AddDays(-_random.Next(7, 15));
        DateOnly? done = u < onTime ? day.AddDays(-_random.Next(0, 7)) : u < onTime + 0.05 ? day.AddDays(_random.Next(1, 3)) : null;
        _jobs.Add(new PatientJob($"F-{appointmentId}", patient, line.Key, PatientJobKind.CompletePreVisitForm, assigned, day, done));
    }

    // Every Monday at 08:00, each line's new-patient schedule: free slots thin out over the next 90 days, dermatology being
    // the scarcest (a TNAA of weeks), aesthetics the most open; some free slots are held or reserved for same-day use.
    private ImmutableArray<AvailabilitySnapshot> Snapshots()
    {
        var list = new List<AvailabilitySnapshot>();
        for (var monday = new DateOnly(2025, 1, 6); monday <= PeriodEnd; monday = monday.AddDays(7))
        {
            foreach (var line in Lines)
            {
                var t0 = Local(monday, 8 * 60);
                double perDay = line.Key switch { "dermatology" => 0.12, "primary-care" => 0.6, _ => 1.2 };
                var slots = ImmutableArray.CreateBuilder<Touchpoints.Slot>();
                for (int d = 0; d <= 90; d++)
                {
                    var day = monday.AddDays(d);
                    if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || Array.IndexOf(Holidays2025, day) >= 0)
                        continue;
                    int free = Poisson(perDay * (d < 3 ? 0.3 : 1.0));
                    for (int k = 0; k < free; k++)
                    {
                        var start = Local(day, (9 * 60) + (30 * _random.Next(0, 14)));
                        if (start < t0) continue;
                        double u = _random.NextDouble();
                        slots.Add(new Touchpoints.Slot(start, Touchpoints.SlotStatus.Free, IsHeld: u < 0.05, IsReservedForSameDay: u is >= 0.05 and < 0.10));
                    }
                }
                list.Add(new AvailabilitySnapshot($"{line.Key}-new-patient", line.Key, "new-patient", t0, slots.ToImmutable()));
            }
        }
        return [.. list];
    }

    // A call to the line's queue: log-normal queue time around 40 s; 10 % hang up (a fifth of those within 5 s).
    private void AddCall(string patient, Line line, int ordinal)
    {
        var entered = Local(RandomWeekday(PeriodStart, PeriodEnd), (8 * 60) + _random.Next(0, 9 * 60)).AddSeconds(_random.Next(0, 60));
        double seconds = Math.Round(LogNormal(40, 1.0));
        string id = string.Create(CultureInfo.InvariantCulture, $"CALL-{patient}-{ordinal:00}");
        if (_random.NextDouble() < 0.10)
            _calls.Add(new CallRecord(id, line.Key, entered, AbandonedAt: entered.AddSeconds(_random.NextDouble() < 0.2 ? _random.Next(1, 5) : seconds + 20)));
        else
            _calls.Add(new CallRecord(id, line.Key, entered, AnsweredAt: entered.AddSeconds(seconds)));
    }

    // Good-faith estimates for self-pay aesthetic visits; statements for some insured balances and self-pay visits, paid
    // after a log-normal 21 days (10 % still open); a billing complaint for 1.5 % of statements.
    private void AddBilling(string appointmentId, string patient, Line line, DateOnly visit)
    {
        if (!line.Insured && _random.NextDouble() < 0.60)
        {
            decimal estimate = _random.Next(250, 2001);
            decimal final = _random.NextDouble() < 0.03 ? estimate + 450 : Math.Round(estimate * (decimal)(1 + Normal(0.03, 0.08)), 2);
            _estimates.Add(new PriceEstimate($"E-{appointmentId}", patient, line.Key, visit.AddDays(-_random.Next(1, 15)), estimate, Math.Max(0, final), IsSelfPay: true));
        }
        if (_random.NextDouble() < (line.Insured ? 0.40 : 0.30))
        {
            var sent = visit.AddDays(_random.Next(10, 35));
            DateOnly? paid = _random.NextDouble() < 0.10 ? null : sent.AddDays((int)Math.Min(180, Math.Round(LogNormal(21, 0.7))));
            _statements.Add(new PatientStatement($"ST-{appointmentId}", patient, line.Key, sent, paid));
            if (_random.NextDouble() < 0.015)
                _complaints.Add(new BillingComplaint($"BC-{appointmentId}", line.Key, sent.AddDays(_random.Next(3, 30))));
        }
    }

    private void AddClaim(string appointmentId, string patient, Line line, DateOnly visit)
    {
        bool clean = _random.NextDouble() < _character.CleanClaimRate;
        var submitted = visit.AddDays(_random.Next(1, 6));
        var adjudicated = submitted.AddDays(_random.Next(7, 31));
        bool denied = _random.NextDouble() < (clean ? 0.07 : 0.20);
        decimal charge = line.Key == "dermatology" ? _random.Next(15000, 40001) / 100m : _random.Next(12000, 25001) / 100m;
        _claims.Add(new Claim($"CL-{appointmentId}", patient, line.Key, submitted, clean, adjudicated, denied, charge));
    }

    private void AddMedications(string patient)
    {
        int drugs = _random.NextDouble() < 0.7 ? 1 : 2;
        var chosen = new List<string>();
        while (chosen.Count < drugs)
        {
            string d = ChronicDrugs[_random.Next(ChronicDrugs.Length)];
            if (!chosen.Contains(d))
                chosen.Add(d);
        }
        double u = _random.NextDouble();
        int archetype = u < 0.55 ? 0 : u < 0.85 ? 1 : 2;   // adherent, partial, stops early
        if (_random.NextDouble() < 0.30)
        {
            // Clinicians rate how the patient is doing with their medicines, 1–5, a few times a year.
            int n = _random.Next(1, 6);
            for (int k = 0; k < n; k++)
            {
                int rating = Math.Clamp(archetype switch { 0 => _random.Next(4, 6), 1 => _random.Next(2, 5), _ => _random.Next(1, 4) }, 1, 5);
                _ratings.Add(new ClinicianRating(patient, PatientJobKind.TakeMedication, rating, RandomDay(PeriodStart, PeriodEnd)));
            }
        }
        if (archetype > 0 && _random.NextDouble() < 0.5)
        {
            double b = _random.NextDouble();
            var barrier = b < 0.40 ? JobBarrier.Forgetting : b < 0.65 ? JobBarrier.Cost : b < 0.80 ? JobBarrier.Access : b < 0.90 ? JobBarrier.Knowledge : JobBarrier.Complexity;
            _barriers.Add(new BarrierReport(patient, PatientJobKind.TakeMedication, barrier, RandomDay(PeriodStart, PeriodEnd)));
        }
        foreach (string drug in chosen)
        {
            int supply = _random.NextDouble() < 0.6 ? 30 : 90;
            var date = RandomDay(new DateOnly(2024, 11, 1), new DateOnly(2025, 6, 30));
            int maxFills = archetype == 2 ? _random.Next(1, 4) : 100;
            for (int n = 0; n < maxFills && date <= PeriodEnd; n++)
            {
                _fills.Add(new MedicationFill(string.Create(CultureInfo.InvariantCulture, $"F-{patient}-{drug}-{n:00}"), patient, drug, date, supply));
                int gap = archetype switch
                {
                    0 => _random.Next(-5, 4),
                    1 => _random.Next(0, 31),
                    _ => _random.Next(10, 60),
                };
                date = date.AddDays(Math.Max(1, supply + gap));
            }
        }
    }

    // A handful of records that break rules the way real extracts do; the scorers exclude and count them.
    private void AddDataEntryErrors()
    {
        int fixedUp = 0;
        for (int i = 0; i < _appointments.Count && fixedUp < 6; i += 997)
        {
            var a = _appointments[i];
            if (a.Outcome != AppointmentOutcome.Kept || a.ArrivedAt is null || a.DepartedAt is null)
                continue;
            _appointments[i] = fixedUp < 3
                ? a with { BookedAt = a.Start.AddDays(2) }                       // booked "after" it started: a keying error
                : a with { DepartedAt = a.ArrivedAt.Value.AddMinutes(-20) };     // departure before arrival
            fixedUp++;
        }
    }

    private DateTimeOffset Local(DateOnly day, int minuteOfDay)
    {
        var local = day.ToDateTime(new TimeOnly(minuteOfDay / 60, minuteOfDay % 60));
        return new DateTimeOffset(local, _zone.GetUtcOffset(local));
    }

    private DateOnly RandomDay(DateOnly from, DateOnly to) => from.AddDays(_random.Next(0, to.DayNumber - from.DayNumber + 1));

    private DateOnly RandomWeekday(DateOnly from, DateOnly to)
    {
        while (true)
        {
            var d = RandomDay(from, to);
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && Array.IndexOf(Holidays2025, d) < 0)
                return d;
        }
    }

    // A patient's portal message, any day and hour (weighted to daytime); staff reply on a later business day or the same
    // one, log-normal around 5 hours; 4 % are never answered.
    private void AddPortalThread(string patient, Line line, int ordinal)
    {
        var day = RandomDay(PeriodStart, PeriodEnd);
        int minute = _random.NextDouble() < 0.75 ? _random.Next(7 * 60, 21 * 60) : _random.Next(0, 24 * 60);
        var sent = Local(day, minute);
        DateTimeOffset? reply = null;
        if (_random.NextDouble() >= 0.04)
        {
            var candidate = sent.AddMinutes(Math.Round(LogNormal(_character.PortalReplyMedianMinutes, 1.0)));
            var local = TimeZoneInfo.ConvertTime(candidate, _zone);
            var replyDay = DateOnly.FromDateTime(local.DateTime);
            bool open = replyDay.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && Array.IndexOf(Holidays2025, replyDay) < 0
                        && local.Hour is >= 8 and < 17;
            if (!open)
            {
                var next = local.Hour >= 17 ? replyDay.AddDays(1) : replyDay;
                while (next.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || Array.IndexOf(Holidays2025, next) >= 0)
                    next = next.AddDays(1);
                candidate = Local(next, (8 * 60) + _random.Next(0, 240));
            }
            reply = candidate;
        }
        _threads.Add(new PortalThread(string.Create(CultureInfo.InvariantCulture, $"M-{patient}-{ordinal:00}"), patient, line.Key, sent, reply));
    }

    private int Poisson(double mean)
    {
        double limit = Math.Exp(-mean), product = _random.NextDouble();
        int k = 0;
        while (product > limit)
        {
            k++;
            product *= _random.NextDouble();
        }
        return k;
    }

    private double Normal(double mean, double sd)
    {
        double u1 = 1.0 - _random.NextDouble(), u2 = _random.NextDouble();
        return mean + (sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }

    private double LogNormal(double median, double sigma) => Math.Exp(Math.Log(median) + (sigma * Normal(0, 1)));
}
