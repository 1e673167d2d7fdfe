using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Validation;
using Microsoft.Extensions.DependencyInjection;
using PatientCentric.Cli.Sample;
using PatientCentric.Fhir;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Serialization;

namespace PatientCentric.Cli.Tests;

/// <summary>The sample exported once as FHIR NDJSON and read back with a fixed pseudonym key, the practice's time zone,
/// and the survey items and identity linkId map from the exported survey-items.json; the folder is deleted once read.</summary>
internal sealed class SampleFhirRoundTrip
{
    /// <summary>Fewer patients than the bundled 2,000 keep the read short; every record kind and every loss the tests
    /// assert is still present.</summary>
    public const int Patients = 800;

    public static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private static readonly Lazy<SampleFhirRoundTrip> Shared = new(() => new SampleFhirRoundTrip(), LazyThreadSafetyMode.ExecutionAndPublication);

    public static SampleFhirRoundTrip Instance => Shared.Value;

    private SampleFhirRoundTrip()
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "tmp-sample-fhir", "round-trip-" + Guid.NewGuid().ToString("N"));
        try
        {
            Original = SamplePracticeGenerator.Generate(SamplePracticeGenerator.DefaultSeed, Patients);
            SampleFhirExport.Write(Original, folder);
            // Only the last snapshot of each schedule is exported; the sample takes them all at one t0, the last Monday.
            SlotsObservedAt = SampleFhirExport.LastSnapshots(Original).Select(s => s.TakenAt).Distinct().Single();
            (Items, LinkIds) = SurveyItemsFile.Read(File.ReadAllBytes(Path.Combine(folder, SampleFhirExport.SurveyItemsFileName)), SampleFhirExport.SurveyItemsFileName);
            Result = new FhirPracticeReader(new FhirReadOptions
            {
                TimeZone = Original.TimeZone,
                PseudonymKey = [.. Key],
                SurveyItems = Items,
                SurveyItemsByLinkId = LinkIds,
                SlotsObservedAt = SlotsObservedAt,
            }).ReadNdjsonFolder(folder);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    public PracticeDataSet Original { get; }

    /// <summary>The t0 of the exported (last) availability snapshots, given to the reader as the Slots' export instant.</summary>
    public DateTimeOffset SlotsObservedAt { get; }

    public ImmutableArray<SurveyItem> Items { get; }

    public ImmutableDictionary<string, string> LinkIds { get; }

    public FhirReadResult Result { get; }
}

/// <summary><c>sample --fhir-out</c>: the sample as FHIR R4 Bulk Data NDJSON, read back by <see cref="FhirPracticeReader"/>
/// and <c>report --fhir --survey-items</c>. The losses asserted here are listed in docs/fhir.md, "The sample as FHIR".</summary>
public sealed class SampleFhirTests : IDisposable
{
    private const string AsOf = "2026-01-15T12:00:00Z";

    private readonly string _root = Path.Combine(AppContext.BaseDirectory, "tmp-sample-fhir", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private string Dir(string name) => Path.Combine(_root, name);

    // The reader's documented pseudonyms (docs/fhir.md): "P-" + the first 16 hex digits of HMAC-SHA256(key, Patient.id);
    // clinicians "C-" the same way. The sample's FHIR ids are its own keys.
    private static string Patient(string key) => "P-" + Convert.ToHexString(HMACSHA256.HashData(SampleFhirRoundTrip.Key, Encoding.UTF8.GetBytes(key)), 0, 8);

    private static string Clinician(string? key) => key is null ? "-" : "C-" + Patient(key)[2..];

    private static string T(DateTimeOffset? t) => t is { } v ? v.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) : "-";

    private static string D(DateOnly? d) => d is { } v ? v.ToString("O", CultureInfo.InvariantCulture) : "-";

    private static string Money(decimal m) => m.ToString("0.00##", CultureInfo.InvariantCulture);

    private static string[] Sorted(IEnumerable<string> signatures) => [.. signatures.Order(StringComparer.Ordinal)];

    private static string AppointmentSignature(Appointment a, string patient, string clinician) =>
        $"{patient}|{clinician}|{T(a.BookedAt)}|{T(a.Start)}|{a.Outcome}|{a.BookingUnknown}|{a.CancelledBy}|{T(a.ArrivedAt)}|{T(a.SeenAt)}|{T(a.DepartedAt)}|{a.Mode}|{a.VisitOnly}";

    private static string Answers(SurveyReturn s) => string.Join(";", s.Answers.Select(p => p.Key + "=" + p.Value));

    [Fact]
    public void RoundTrip_GivesBackEveryMappedRecord_WithOnlyTheDocumentedLosses()
    {
        var roundTrip = SampleFhirRoundTrip.Instance;
        var original = roundTrip.Original;
        var read = roundTrip.Result.Data;
        var quality = roundTrip.Result.Quality;

        // Read cleanly: nothing malformed, missing or assumed; only the Practitioner resources are of no use to the reader.
        Assert.Empty(quality.Issues);
        Assert.Equal(0, quality.DuplicatesReplaced);
        Assert.Equal(0, quality.DerivedFills);
        Assert.Equal(original.Appointments.Count(a => a.BookingUnknown), quality.BookingInstantUnknown);
        Assert.Equal(original.Claims.Count(c => c.AdjudicatedOn is null), quality.ClaimsWithoutResponse);
        Assert.Equal(0, quality.ReferralClosureUnknown);   // the export writes Tasks, so closure can be seen
        Assert.Equal(["Practitioner"], quality.ResourcesIgnored.Keys);

        // Survey items: survey-items.json gives back the generator's definitions, and its linkIds are the identity.
        Assert.Equal(ItemsJson(original.SurveyItems), ItemsJson(read.SurveyItems));
        Assert.Equal(original.SurveyItems.Select(i => i.Key).Order(StringComparer.Ordinal), roundTrip.LinkIds.Keys.Order(StringComparer.Ordinal));
        Assert.All(roundTrip.LinkIds, p => Assert.Equal(p.Key, p.Value));

        // Appointments: per outcome, known bookings, and every field the mapping carries, patient by patient.
        Assert.Equal(original.Appointments.Length, read.Appointments.Length);
        foreach (var outcome in Enum.GetValues<AppointmentOutcome>())
            Assert.Equal(original.Appointments.Count(a => a.Outcome == outcome), read.Appointments.Count(a => a.Outcome == outcome));
        Assert.Equal(original.Appointments.Count(a => !a.BookingUnknown), read.Appointments.Count(a => !a.BookingUnknown));
        Assert.Equal(Sorted(original.Appointments.Select(a => AppointmentSignature(a, Patient(a.PatientKey), Clinician(a.ClinicianKey)))),
                     Sorted(read.Appointments.Select(a => AppointmentSignature(a, a.PatientKey, a.ClinicianKey ?? "-"))));

        // Fills: the (patient, drug, date, days' supply) multiset is exact.
        Assert.Equal(Sorted(original.MedicationFills.Select(f => $"{Patient(f.PatientKey)}|{f.Drug}|{D(f.DateOfService)}|{f.DaysSupply}")),
                     Sorted(read.MedicationFills.Select(f => $"{f.PatientKey}|{f.Drug}|{D(f.DateOfService)}|{f.DaysSupply}")));

        // Referrals: count, closed loops, and each referral's specialty, date and report date.
        Assert.Equal(original.Referrals.Length, read.Referrals.Length);
        Assert.Equal(original.Referrals.Count(r => r.ReportReceivedOn is not null), read.Referrals.Count(r => r.ReportReceivedOn is not null));
        Assert.Equal(Sorted(original.Referrals.Select(r => $"{Patient(r.PatientKey)}|{r.Specialty}|{D(r.AuthoredOn)}|{D(r.ReportReceivedOn)}")),
                     Sorted(read.Referrals.Select(r => $"{r.PatientKey}|{r.Specialty}|{D(r.AuthoredOn)}|{D(r.ReportReceivedOn)}")));
        Assert.All(read.Referrals, r => Assert.False(r.ClosureUnknown));

        // Claims: submission, adjudication, denial and charge are exact.
        Assert.Equal(original.Claims.Length, read.Claims.Length);
        Assert.Equal(Sorted(original.Claims.Select(c => $"{Patient(c.PatientKey)}|{D(c.FirstSubmittedOn)}|{D(c.AdjudicatedOn)}|{c.DeniedAtFirstAdjudication}|{Money(c.ChargeAmount)}")),
                     Sorted(read.Claims.Select(c => $"{c.PatientKey}|{D(c.FirstSubmittedOn)}|{D(c.AdjudicatedOn)}|{c.DeniedAtFirstAdjudication}|{Money(c.ChargeAmount)}")));

        // Survey returns: each return's date and every answer.
        Assert.Equal(original.SurveyReturns.Length, read.SurveyReturns.Length);
        Assert.Equal(original.SurveyReturns.Sum(s => s.Answers.Count), read.SurveyReturns.Sum(s => s.Answers.Count));
        Assert.Equal(Sorted(original.SurveyReturns.Select(s => $"{Patient(s.PatientKey)}|{D(s.ReturnedOn)}|{Answers(s)}")),
                     Sorted(read.SurveyReturns.Select(s => $"{s.PatientKey}|{D(s.ReturnedOn)}|{Answers(s)}")));

        // Portal threads: count, answered, and each message's and first reply's instant.
        Assert.Equal(original.PortalThreads.Length, read.PortalThreads.Length);
        Assert.Equal(original.PortalThreads.Count(t => t.FirstStaffReplyAt is not null), read.PortalThreads.Count(t => t.FirstStaffReplyAt is not null));
        Assert.Equal(Sorted(original.PortalThreads.Select(t => $"{Patient(t.PatientKey)}|{T(t.SentAt)}|{T(t.FirstStaffReplyAt)}")),
                     Sorted(read.PortalThreads.Select(t => $"{t.PatientKey}|{T(t.SentAt)}|{T(t.FirstStaffReplyAt)}")));

        // Loss 1: the service lines collapse into the reader's default line (Appointment resources and the records without an
        // encounter class all take FhirReadOptions.DefaultServiceLine; AMB and VR encounters map to it too).
        Assert.Equal(3, original.ServiceLines.Length);
        Assert.Equal(["ambulatory"], read.ServiceLines.Select(s => s.Key));
        Assert.All(read.Appointments, a => Assert.Equal("ambulatory", a.ServiceLine));
        Assert.All(read.Referrals, r => Assert.Equal("ambulatory", r.ServiceLine));
        Assert.All(read.Claims, c => Assert.Equal("ambulatory", c.ServiceLine));
        Assert.All(read.SurveyReturns, s => Assert.Equal("ambulatory", s.ServiceLine));
        Assert.All(read.PortalThreads, t => Assert.Equal("ambulatory", t.ServiceLine));

        // Loss 2: R4 Appointment keeps no cancellation instant, so no cancellation has a time.
        Assert.Contains(original.Appointments, a => a.CancelledAt is not null);
        Assert.All(read.Appointments, a => Assert.Null(a.CancelledAt));

        // Not a loss: arrival, first clinician contact and departure travel in Encounter.statusHistory (arrived,
        // in-progress, finished) and are in the appointment signatures compared above.
        Assert.Equal(original.Appointments.Count(a => a.SeenAt is not null && a.ArrivedAt is not null), read.Appointments.Count(a => a.SeenAt is not null));
        Assert.NotEqual(0, read.Appointments.Count(a => a.SeenAt is not null));

        // Loss 4: FHIR records no claim edits, so no claim's edit result comes back: every claim is EditsUnknown (its
        // PassedEditsWithoutIntervention only a stand-in) rather than "clean = not denied". Denials stay exact (above).
        Assert.Contains(original.Claims, c => !c.PassedEditsWithoutIntervention);
        Assert.Contains(original.Claims, c => c.PassedEditsWithoutIntervention);
        Assert.All(read.Claims, c => Assert.True(c.EditsUnknown));

        // Loss 5: the practice's name and period are the reader's (FHIR carries neither); the period runs from the first to
        // the last appointment.
        Assert.Equal("FHIR practice", read.PracticeName);
        Assert.Equal(new MeasurementPeriod(
            original.Appointments.Min(a => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(a.Start, TimeZoneInfo.FindSystemTimeZoneById(original.TimeZone)).DateTime)),
            original.Appointments.Max(a => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(a.Start, TimeZoneInfo.FindSystemTimeZoneById(original.TimeZone)).DateTime))), read.Period);

        // Loss 6: availability. A FHIR Slot has one status, its state at export time, so only the last snapshot of each
        // schedule travels (read with SlotsObservedAt = its t0): its slots come back exactly (start, status) and so does
        // its TNAA; the earlier weekly snapshots, the holds and same-day reservations (no FHIR element), and the
        // schedule's service line do not.
        var last = SampleFhirExport.LastSnapshots(original);
        Assert.Equal(3, last.Length);
        Assert.Equal(new DateTimeOffset(2025, 12, 29, 8, 0, 0, TimeSpan.FromHours(-6)), roundTrip.SlotsObservedAt);
        Assert.True(original.AvailabilitySnapshots.Length > last.Length);
        Assert.Equal(last.Length, read.AvailabilitySnapshots.Length);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(original.TimeZone);
        foreach (var snapshot in last)
        {
            var back = Assert.Single(read.AvailabilitySnapshots, s => s.ScheduleKey == "S-" + Patient(snapshot.ScheduleKey)[2..] && s.AppointmentType == snapshot.AppointmentType);
            Assert.Equal(snapshot.TakenAt, back.TakenAt);
            Assert.Equal("ambulatory", back.ServiceLine);
            Assert.Equal(Sorted(snapshot.Slots.Select(x => $"{T(x.Start)}|{x.Status}")), back.Slots.Select(x => $"{T(x.Start)}|{x.Status}").ToArray());
            Assert.All(back.Slots, x => Assert.False(x.IsHeld || x.IsReservedForSameDay));
            var tnaa = Touchpoints.ThirdNextAvailableAppointment.Compute(snapshot.Slots.AsSpan(), snapshot.TakenAt, zone);
            Assert.NotNull(tnaa);
            Assert.Equal(tnaa, Touchpoints.ThirdNextAvailableAppointment.Compute(back.Slots.AsSpan(), back.TakenAt, zone));
        }
        // Held and reserved slots come back bookable, which can only bring the third bookable slot forward; with this seed
        // none of them lies before a snapshot's third bookable slot, so the TNAA above is identical.
        Assert.Contains(last, s => s.Slots.Any(x => x.IsHeld || x.IsReservedForSameDay));

        // Not written at all: record kinds the reader has no FHIR mapping for.
        (string Kind, int Original, int Read)[] notCarried =
        [
            ("jobs", original.Jobs.Length, read.Jobs.Length),
            ("clinicianRatings", original.ClinicianRatings.Length, read.ClinicianRatings.Length),
            ("barriers", original.Barriers.Length, read.Barriers.Length),
            ("calls", original.Calls.Length, read.Calls.Length),
            ("priceEstimates", original.PriceEstimates.Length, read.PriceEstimates.Length),
            ("statements", original.Statements.Length, read.Statements.Length),
            ("billingComplaints", original.BillingComplaints.Length, read.BillingComplaints.Length),
            ("outreachContacts", original.OutreachContacts.Length, read.OutreachContacts.Length),
            ("reviews", original.Reviews.Length, read.Reviews.Length),
            ("holidays", original.Holidays.Length, read.Holidays.Length),
            ("kpiSeries", original.KpiSeries.Length, read.KpiSeries.Length),
            ("assumptionBindings", original.AssumptionBindings.Length, read.AssumptionBindings.Length),
        ];
        Assert.All(notCarried, k => Assert.True(k.Original > 0 && k.Read == 0, $"{k.Kind}: {k.Original} in the sample, {k.Read} read"));
        Assert.NotNull(original.PrimaryCustomer);
        Assert.Null(read.PrimaryCustomer);
    }

    [Fact]
    public void RoundTrip_ScoresLikeTheOriginal_WhereTheMappingIsLossless()
    {
        var roundTrip = SampleFhirRoundTrip.Instance;
        var original = roundTrip.Original;
        var read = roundTrip.Result.Data;
        var period = original.Period!.Value;
        using var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FixedTime(DateTimeOffset.Parse(AsOf, CultureInfo.InvariantCulture)))
            .AddPatientCentric()
            .BuildServiceProvider();
        var evaluator = services.GetRequiredService<PracticeEvaluator>();
        static Dictionary<string, ScoreCard> Practice(PracticeEvaluation e) =>
            e.Cards.Where(c => c.Scope == ScoreScope.Practice).ToDictionary(c => c.MeasureKey, StringComparer.Ordinal);
        var before = Practice(evaluator.Evaluate(original, period, cancellationToken: TestContext.Current.CancellationToken));
        // Holidays are not FHIR data: given back, the portal response in business hours matches too.
        var after = Practice(evaluator.Evaluate(read with { Holidays = original.Holidays }, period, cancellationToken: TestContext.Current.CancellationToken));

        string[] lossless =
        [
            "lead-time", "telehealth-share", "cycle-time", "wait-to-be-seen", "on-time-start-rate", "portal-response", "initial-denial-rate", "nps:recommend",
            "cahps:access", "cahps:office-staff", "cahps:billing", "cahps:provider-communication",
            "pdc:diabetes", "pdc:ras-antagonists", "pdc:statins", "referral-closure",
        ];
        foreach (string key in lossless)
        {
            Assert.True(before[key].Status == ScoreStatus.Ok, key);
            Assert.True(after[key].Status == ScoreStatus.Ok, key);
            Assert.True(Math.Abs(before[key].Value!.Value - after[key].Value!.Value) < 1e-12, $"{key}: {before[key].Value} before, {after[key].Value} after");
            Assert.Equal(before[key].EvidenceCount, after[key].EvidenceCount);
        }

        // The losses, as the measures show them: the clean-claim rate is NotApplicable (no claim records its edits: each is
        // excluded and counted), while the initial denial rate stays exact (in the lossless list above); no-shows lose the
        // same-day patient cancellations (no cancellation instant: excluded and counted, so D shrinks), and the same-day
        // cancellation and missed-appointment rates, which cannot be computed without them, are NotApplicable rather than
        // 0 % and the no-show rate.
        int submitted = original.Claims.Count(c => period.Contains(c.FirstSubmittedOn) && !(c.AdjudicatedOn < c.FirstSubmittedOn));
        Assert.Equal(ScoreStatus.Ok, before["clean-claim-rate"].Status);
        Assert.Equal(ScoreStatus.NotApplicable, after["clean-claim-rate"].Status);
        Assert.Null(after["clean-claim-rate"].Value);
        Assert.StartsWith("No claim first submitted in the period records whether it passed the claim edits", after["clean-claim-rate"].StatusReason, StringComparison.Ordinal);
        Assert.Equal(submitted, after["clean-claim-rate"].Components.Single(c => c.Name == "excluded:edits-not-recorded").InputValue);
        Assert.Equal(before["clean-claim-rate"].EvidenceCount, submitted);
        Assert.True(after["no-show-rate"].EvidenceCount < before["no-show-rate"].EvidenceCount);
        int patientCancellations = original.Appointments.Count(a => a is { Outcome: AppointmentOutcome.Cancelled, CancelledBy: CancellationInitiator.Patient }
                                                                    && period.Contains(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(a.Start, TimeZoneInfo.FindSystemTimeZoneById(original.TimeZone)).DateTime)));
        Assert.Equal(patientCancellations, after["no-show-rate"].Components.Single(c => c.Name == "excluded:cancellation-time-unknown").InputValue);
        foreach (string key in new[] { "same-day-cancellation-rate", "missed-appointment-rate" })
        {
            Assert.Equal(ScoreStatus.Ok, before[key].Status);
            Assert.Equal(ScoreStatus.NotApplicable, after[key].Status);
            Assert.StartsWith("No patient cancellation in the period records when it was made", after[key].StatusReason, StringComparison.Ordinal);
            Assert.Equal(patientCancellations, after[key].Components.Single(c => c.Name == "excluded:cancellation-time-unknown").InputValue);
        }
    }

    [Fact]
    public void FastAndFirelyParsers_GiveTheSameRecords_OnTheExportedSample()
    {
        // The shared FHIR data has no Appointment, MedicationDispense, Task, QuestionnaireResponse or Communication; the
        // exported sample has all of them, so this is where the two parsers meet every mapped type in bulk.
        string folder = Dir("parsers");
        SampleFhirExport.Write(SamplePracticeGenerator.Generate(SamplePracticeGenerator.DefaultSeed, 300), folder);
        var (items, linkIds) = SurveyItemsFile.Read(File.ReadAllBytes(Path.Combine(folder, SampleFhirExport.SurveyItemsFileName)), SampleFhirExport.SurveyItemsFileName);
        FhirReadResult Read(FhirParser parser) => new FhirPracticeReader(new FhirReadOptions
        {
            PseudonymKey = [.. SampleFhirRoundTrip.Key], SurveyItems = items, SurveyItemsByLinkId = linkIds, Parser = parser,
            SlotsObservedAt = new DateTimeOffset(2025, 12, 29, 8, 0, 0, TimeSpan.FromHours(-6)),
        }).ReadNdjsonFolder(folder);
        var fast = Read(FhirParser.Utf8);
        var firely = Read(FhirParser.Firely);
        Assert.NotEmpty(fast.Data.SurveyReturns);
        Assert.NotEmpty(fast.Data.PortalThreads);
        Assert.NotEmpty(fast.Data.AvailabilitySnapshots);
        Assert.Equal(JsonSerializer.Serialize(firely.Data, PatientCentricJsonContext.Default.PracticeDataSet),
                     JsonSerializer.Serialize(fast.Data, PatientCentricJsonContext.Default.PracticeDataSet));
        Assert.Equal(firely.Quality.ResourcesRead, fast.Quality.ResourcesRead);
        Assert.Equal(firely.Quality.ResourcesIgnored, fast.Quality.ResourcesIgnored);
        Assert.Equal(firely.Quality.Issues, fast.Quality.Issues);
    }

    [Fact]
    public void Export_IsByteForByteDeterministic()
    {
        string a = Dir("a"), b = Dir("b");
        SampleFhirExport.Write(SamplePracticeGenerator.Generate(7, 150), a);
        SampleFhirExport.Write(SamplePracticeGenerator.Generate(7, 150), b);
        var names = Directory.GetFiles(a).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(14, names.Count);
        Assert.Equal(names, Directory.GetFiles(b).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (string? name in names)
            Assert.True(File.ReadAllBytes(Path.Combine(a, name!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, name!))), name);
    }

    [Fact]
    public void Export_WritesValidR4Resources_OnePerLine_WithNoNamesOrDemographics()
    {
        string dir = Dir("valid");
        var files = SampleFhirExport.Write(SamplePracticeGenerator.Generate(7, 150), dir);
        var parser = new FhirJsonDeserializer();
        foreach (var (name, count) in files.Where(f => f.FileName.EndsWith(".ndjson", StringComparison.Ordinal)))
        {
            string type = name[..name.IndexOf('.', StringComparison.Ordinal)];
            string[] lines = File.ReadAllLines(Path.Combine(dir, name));
            Assert.Equal(count, lines.Length);
            foreach (string line in lines)
            {
                var resource = parser.DeserializeResource(line);
                Assert.Equal(type, resource.TypeName);
                Assert.Empty(resource.Validate());
            }
        }
        Assert.All(File.ReadAllLines(Path.Combine(dir, "Patient.000.ndjson")), l => Assert.Matches("""^\{"resourceType":"Patient","id":"P[0-9]{4}"\}$""", l));
        Assert.All(File.ReadAllLines(Path.Combine(dir, "Practitioner.000.ndjson")), l => Assert.Matches("""^\{"resourceType":"Practitioner","id":"(C[0-9]{2}|portal-staff)"\}$""", l));
    }

    [Fact]
    public void Cli_SampleFhirOut_ThenReportWithSurveyItems_ScoresEveryMeasureFhirCanFeed()
    {
        string dir = Dir("cli");
        var sample = CliRunner.Run("sample", "--fhir-out", dir, "--patients", "1000");
        Assert.True(sample.ExitCode == 0, sample.Stderr);
        Assert.StartsWith($"Wrote {dir}: ", sample.Stdout, StringComparison.Ordinal);
        Assert.Contains("Appointment", sample.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir, "survey-items.json")));

        // The export's Slots are the last snapshot of each schedule, taken on the last Monday at 08:00 in Chicago.
        var r = CliRunner.Run("report", "--fhir", dir, "--survey-items", Path.Combine(dir, "survey-items.json"), "--slots-observed-at", "2025-12-29T08:00:00-06:00",
                              "--format", "json", "--as-of", AsOf);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains(" 0 problems;", r.Stderr, StringComparison.Ordinal);
        var statuses = JsonDocument.Parse(r.Stdout).RootElement.GetProperty("cards").EnumerateArray()
            .Where(c => c.GetProperty("scope").GetProperty("level").GetString() == "practice")
            .ToDictionary(c => c.GetProperty("measureKey").GetString()!, c => c.GetProperty("status").GetString()!, StringComparer.Ordinal);

        string[] ok =
        [
            "lead-time", "no-show-rate", "telehealth-share", "cycle-time",
            "portal-response", "initial-denial-rate", "nps:recommend", "cahps:access", "cahps:office-staff",
            "cahps:billing", "cahps:provider-communication", "pdc:diabetes", "pdc:ras-antagonists", "pdc:statins", "referral-closure",
            "commitment:compassion", "commitment:engagement", "commitment:respecting-time", "commitment:value-added-services",
        ];
        var expected = ok.ToDictionary(k => k, _ => "ok", StringComparer.Ordinal);
        // The first clinician contact comes from Encounter.statusHistory (in-progress).
        expected["wait-to-be-seen"] = "ok";
        expected["on-time-start-rate"] = "ok";
        // No cancellation instant in R4 Appointment: same-day cancellations are unknowable, not 0 %.
        expected["same-day-cancellation-rate"] = "notApplicable";
        // FHIR records no claim edits: the clean-claim rate is unknowable (the denial rate above is still Ok).
        expected["clean-claim-rate"] = "notApplicable";
        expected["missed-appointment-rate"] = "notApplicable";
        // Their rubric measures (reviews, price estimates, billing statements and complaints) are not FHIR data here.
        expected["commitment:safe-environment"] = "notApplicable";
        expected["commitment:trust"] = "notApplicable";
        // Slots carry one state, so FHIR gives the last snapshot of each schedule only: three snapshots, under the profile's
        // minimum of 10 duration observations, so TNAA is scored but has too little evidence for a value.
        expected["tnaa"] = "insufficientData";
        // The 0-10 provider rating asks about a clinical (Partner) interaction: refused in every report, JSON or FHIR.
        expected["rating"] = "guardrailBlocked";
        // The FHIR mapping has no source for calls, billing statements, price estimates and complaints, outreach contacts or
        // patient jobs: each family is one not-applicable card saying so, not a missing section.
        foreach (string family in new[] { "calls", "billing", "post-visit-contact-rate", "job-timeliness" })
            expected[family] = "notApplicable";
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), statuses.OrderBy(p => p.Key, StringComparer.Ordinal));
        // No card of their own, only their family's (the JSON sample scores them all).
        foreach (string absent in new[]
                 {
                     "call-abandonment-rate", "average-speed-of-answer", "call-service-level", "price-estimate-accuracy",
                     "statement-to-payment-days", "billing-complaints-per-1000-statements",
                     "job-timeliness:attend-follow-up", "job-timeliness:complete-lab", "job-timeliness:complete-pre-visit-form",
                 })
            Assert.DoesNotContain(absent, statuses.Keys);
    }

    [Fact]
    public void Cli_ReportFhirWithTheSamplesTimeZone_GivesThePortalResponseOfTheJsonReport()
    {
        // The same practice as JSON and as FHIR. Holidays are not FHIR data, so the JSON copy leaves them out too; the
        // period is given, since FHIR carries none.
        var data = SamplePracticeGenerator.Generate(SamplePracticeGenerator.DefaultSeed, 300) with { Holidays = [] };
        Assert.Equal("America/Chicago", data.TimeZone);
        string json = Path.Combine(Dir("tz"), "sample.json"), fhir = Dir("tz-fhir");
        Directory.CreateDirectory(Dir("tz"));
        File.WriteAllText(json, CliApp.SampleJson(data));
        SampleFhirExport.Write(data, fhir);
        string[] common = ["--from", "2025-01-01", "--to", "2025-12-31", "--as-of", AsOf, "--format", "json"];
        static (double Value, int N) PortalResponse(CliRunner.Result r)
        {
            Assert.True(r.ExitCode == 0, r.Stderr);
            var card = JsonDocument.Parse(r.Stdout).RootElement.GetProperty("cards").EnumerateArray()
                .First(c => c.GetProperty("measureKey").GetString() == "portal-response" && c.GetProperty("scope").GetProperty("level").GetString() == "practice");
            Assert.Equal("ok", card.GetProperty("status").GetString());
            return (card.GetProperty("value").GetDouble(), card.GetProperty("evidenceCount").GetInt32());
        }
        var fromJson = PortalResponse(CliRunner.Run(["report", "--input", json, .. common]));
        var chicago = CliRunner.Run(["report", "--fhir", fhir, "--time-zone", "America/Chicago", .. common]);
        var fromFhir = PortalResponse(chicago);
        var utc = PortalResponse(CliRunner.Run(["report", "--fhir", fhir, .. common]));
        Assert.Equal("America/Chicago", JsonDocument.Parse(chicago.Stdout).RootElement.GetProperty("timeZone").GetString());
        Assert.Equal(fromJson.N, fromFhir.N);
        Assert.Equal(fromJson.Value, fromFhir.Value, 12);
        // Without the option the reader counts business hours 08:00–17:00 UTC, which is not the practice's day.
        Assert.NotEqual(fromJson.Value, utc.Value, 6);
    }

    [Fact]
    public void Cli_TimeZoneWithoutFhir_ExitsTwo() =>
        Assert.Equal("--time-zone applies to --fhir input only.", Bad("report", "--time-zone", "America/Chicago"));

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    public void Cli_UnknownTimeZone_ExitsTwo_NamingTheOption(string zone) =>
        Assert.Equal("--time-zone: not a known IANA time zone id (for example America/Chicago).", Bad("report", "--fhir", Dir("unused"), "--time-zone", zone));

    [Fact]
    public void Cli_SlotsObservedAtWithoutFhir_ExitsTwo() =>
        Assert.Equal("--slots-observed-at applies to --fhir input only.", Bad("report", "--slots-observed-at", "2025-12-29T08:00:00-06:00"));

    [Theory]
    [InlineData("2025-12-29T08:00:00")]
    [InlineData("2025-12-29")]
    [InlineData("yesterday")]
    public void Cli_SlotsObservedAtWithoutAnOffset_ExitsTwo_NamingTheOption(string instant) =>
        Assert.Equal("--slots-observed-at: not an ISO 8601 instant with a UTC offset (for example 2025-12-29T08:00:00-06:00).",
                     Bad("report", "--fhir", Dir("unused"), "--slots-observed-at", instant));

    [Fact]
    public void Cli_SurveyItemsWithoutFhir_ExitsTwo()
    {
        string line = Bad("report", "--survey-items", "survey-items.json");
        Assert.Equal("--survey-items applies to --fhir input only.", line);
    }

    [Fact]
    public void Cli_SampleWithoutAnyOutput_ExitsTwo()
    {
        Assert.Equal("give --out FILE (JSON data set), --fhir-out DIR (FHIR NDJSON) or both.", Bad("sample"));
    }

    [Fact]
    public void Cli_SampleWithOutOnly_StillWritesTheJsonDataSet()
    {
        string file = Path.Combine(Dir("json"), "sample.json");
        Directory.CreateDirectory(Dir("json"));
        var r = CliRunner.Run("sample", "--out", file, "--patients", "20");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(CliApp.SampleJson(SamplePracticeGenerator.Generate(SamplePracticeGenerator.DefaultSeed, 20)), File.ReadAllText(file));
        Assert.Equal([Path.GetFileName(file)], Directory.GetFiles(Dir("json")).Select(Path.GetFileName));
    }

    [Fact]
    public void Cli_SurveyItemsFileMissing_ExitsTwo()
    {
        string file = Path.Combine(Dir("missing"), "survey-items.json");
        Assert.Equal($"{file}: file not found.", Bad("report", "--fhir", Dir("missing"), "--survey-items", file));
    }

    [Theory]
    [InlineData("{\"surveyItems\": [", "PC0100 s.json line 1, $: malformed JSON: ")]
    [InlineData("[]", "PC0100 s.json line 1, $: expected one JSON object with \"surveyItems\" and, optionally, \"linkIds\".")]
    [InlineData("{\"linkIds\": {}}", "PC0103 s.json, $.surveyItems: required; an array of survey items as in the data-set JSON (docs/data-model.md).")]
    [InlineData("{\n  \"surveyItems\": [],\n  \"items\": 1\n}", "PC0101 s.json line 3, $.items: unknown field; expected \"surveyItems\" and, optionally, \"linkIds\".")]
    [InlineData("{\"surveyItems\": []}", "PC0103 s.json line 1, $.surveyItems: must list at least one survey item.")]
    [InlineData("{\"surveyItems\": {}}", "PC0100 s.json line 1, $.surveyItems: wrong type: expected an array of survey items (docs/data-model.md).")]
    [InlineData("{\n  \"surveyItems\": [\n    {\"key\": \"q\", \"text\": \"Q?\", \"kind\": \"Sometimes\", \"categories\": [\"No\", \"Yes\"], \"aboutRole\": \"Customer\"}\n  ]\n}",
                "PC0100 s.json line 3, $.surveyItems[0].kind: expected one of \"likelihoodToRecommend\", \"report\", \"rating\".")]
    [InlineData("{\"surveyItems\": [{\"key\": \"q\", \"text\": \"Q?\", \"kind\": \"Rating\", \"categories\": [\"No\", \"Yes\"], \"aboutRole\": \"Customer\"}]}",
                "PC0105 s.json line 1, $.surveyItems[0].categories: a Rating item must have exactly the categories \"0\"..\"10\".")]
    [InlineData("{\"surveyItems\": [{\"key\": \"q\", \"text\": \"Q?\", \"kind\": \"Report\", \"categories\": [\"No\", \"Yes\"], \"aboutRole\": \"Customer\", \"colour\": 1}]}",
                "PC0101 s.json line 1, $.surveyItems[0].colour: unknown field; check its spelling against docs/data-model.md.")]
    [InlineData("{\"surveyItems\": [{\"key\": \"q\", \"text\": \"Q?\", \"kind\": \"Report\", \"categories\": [\"No\", \"Yes\"], \"aboutRole\": \"Customer\"}],\n \"linkIds\": {\"1.1\": \"q\", \"1.2\": \"r\"}}",
                "PC0106 s.json line 2, $.linkIds['1.2']: names no item that $.surveyItems declares.")]
    [InlineData("{\"surveyItems\": [{\"key\": \"q\", \"text\": \"Q?\", \"kind\": \"Report\", \"categories\": [\"No\", \"Yes\"], \"aboutRole\": \"Customer\"}],\n \"linkIds\": {\"a\": 1}}",
                "PC0100 s.json line 2, $.linkIds.a: wrong type: expected a survey item key (a string).")]
    [InlineData("{\"surveyItems\": [{\"key\": \"q\", \"text\": \"Q?\", \"kind\": \"Report\", \"categories\": [\"No\", \"Yes\"], \"aboutRole\": \"Customer\"}], \"linkIds\": {}}",
                "PC0103 s.json, $.linkIds: maps no linkId; leave it out to map each item's key to itself.")]
    [InlineData("{\"surveyItems\": [{\"key\": \"q\", \"text\": \"\", \"kind\": \"Report\", \"categories\": [\"No\", \"Yes\"], \"aboutRole\": \"Customer\"}, {\"key\": \"q\", \"text\": \"Q?\", \"kind\": \"Report\", \"categories\": [\"No\", \"Yes\"], \"aboutRole\": \"Customer\"}]}",
                "PC0103 s.json line 1, $.surveyItems[0].text: required; must be a non-empty string. (and 1 more)")]
    public void Cli_BadSurveyItemsFile_ExitsTwo_NamingTheJsonPath(string content, string expected)
    {
        Directory.CreateDirectory(_root);
        string file = Path.Combine(_root, "s.json");
        File.WriteAllText(file, content);
        string line = Bad("report", "--fhir", Dir("unused"), "--survey-items", file);
        Assert.StartsWith("--survey-items: ", line, StringComparison.Ordinal);
        if (expected.EndsWith(": ", StringComparison.Ordinal))
            Assert.StartsWith(expected, line["--survey-items: ".Length..], StringComparison.Ordinal);
        else
            Assert.Equal(expected, line["--survey-items: ".Length..]);
    }

    [Fact]
    public void SurveyItemsFile_WithoutLinkIds_MapsEachKeyToItself_AndReadsWhatItWrites()
    {
        var items = SamplePracticeGenerator.SurveyItems;
        var map = new Dictionary<string, string>(StringComparer.Ordinal) { ["1"] = "recommend", ["2.1"] = "staff-helpful" };
        using var buffer = new MemoryStream();
        SurveyItemsFile.Write(buffer, items, map);
        var (readItems, readMap) = SurveyItemsFile.Read(buffer.ToArray(), "s.json");
        Assert.Equal(ItemsJson(items), ItemsJson(readItems));
        Assert.Equal(map.OrderBy(p => p.Key, StringComparer.Ordinal), readMap.OrderBy(p => p.Key, StringComparer.Ordinal));

        var withoutMap = Encoding.UTF8.GetBytes("{\"surveyItems\": " + ItemsJson(items) + "}");
        var (_, identity) = SurveyItemsFile.Read(withoutMap, "s.json");
        Assert.Equal(items.Select(i => i.Key).Order(StringComparer.Ordinal), identity.Keys.Order(StringComparer.Ordinal));
        Assert.All(identity, p => Assert.Equal(p.Key, p.Value));
    }

    /// <summary>Runs a command that must fail as bad input: exit 2, nothing on stdout, one line on stderr; returns the
    /// line without its "error: " prefix.</summary>
    private static string Bad(params string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        string line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        return line["error: ".Length..].TrimEnd('\r');
    }

    private static string ItemsJson(ImmutableArray<SurveyItem> items)
    {
        var holder = new PracticeDataSet(PracticeDataSet.CurrentSchemaVersion, "x", "UTC", null, [], [], items, [], [], [], []);
        return JsonDocument.Parse(JsonSerializer.Serialize(holder, PatientCentricJsonContext.Default.PracticeDataSet)).RootElement.GetProperty("surveyItems").GetRawText();
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
