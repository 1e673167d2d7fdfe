using System.Collections.Immutable;
using System.Text.Json;
using PatientCentric.Records;
using PatientCentric.Serialization;

namespace PatientCentric.Fhir.Tests;

public sealed class FhirPracticeReaderTests : IDisposable
{
    private readonly string _tempDir = Directory.CreateTempSubdirectory("pc-fhir-").FullName;

    public void Dispose() => Directory.Delete(_tempDir, recursive: true);

    private static readonly string DataDir = Path.Combine(AppContext.BaseDirectory, "Data");
    private static readonly string SyntheaFile = Path.Combine(DataDir, "synthea", "Eboni_Brekke_ae30c5e1-23da-4ecd-a320-a2c6047f3a19.json");
    private static readonly ImmutableArray<byte> Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private static FhirPracticeReader Reader(bool strict = false, IReadOnlyDictionary<string, string>? survey = null) =>
        new(new FhirReadOptions { PseudonymKey = Key, Strict = strict, SurveyItemsByLinkId = survey ?? ImmutableDictionary<string, string>.Empty });

    private static string Json(PracticeDataSet data) => JsonSerializer.Serialize(data, PatientCentricJsonContext.Default.PracticeDataSet);

    public static TheoryData<string> SubsetFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(DataDir, "*.json", SearchOption.AllDirectories).Concat(Directory.EnumerateFiles(DataDir, "*.ndjson", SearchOption.AllDirectories)).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(DataDir, f));
        return data;
    }

    [Theory]
    [MemberData(nameof(SubsetFiles))]
    public void EveryFileInTheSubset_ReadsWithoutMalformedOrUnknownResources(string relativePath)
    {
        var path = Path.Combine(DataDir, relativePath);
        var result = path.EndsWith(".ndjson", StringComparison.Ordinal) ? Reader().ReadNdjson([path]) : Reader().ReadJsonFile(path);
        Assert.True(result.Quality.ResourcesRead > 0);
        Assert.Equal(0, result.Quality.Count(FhirIssueCode.Malformed));
        Assert.Equal(0, result.Quality.Count(FhirIssueCode.UnknownResourceType));
    }

    [Fact]
    public void SyntheaBundle_GivesOneKeptAppointmentPerFinishedEncounter_WithBookingUnknown()
    {
        var result = Reader().ReadJsonFile(SyntheaFile);
        var appointments = result.Data.Appointments;
        Assert.Equal(19, appointments.Length);   // 19 finished AMB encounters in this bundle
        Assert.All(appointments, a =>
        {
            Assert.Equal(AppointmentOutcome.Kept, a.Outcome);
            Assert.Equal(a.Start, a.BookedAt);
            Assert.True(a.BookingUnknown);
            Assert.True(a.VisitOnly);
            Assert.Equal(a.Start, a.ArrivedAt);
            Assert.NotNull(a.DepartedAt);
        });
        Assert.Equal(19, result.Quality.BookingInstantUnknown);
        Assert.Single(appointments.Select(a => a.PatientKey).Distinct());
        Assert.Empty(result.Quality.Issues);
        Assert.Equal("UTC", result.Data.TimeZone);
        Assert.NotNull(result.Data.Period);
    }

    [Fact]
    public void SyntheaBundle_ClaimsJoinTheirExplanationOfBenefit()
    {
        var result = Reader().ReadJsonFile(SyntheaFile);
        Assert.NotEmpty(result.Data.Claims);
        Assert.Contains(result.Data.Claims, c => c.AdjudicatedOn is not null);
        Assert.All(result.Data.Claims, c => Assert.True(c.ChargeAmount >= 0));
        Assert.All(result.Data.Claims, c => Assert.True(c.EditsUnknown));   // FHIR records no claim edits
    }

    [Fact]
    public void EveryClaim_IsMarkedEditsUnknown_AndOnlyTheDenialComesFromTheResponse()
    {
        var result = Reader().ReadNdjson([TempFile(".ndjson",
            Patient("p1"),
            """{"resourceType":"Claim","id":"c1","patient":{"reference":"Patient/p1"},"created":"2024-01-02","total":{"value":100}}""",
            """{"resourceType":"Claim","id":"c2","patient":{"reference":"Patient/p1"},"created":"2024-01-03","total":{"value":100}}""",
            """{"resourceType":"Claim","id":"c3","patient":{"reference":"Patient/p1"},"created":"2024-01-04","total":{"value":100}}""",
            """{"resourceType":"ClaimResponse","id":"r1","request":{"reference":"Claim/c1"},"created":"2024-01-10","outcome":"complete"}""",
            """{"resourceType":"ClaimResponse","id":"r2","request":{"reference":"Claim/c2"},"created":"2024-01-11","outcome":"error"}""")]);
        var claims = result.Data.Claims.OrderBy(c => c.FirstSubmittedOn).ToArray();
        Assert.Equal(3, claims.Length);
        Assert.All(claims, c => Assert.True(c.EditsUnknown));
        Assert.All(claims, c => Assert.False(c.PassedEditsWithoutIntervention));   // a stand-in, never "not denied = clean"
        Assert.Equal([false, true, null], claims.Select(c => c.DeniedAtFirstAdjudication));
        Assert.Equal([new DateOnly(2024, 1, 10), new DateOnly(2024, 1, 11), (DateOnly?)null], claims.Select(c => c.AdjudicatedOn));
        Assert.Equal(1, result.Quality.ClaimsWithoutResponse);
    }

    // The HL7 example ServiceRequest-myringotomy is a referral ("Patient referral to specialist") whose subject is an
    // absolute reference to Patient/77662, which the examples do not include: given that Patient, it is read.
    private string Hl7ReferralFolder(bool withTasks)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_tempDir, Guid.NewGuid().ToString("N"))).FullName;
        File.Copy(Path.Combine(DataDir, "hl7-examples", "ServiceRequest-myringotomy.json"), Path.Combine(folder, "ServiceRequest-myringotomy.json"));
        File.WriteAllText(Path.Combine(folder, "Patient-77662.json"), """{"resourceType":"Patient","id":"77662"}""");
        if (withTasks)
        {
            foreach (var task in Directory.EnumerateFiles(Path.Combine(DataDir, "hl7-examples"), "Task-*.json"))
                File.Copy(task, Path.Combine(folder, Path.GetFileName(task)));
        }
        return folder;
    }

    [Fact]
    public void Referral_WhenTheInputHoldsNoTask_IsMarkedClosureUnknown_NotOpen()
    {
        var result = Reader().ReadJsonFolder(Hl7ReferralFolder(withTasks: false));
        var referral = Assert.Single(result.Data.Referrals);
        Assert.True(referral.ClosureUnknown);
        Assert.Null(referral.ReportReceivedOn);
        Assert.Equal(new DateOnly(2014, 2, 14), referral.AuthoredOn);
        Assert.Equal(1, result.Quality.ReferralClosureUnknown);
        Assert.Empty(result.Quality.Issues);
    }

    [Fact]
    public void Referral_WhenAnyTaskIsRead_KeepsTodaysRule_NoCompletedTaskMeansOpen()
    {
        // The six HL7 Task examples close no referral (none is based on a ServiceRequest), but they show that the source
        // records Tasks, so a referral without a completed Task is an open loop.
        var result = Reader().ReadJsonFolder(Hl7ReferralFolder(withTasks: true));
        var referral = Assert.Single(result.Data.Referrals);
        Assert.False(referral.ClosureUnknown);
        Assert.Null(referral.ReportReceivedOn);
        Assert.Equal(0, result.Quality.ReferralClosureUnknown);
    }

    [Fact]
    public void Referral_AnyTaskStatusCounts_AndACompletedTaskStillClosesTheLoop()
    {
        const string Referral = """{"resourceType":"ServiceRequest","id":"s1","status":"active","intent":"order","category":[{"text":"Referral"}],"subject":{"reference":"Patient/p1"},"authoredOn":"2024-01-02"}""";
        var inProgress = Reader().ReadNdjson([TempFile(".ndjson", Patient("p1"), Referral,
            """{"resourceType":"Task","id":"t1","status":"in-progress","intent":"order","basedOn":[{"reference":"ServiceRequest/s1"}]}""")]);
        Assert.False(Assert.Single(inProgress.Data.Referrals).ClosureUnknown);
        Assert.Null(inProgress.Data.Referrals[0].ReportReceivedOn);
        var completed = Reader().ReadNdjson([TempFile(".ndjson", Patient("p1"), Referral,
            """{"resourceType":"Task","id":"t1","status":"completed","intent":"order","basedOn":[{"reference":"ServiceRequest/s1"}],"executionPeriod":{"end":"2024-02-10"}}""")]);
        Assert.Equal((false, new DateOnly(2024, 2, 10)), (completed.Data.Referrals[0].ClosureUnknown, completed.Data.Referrals[0].ReportReceivedOn));
        var none = Reader().ReadNdjson([TempFile(".ndjson", Patient("p1"), Referral)]);
        Assert.True(Assert.Single(none.Data.Referrals).ClosureUnknown);
        // A Task line that cannot be read is a Malformed problem, not a Task: closure stays unknown.
        var unreadable = Reader().ReadNdjson([TempFile(".ndjson", Patient("p1"), Referral, """{"resourceType":"Task","id":"t1",""")]);
        Assert.True(Assert.Single(unreadable.Data.Referrals).ClosureUnknown);
        Assert.Equal(1, unreadable.Quality.Count(FhirIssueCode.Malformed));
    }

    [Fact]
    public void Hl7ExamplesFolder_HasTasks_SoNoReferralIsMarkedClosureUnknown()
    {
        var result = Reader().ReadJsonFolder(Path.Combine(DataDir, "hl7-examples"));
        Assert.Equal(0, result.Quality.ReferralClosureUnknown);
        Assert.All(result.Data.Referrals, r => Assert.False(r.ClosureUnknown));
        Assert.All(result.Data.Claims, c => Assert.True(c.EditsUnknown));
    }

    [Fact]
    public void BulkNdjson_CountsEveryEncounter_ByServiceLine()
    {
        var result = Reader().ReadNdjsonFolder(Path.Combine(DataDir, "bulk"));
        Assert.Equal(1215, result.Data.Appointments.Length);
        var byLine = result.Data.Appointments.CountBy(a => a.ServiceLine).ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal(1134, byLine["ambulatory"]);   // 1,133 AMB + 1 VR
        Assert.Equal(49, byLine["inpatient"]);
        Assert.Equal(23, byLine["emergency"]);
        Assert.Equal(9, byLine["home-health"]);
        Assert.Single(result.Data.Appointments, a => a.Mode == VisitMode.Telehealth);
        Assert.Equal(13, result.Data.Appointments.Select(a => a.PatientKey).Distinct().Count());
        Assert.Empty(result.Quality.Issues);
    }

    [Fact]
    public void Hl7Examples_WithoutSlotsObservedAt_IgnoreSlotsAndSchedules()
    {
        var result = Reader().ReadJsonFolder(Path.Combine(DataDir, "hl7-examples"));
        Assert.Equal(3, result.Quality.ResourcesIgnored["Slot"]);
        Assert.Equal(2, result.Quality.ResourcesIgnored["Schedule"]);
        Assert.Empty(result.Data.AvailabilitySnapshots);
        Assert.DoesNotContain(result.Quality.Issues, i => i.ResourceType is "Slot" or "Schedule");
    }

    [Fact]
    public void Hl7Examples_WithSlotsObservedAt_GiveTwoSnapshotsOfScheduleExample()
    {
        // Slot-1 (busy, 09:00Z), Slot-2 (busy-tentative, 09:45Z): no appointmentType or serviceType → "unspecified";
        // Slot-example (free, 09:15Z): appointmentType WALKIN. All three on Schedule/example; Schedule/exampleloc1 has none.
        var t0 = new DateTimeOffset(2013, 12, 24, 8, 0, 0, TimeSpan.Zero);
        var result = new FhirPracticeReader(new FhirReadOptions { PseudonymKey = Key, SlotsObservedAt = t0 })
            .ReadJsonFolder(Path.Combine(DataDir, "hl7-examples"));
        Assert.False(result.Quality.ResourcesIgnored.ContainsKey("Slot"));
        Assert.False(result.Quality.ResourcesIgnored.ContainsKey("Schedule"));
        Assert.DoesNotContain(result.Quality.Issues, i => i.ResourceType is "Slot" or "Schedule");
        var scheduleKey = "S-" + Convert.ToHexString(System.Security.Cryptography.HMACSHA256.HashData([.. Key], "example"u8), 0, 8);
        var snapshots = result.Data.AvailabilitySnapshots;
        Assert.Equal(2, snapshots.Length);
        Assert.All(snapshots, s =>
        {
            Assert.Equal(scheduleKey, s.ScheduleKey);
            Assert.Equal("ambulatory", s.ServiceLine);
            Assert.Equal(t0, s.TakenAt);
        });
        static DateTimeOffset At(int hour, int minute) => new(2013, 12, 25, hour, minute, 0, TimeSpan.Zero);
        Assert.Equal("WALKIN", snapshots[0].AppointmentType);
        Assert.Equal([new Touchpoints.Slot(At(9, 15), Touchpoints.SlotStatus.Free)], snapshots[0].Slots);
        Assert.Equal("unspecified", snapshots[1].AppointmentType);
        Assert.Equal([new Touchpoints.Slot(At(9, 0), Touchpoints.SlotStatus.Busy), new Touchpoints.Slot(At(9, 45), Touchpoints.SlotStatus.BusyTentative)],
            snapshots[1].Slots);
        Assert.Equal(88, result.Quality.ResourcesRead);
    }

    [Fact]
    public void Hl7Examples_MapDispensesAndDerivedFills()
    {
        var result = Reader().ReadJsonFolder(Path.Combine(DataDir, "hl7-examples"));
        Assert.Equal(88, result.Quality.ResourcesRead);
        Assert.NotEmpty(result.Data.MedicationFills);
        Assert.All(result.Data.MedicationFills, f =>
        {
            Assert.True(f.DaysSupply >= 1);
            Assert.Equal(f.Drug.ToUpperInvariant(), f.Drug);
        });
    }

    [Fact]
    public void MalformedLine_IsCountedWithItsLineNumber_AndSkipped()
    {
        var file = TempFile(".ndjson",
            Patient("p1"),
            Encounter("e1", "p1", "2024-01-02T09:00:00Z"),
            """{"resourceType":"Encounter","id":"e2",""",
            """{"resourceType":"NotAType","id":"x"}""",
            Encounter("e3", "p1", "2024-01-03T09:00:00Z"));
        var result = Reader().ReadNdjson([file]);
        Assert.Equal(2, result.Data.Appointments.Length);
        var malformed = Assert.Single(result.Quality.Issues, i => i.Code == FhirIssueCode.Malformed);
        Assert.Equal(3, malformed.Line);
        Assert.Equal(Path.GetFileName(file), malformed.FileName);
        Assert.Equal(4, Assert.Single(result.Quality.Issues, i => i.Code == FhirIssueCode.UnknownResourceType).Line);
    }

    [Fact]
    public void GzipNdjson_IsReadLikePlain()
    {
        var plain = TempFile(".ndjson", Patient("p1"), Encounter("e1", "p1", "2024-01-02T09:00:00Z"));
        var gz = plain + ".gz";
        using (var output = File.Create(gz))
        using (var zip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest))
            zip.Write(File.ReadAllBytes(plain));
        Assert.Single(Reader().ReadNdjson([gz]).Data.Appointments);
    }

    [Fact]
    public void CorruptGzip_IsOneMalformedProblem_AndTheOtherFilesAreStillRead()
    {
        var plain = TempFile(".ndjson", Patient("p1"), Encounter("e1", "p1", "2024-01-02T09:00:00Z"));
        var gz = Path.Combine(Path.GetDirectoryName(plain)!, "broken.ndjson.gz");
        using (var output = File.Create(gz))
        using (var zip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest))
            zip.Write(System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Encounter("e2", "p1", "2024-01-03T09:00:00Z") + "\n", 200))));
        var bytes = File.ReadAllBytes(gz);
        for (int i = 20; i < 60; i++) bytes[i] = 0xFF;   // inside the deflate stream, after the 10-byte header
        File.WriteAllBytes(gz, bytes);
        var result = Reader().ReadNdjson([gz, plain]);
        var issue = Assert.Single(result.Quality.Issues);
        Assert.Equal((FhirIssueCode.Malformed, "broken.ndjson.gz"), (issue.Code, issue.FileName));
        Assert.Single(result.Data.Appointments);   // from the plain file
        Assert.Throws<FhirInputException>(() => Reader(strict: true).ReadNdjson([gz, plain]));
    }

    [Fact]
    public void JsonFolder_ReadsUpperCaseExtensions()
    {
        var dir = Path.Combine(_tempDir, "upper");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "A.JSON"), Patient("p1"));
        File.WriteAllText(Path.Combine(dir, "b.json"), Encounter("e1", "p1", "2024-01-02T09:00:00Z"));
        File.WriteAllText(Path.Combine(dir, "c.json.bak"), Encounter("e2", "p1", "2024-01-03T09:00:00Z"));
        var result = Reader().ReadJsonFolder(dir);
        Assert.Equal(2, result.Quality.ResourcesRead);
        Assert.Single(result.Data.Appointments);
    }

    [Fact]
    public void DuplicateId_KeepsTheLatestLastUpdated_InAnyOrder()
    {
        var newer = Encounter("e1", "p1", "2024-03-01T09:00:00Z", lastUpdated: "2024-03-02T00:00:00Z");
        var older = Encounter("e1", "p1", "2024-01-01T09:00:00Z", lastUpdated: "2024-01-02T00:00:00Z");
        foreach (var lines in new[] { new[] { older, Patient("p1"), newer }, new[] { newer, older, Patient("p1") } })
        {
            var result = Reader().ReadNdjson([TempFile(".ndjson", lines)]);
            var a = Assert.Single(result.Data.Appointments);
            Assert.Equal(new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.Zero), a.Start);
            Assert.Equal(1, result.Quality.DuplicatesReplaced);
        }
    }

    [Fact]
    public void TypesMaySpanFiles_AndAMissingPatientIsCountedAndSkipped()
    {
        var patients = TempFile(".ndjson", Patient("p1"));
        var encounters = TempFile(".ndjson", Encounter("e1", "p1", "2024-01-02T09:00:00Z"), Encounter("e2", "p2", "2024-01-02T10:00:00Z"));
        var result = Reader().ReadNdjson([encounters, patients]);
        Assert.Single(result.Data.Appointments);
        var missing = Assert.Single(result.Quality.Issues);
        Assert.Equal((FhirIssueCode.MissingPatient, 2), (missing.Code, missing.Line));
    }

    [Fact]
    public void Strict_ThrowsWithFileAndLine_ButNoIdentifier()
    {
        const string Sentinel = "PID-SENTINEL-7f3a";
        var file = TempFile(".ndjson", Patient(Sentinel), Encounter("e1", "missing-" + Sentinel, "2024-01-02T09:00:00Z"));
        var error = Assert.Throws<FhirInputException>(() => Reader(strict: true).ReadNdjson([file]));
        Assert.Contains(Path.GetFileName(file) + " line 2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Sentinel, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void NoPatientIdOrName_AppearsInTheDataSetJson()
    {
        const string Sentinel = "PID-SENTINEL-7f3a";
        const string NameSentinel = "NAME-SENTINEL-b41c";
        var patient = """{"resourceType":"Patient","id":"@ID@","name":[{"family":"@NAME@","given":["@NAME@"]}],"identifier":[{"value":"@ID@"}]}""".Replace("@ID@", Sentinel, StringComparison.Ordinal).Replace("@NAME@", NameSentinel, StringComparison.Ordinal);
        var file = TempFile(".ndjson",
            patient,
            Encounter("e1", Sentinel, "2024-01-02T09:00:00Z"),
            """{"resourceType":"MedicationDispense","id":"d1","status":"completed","subject":{"reference":"Patient/@ID@","display":"@NAME@"},"medicationCodeableConcept":{"text":"Lisinopril 10 mg"},"whenHandedOver":"2024-01-03","daysSupply":{"value":30}}""".Replace("@ID@", Sentinel, StringComparison.Ordinal).Replace("@NAME@", NameSentinel, StringComparison.Ordinal),
            """{"resourceType":"Claim","id":"c1","status":"active","use":"claim","patient":{"reference":"Patient/@ID@"},"created":"2024-01-02","total":{"value":120.5,"currency":"USD"}}""".Replace("@ID@", Sentinel, StringComparison.Ordinal).Replace("@NAME@", NameSentinel, StringComparison.Ordinal),
            """{"resourceType":"ServiceRequest","id":"s1","status":"active","intent":"order","category":[{"text":"Referral"}],"code":{"text":"Cardiology"},"subject":{"reference":"Patient/@ID@"},"authoredOn":"2024-01-02"}""".Replace("@ID@", Sentinel, StringComparison.Ordinal).Replace("@NAME@", NameSentinel, StringComparison.Ordinal),
            """{"resourceType":"Task","id":"t1","status":"completed","intent":"order","basedOn":[{"reference":"ServiceRequest/s1"}],"executionPeriod":{"end":"2024-02-10T12:00:00Z"},"for":{"reference":"Patient/@ID@"}}""".Replace("@ID@", Sentinel, StringComparison.Ordinal).Replace("@NAME@", NameSentinel, StringComparison.Ordinal),
            """{"resourceType":"Communication","id":"m1","status":"completed","sender":{"reference":"Patient/@ID@"},"sent":"2024-01-04T08:00:00Z"}""".Replace("@ID@", Sentinel, StringComparison.Ordinal).Replace("@NAME@", NameSentinel, StringComparison.Ordinal),
            """{"resourceType":"Communication","id":"m2","status":"completed","sender":{"reference":"Practitioner/x"},"recipient":[{"reference":"Patient/@ID@"}],"inResponseTo":[{"reference":"Communication/m1"}],"sent":"2024-01-04T10:00:00Z"}""".Replace("@ID@", Sentinel, StringComparison.Ordinal).Replace("@NAME@", NameSentinel, StringComparison.Ordinal));
        var result = Reader().ReadNdjson([file]);
        var json = Json(result.Data);
        Assert.DoesNotContain(Sentinel, json, StringComparison.Ordinal);
        Assert.DoesNotContain(NameSentinel, json, StringComparison.Ordinal);
        Assert.Single(result.Data.Appointments);
        Assert.Equal("LISINOPRIL 10 MG", Assert.Single(result.Data.MedicationFills).Drug);
        Assert.Single(result.Data.Claims);
        Assert.Equal(new DateOnly(2024, 2, 10), Assert.Single(result.Data.Referrals).ReportReceivedOn);
        Assert.Equal(new DateTimeOffset(2024, 1, 4, 10, 0, 0, TimeSpan.Zero), Assert.Single(result.Data.PortalThreads).FirstStaffReplyAt);
        Assert.Matches("^P-[0-9A-F]{16}$", result.Data.Appointments[0].PatientKey);
        var keys = new[] { result.Data.Appointments[0].PatientKey, result.Data.MedicationFills[0].PatientKey, result.Data.Claims[0].PatientKey };
        Assert.Single(keys.Distinct());
    }

    [Fact]
    public void SyntheaBundle_NoPatientIdOrNameAppearsInTheJson()
    {
        var json = Json(Reader().ReadJsonFile(SyntheaFile).Data);
        Assert.DoesNotContain("ae30c5e1", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Eboni", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Brekke", json, StringComparison.Ordinal);
    }

    [Fact]
    public void IncludePatientReferences_UsesThePatientIds_OnlyWhenAsked()
    {
        string ndjson = Path.Combine(DataDir, "bulk", "Patient.000.ndjson");
        var ids = File.ReadLines(ndjson).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToHashSet();
        var folder = Path.Combine(DataDir, "bulk");
        var withRefs = new FhirPracticeReader(new FhirReadOptions { IncludePatientReferences = true }).ReadNdjsonFolder(folder).Data;
        Assert.NotEmpty(withRefs.Appointments);
        Assert.All(withRefs.Appointments, a => Assert.Contains(a.PatientKey, ids));
        var pseudonymous = Reader().ReadNdjsonFolder(folder).Data;
        Assert.All(pseudonymous.Appointments, a => Assert.DoesNotContain(a.PatientKey, ids));
    }

    [Fact]
    public void SamePseudonymKey_GivesSamePatientKeys_AcrossReaders()
    {
        var a = Reader().ReadJsonFile(SyntheaFile).Data.Appointments[0].PatientKey;
        var b = Reader().ReadJsonFile(SyntheaFile).Data.Appointments[0].PatientKey;
        var c = new FhirPracticeReader().ReadJsonFile(SyntheaFile).Data.Appointments[0].PatientKey;
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void DerivedFill_ComesFromDispenseRequest_WhenNoDispenseRefersToTheRequest()
    {
        var file = TempFile(".ndjson",
            Patient("p1"),
            """{"resourceType":"MedicationRequest","id":"r1","status":"active","intent":"order","subject":{"reference":"Patient/p1"},"medicationCodeableConcept":{"text":"Metformin"},"authoredOn":"2024-01-05","dispenseRequest":{"expectedSupplyDuration":{"value":30,"unit":"days","system":"http://unitsofmeasure.org","code":"d"}}}""",
            """{"resourceType":"MedicationRequest","id":"r2","status":"active","intent":"order","subject":{"reference":"Patient/p1"},"medicationCodeableConcept":{"text":"Atorvastatin"},"authoredOn":"2024-01-05","dispenseRequest":{"expectedSupplyDuration":{"value":90,"unit":"days","system":"http://unitsofmeasure.org","code":"d"}}}""",
            """{"resourceType":"MedicationDispense","id":"d1","status":"completed","subject":{"reference":"Patient/p1"},"authorizingPrescription":[{"reference":"MedicationRequest/r2"}],"medicationCodeableConcept":{"text":"Atorvastatin"},"whenHandedOver":"2024-01-06","daysSupply":{"value":90}}""");
        var result = Reader().ReadNdjson([file]);
        Assert.Equal(2, result.Data.MedicationFills.Length);
        Assert.Equal(1, result.Quality.DerivedFills);
        Assert.Contains(result.Data.MedicationFills, f => f is { Drug: "METFORMIN", DaysSupply: 30 } && f.DateOfService == new DateOnly(2024, 1, 5));
    }

    [Fact]
    public void QuestionnaireResponse_IsReadOnlyThroughTheLinkIdMap()
    {
        var file = TempFile(".ndjson",
            Patient("p1"),
            """{"resourceType":"QuestionnaireResponse","id":"q1","status":"completed","subject":{"reference":"Patient/p1"},"authored":"2024-02-01T10:00:00Z","item":[{"linkId":"g","item":[{"linkId":"nps","answer":[{"valueInteger":9}]},{"linkId":"free","answer":[{"valueString":"secret text"}]}]}]}""");
        Assert.Empty(Reader().ReadNdjson([file]).Data.SurveyReturns);
        var mapped = Reader(survey: new Dictionary<string, string> { ["nps"] = "likelihood-to-recommend" }).ReadNdjson([file]);
        var survey = Assert.Single(mapped.Data.SurveyReturns);
        Assert.Equal(new DateOnly(2024, 2, 1), survey.ReturnedOn);
        Assert.Equal("9", Assert.Single(survey.Answers).Value);
    }

    [Fact]
    public void Appointment_StatusesAndCancellationReason_AreMapped()
    {
        var file = TempFile(".ndjson",
            Patient("p1"),
            """{"resourceType":"Appointment","id":"a1","status":"noshow","created":"2024-01-01T09:00:00Z","start":"2024-01-10T09:00:00Z","end":"2024-01-10T09:15:00Z","participant":[{"actor":{"reference":"Patient/p1"},"status":"accepted"}]}""",
            """{"resourceType":"Appointment","id":"a2","status":"cancelled","cancelationReason":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason","code":"pat-cpp"}]},"created":"2024-01-01T09:00:00Z","start":"2024-01-11T09:00:00Z","end":"2024-01-11T09:15:00Z","participant":[{"actor":{"reference":"Patient/p1"},"status":"accepted"}]}""",
            """{"resourceType":"Appointment","id":"a3","status":"booked","created":"2024-01-02T09:00:00Z","start":"2024-01-12T09:00:00Z","end":"2024-01-12T09:15:00Z","participant":[{"actor":{"reference":"Patient/p1"},"status":"accepted"}]}""",
            """{"resourceType":"Encounter","id":"e3","status":"finished","class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"VR"},"subject":{"reference":"Patient/p1"},"appointment":[{"reference":"Appointment/a3"}],"period":{"start":"2024-01-12T09:05:00Z","end":"2024-01-12T09:20:00Z"}}""");
        var result = Reader().ReadNdjson([file]);
        Assert.Equal(3, result.Data.Appointments.Length);
        Assert.Contains(result.Data.Appointments, a => a.Outcome == AppointmentOutcome.NoShow);
        Assert.Contains(result.Data.Appointments, a => a is { Outcome: AppointmentOutcome.Cancelled, CancelledBy: CancellationInitiator.Patient });
        var kept = Assert.Single(result.Data.Appointments, a => a.Outcome == AppointmentOutcome.Kept);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 9, 0, 0, TimeSpan.Zero), kept.BookedAt);
        Assert.False(kept.BookingUnknown);
        Assert.False(kept.VisitOnly);   // the Encounter completes its Appointment
        Assert.Equal(new DateTimeOffset(2024, 1, 12, 9, 5, 0, TimeSpan.Zero), kept.ArrivedAt);
        Assert.Equal(VisitMode.Telehealth, kept.Mode);
        Assert.Equal(0, result.Quality.BookingInstantUnknown);
    }

    [Fact]
    public void TimeZone_TurnsInstantsIntoLocalDates()
    {
        var file = TempFile(".ndjson",
            Patient("p1"),
            """{"resourceType":"MedicationDispense","id":"d1","status":"completed","subject":{"reference":"Patient/p1"},"medicationCodeableConcept":{"text":"Metformin"},"whenHandedOver":"2024-01-03T03:00:00Z","daysSupply":{"value":30}}""");
        var reader = new FhirPracticeReader(new FhirReadOptions { TimeZone = "America/Chicago", PseudonymKey = Key });
        var result = reader.ReadNdjson([file]);
        Assert.Equal(new DateOnly(2024, 1, 2), Assert.Single(result.Data.MedicationFills).DateOfService);
        Assert.Equal("America/Chicago", result.Data.TimeZone);
    }

    [Fact]
    public void Options_RejectUnknownTimeZoneAndShortKey()
    {
        Assert.Throws<ArgumentException>(() => new FhirPracticeReader(new FhirReadOptions { TimeZone = "Mars/Olympus" }));
        Assert.Throws<ArgumentException>(() => new FhirPracticeReader(new FhirReadOptions { PseudonymKey = [1, 2, 3] }));
    }

    [Fact]
    public void MissingField_IsCountedWithItsPath_NotFilledWithZero()
    {
        var file = TempFile(".ndjson",
            Patient("p1"),
            """{"resourceType":"MedicationDispense","id":"d1","status":"completed","subject":{"reference":"Patient/p1"},"medicationCodeableConcept":{"text":"Metformin"},"whenHandedOver":"2024-01-03"}""");
        var result = Reader().ReadNdjson([file]);
        Assert.Empty(result.Data.MedicationFills);
        var issue = Assert.Single(result.Quality.Issues);
        Assert.Equal((FhirIssueCode.MissingField, "MedicationDispense.daysSupply", 2), (issue.Code, issue.Field, issue.Line));
    }

    [FsCheck.Xunit.Property(MaxTest = 50)]
    public bool LineOrder_DoesNotChangeTheResult(int seed)
    {
        string[] lines =
        [
            Patient("p1"), Patient("p2"),
            Encounter("e1", "p1", "2024-01-02T09:00:00Z", lastUpdated: "2024-01-02T00:00:00Z"),
            Encounter("e1", "p1", "2024-01-05T09:00:00Z", lastUpdated: "2024-01-06T00:00:00Z"),
            Encounter("e2", "p2", "2024-02-02T09:00:00Z"),
            Encounter("e3", "p3", "2024-02-03T09:00:00Z"),
        ];
        var shuffled = (string[])lines.Clone();
        new Random(seed).Shuffle(shuffled);
        static string Summary(FhirReadResult r) => string.Join("|", r.Data.Appointments.Select(a => a.PatientKey + a.Start.ToString("O", System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal))
            + $"#{r.Quality.Count(FhirIssueCode.MissingPatient)}#{r.Quality.DuplicatesReplaced}";
        return Summary(Reader().ReadNdjson([TempFile(".ndjson", lines)])) == Summary(Reader().ReadNdjson([TempFile(".ndjson", shuffled)]));
    }

    private static string Patient(string id) =>
        """{"resourceType":"Patient","id":"@ID@","name":[{"family":"Doe"}]}""".Replace("@ID@", id, StringComparison.Ordinal);

    private static string Encounter(string id, string patient, string start, string? lastUpdated = null) =>
        """{"resourceType":"Encounter","id":"@ID@",@META@"status":"finished","class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},"subject":{"reference":"Patient/@PAT@"},"period":{"start":"@START@","end":"@START@"}}"""
            .Replace("@ID@", id, StringComparison.Ordinal).Replace("@PAT@", patient, StringComparison.Ordinal).Replace("@START@", start, StringComparison.Ordinal)
            .Replace("@META@", lastUpdated is null ? "" : "\"meta\":{\"lastUpdated\":\"" + lastUpdated + "\"},", StringComparison.Ordinal);

    private sealed class Recorder : IProgress<FhirReadProgress>
    {
        public List<FhirReadProgress> Reports { get; } = [];

        public void Report(FhirReadProgress value) => Reports.Add(value);
    }

    [Fact]
    public void Progress_IsReportedPerFile_AndEndsWithEveryResourceCounted()
    {
        var recorder = new Recorder();
        var result = Reader().ReadJsonFolder(Path.Combine(DataDir, "hl7-examples"), recorder);
        int files = Directory.EnumerateFiles(Path.Combine(DataDir, "hl7-examples"), "*.json").Count();
        Assert.Equal(files, recorder.Reports.Count);
        Assert.Equal(Enumerable.Range(1, files), recorder.Reports.Select(r => r.FilesDone));
        Assert.All(recorder.Reports, r => Assert.Equal(files, r.FilesTotal));
        Assert.Equal(result.Quality.ResourcesRead, recorder.Reports[^1].ResourcesRead);
        Assert.True(recorder.Reports.Zip(recorder.Reports.Skip(1)).All(p => p.First.ResourcesRead <= p.Second.ResourcesRead));
    }

    [Fact]
    public void Cancellation_StopsTheRead()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Reader().ReadNdjsonFolder(Path.Combine(DataDir, "bulk"), cancellationToken: cts.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => Reader().ReadJsonFile(SyntheaFile, cancellationToken: cts.Token));
    }

    private string TempFile(string extension, params string[] lines)
    {
        var path = Path.Combine(_tempDir, Guid.NewGuid().ToString("N") + extension);
        File.WriteAllLines(path, lines);
        return path;
    }
}
