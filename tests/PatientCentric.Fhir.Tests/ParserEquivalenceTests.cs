using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using PatientCentric.Serialization;

namespace PatientCentric.Fhir.Tests;

/// <summary>The fast UTF-8 path (<see cref="FhirParser.Utf8"/>) must give exactly the records and data-quality report of
/// the Firely-based path (<see cref="FhirParser.Firely"/>): on every file of the shared data, and on hand-made edge cases.</summary>
public sealed class ParserEquivalenceTests : IDisposable
{
    private readonly string _tempDir = Directory.CreateTempSubdirectory("pc-fhir-eq-").FullName;

    public void Dispose() => Directory.Delete(_tempDir, recursive: true);

    private static readonly ImmutableArray<byte> Key = [.. Enumerable.Range(1, 32).Select(i => (byte)(i * 3))];

    // Every linkId in the HL7 QuestionnaireResponse examples (and the hand-made ones below), so surveys are compared too.
    private static readonly ImmutableDictionary<string, string> LinkIds = new Dictionary<string, string>
    {
        ["1.1"] = "q-1-1", ["1.1.1"] = "q-1-1-1", ["1.1.1.1"] = "q-1-1-1-1", ["1.1.1.1.1"] = "q-1-1-1-1-1", ["2"] = "q-2",
        ["2.1"] = "q-2-1", ["2.3"] = "q-2-3", ["1"] = "q-1", ["nps"] = "nps", ["child"] = "child", ["a"] = "a", ["b"] = "b",
        ["c"] = "c", ["d"] = "d", ["e"] = "e",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>The shared data folder (<see cref="SharedFhirData"/>) when it exists, else the subset copied into this
    /// project. Says which in the test output; <see cref="SharedData_IsThere"/> reports the absence.</summary>
    private static string DataRoot()
    {
        if (SharedFhirData.Folder is { } shared) return shared;
        TestContext.Current.SendDiagnosticMessage($"Shared FHIR data not found at {SharedFhirData.Expected}: comparing on the bundled subset.");
        return Path.Combine(AppContext.BaseDirectory, "Data");
    }

    /// <summary>Without the shared data the comparisons run on the bundled subset only: reported as skipped with the reason,
    /// on a developer's machine and in CI alike (a clone need not sit beside the shared folder; the bundled subset is
    /// always compared).</summary>
    [Fact]
    public void SharedData_IsThere()
    {
        if (SharedFhirData.Folder is not null) return;
        string message = $"Shared FHIR data not found at {SharedFhirData.Expected} (../shared/data/fhir from the repository root, "
            + $"or set {SharedFhirData.Variable}): the parser comparisons ran on the bundled subset only.";
        Assert.Skip(message);
    }

    // Set, so Slots and Schedules are mapped (and compared) too.
    private static readonly DateTimeOffset SlotsObservedAt = new(2024, 3, 4, 7, 0, 0, TimeSpan.Zero);

    private static FhirReadResult Read(FhirParser parser, Func<FhirPracticeReader, FhirReadResult> read) =>
        read(new FhirPracticeReader(new FhirReadOptions { PseudonymKey = Key, SurveyItemsByLinkId = LinkIds, Parser = parser, SlotsObservedAt = SlotsObservedAt }));

    private static void AssertSame(Func<FhirPracticeReader, FhirReadResult> read, string what)
    {
        var fast = Read(FhirParser.Utf8, read);
        var firely = Read(FhirParser.Firely, read);
        Assert.True(Json(firely.Data) == Json(fast.Data), $"{what}: records differ between the fast and the Firely path");
        Assert.True(Quality(firely.Quality) == Quality(fast.Quality),
            $"{what}: data quality differs:\nFirely {Quality(firely.Quality)}\nUtf8   {Quality(fast.Quality)}");
    }

    private static string Json(Records.PracticeDataSet data) => JsonSerializer.Serialize(data, PatientCentricJsonContext.Default.PracticeDataSet);

    private static string Quality(FhirDataQuality q) =>
        $"read {q.ResourcesRead}, duplicates {q.DuplicatesReplaced}, ignored {string.Join(",", q.ResourcesIgnored.Select(p => $"{p.Key}={p.Value}"))}, "
        + $"booking unknown {q.BookingInstantUnknown}, derived {q.DerivedFills}, without response {q.ClaimsWithoutResponse}, closure unknown {q.ReferralClosureUnknown}, "
        + $"issues [{string.Join("; ", q.Issues)}]";

    public static TheoryData<string> SharedFiles()
    {
        var root = DataRoot();
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories)
                     .Concat(Directory.EnumerateFiles(root, "*.ndjson", SearchOption.AllDirectories)).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(root, f));
        return data;
    }

    [Theory]
    [MemberData(nameof(SharedFiles))]
    public void EverySharedFile_GivesTheSameRecordsBothWays(string relativePath)
    {
        var path = Path.Combine(DataRoot(), relativePath);
        var records = Read(FhirParser.Utf8, Reader(path));
        Assert.True(records.Quality.ResourcesRead > 0, "nothing read");
        AssertSame(Reader(path), relativePath);
    }

    private static Func<FhirPracticeReader, FhirReadResult> Reader(string path) =>
        path.EndsWith(".ndjson", StringComparison.Ordinal) ? r => r.ReadNdjson([path]) : r => r.ReadJsonFile(path);

    [Fact]
    public void EverySharedFolder_GivesTheSameRecordsBothWays()
    {
        var root = DataRoot();
        int folders = 0;
        foreach (var dir in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            if (Directory.EnumerateFiles(dir, "*.ndjson").Any()) AssertSame(r => r.ReadNdjsonFolder(dir), dir);
            if (Directory.EnumerateFiles(dir, "*.json").Any()) AssertSame(r => r.ReadJsonFolder(dir), dir);
            folders++;
        }
        Assert.True(folders >= 3, $"expected the bulk, hl7-examples and synthea folders under {root}");
        // The comparison is only worth something if the folders give records of every kind the shared data has.
        var synthea = Read(FhirParser.Utf8, r => r.ReadJsonFolder(Path.Combine(root, "synthea")));
        Assert.NotEmpty(synthea.Data.Appointments);
        Assert.NotEmpty(synthea.Data.Claims);
        var examples = Read(FhirParser.Utf8, r => r.ReadJsonFolder(Path.Combine(root, "hl7-examples")));
        Assert.NotEmpty(examples.Data.MedicationFills);
        Assert.NotEmpty(examples.Data.SurveyReturns);
        Assert.NotEmpty(examples.Quality.Issues);
    }

    // Hand-made resources that exercise what real exports rarely do: property order, escapes, contained resources,
    // nested items, wrong JSON types, duplicates, broken lines.
    public static TheoryData<string, string> EdgeCases() => new()
    {
        { "type-last", """{"id":"p1","active":true,"resourceType":"Patient"}""" },
        { "escaped-names-and-values", """{"resourceType":"Patient","id":"p1"}""" + "\n"
            + """{"resourceType":"Encount\u0065r","st\u0061tus":"finished","id":"e\u00e91","subject":{"reference":"Patient/p1"},"period":{"start":"2024-03-01T09:00:00+01:00","end":"2024-03-01T09:40:00+01:00"},"class":{"code":"AMB"}}""" },
        { "encounter-classes", string.Join("\n",
            """{"resourceType":"Patient","id":"p1"}""",
            """{"resourceType":"Encounter","id":"e1","status":"finished","class":{"code":"VR"},"subject":{"reference":"Patient/p1"},"period":{"start":"2024-03-01"}}""",
            """{"resourceType":"Encounter","id":"e2","status":"finished","class":{"code":"EMER"},"subject":{"reference":"http://x/fhir/Patient/p1/_history/2"},"period":{"start":"2024-03-02T10:00:00Z"}}""",
            """{"resourceType":"Encounter","id":"e3","status":"in-progress","class":{"code":"AMB"},"subject":{"reference":"Patient/p1"},"period":{"start":"2024-03-03T10:00:00Z"}}""",
            """{"resourceType":"Encounter","id":"e4","status":"finished","subject":{"reference":"Patient/p1"}}""",
            """{"resourceType":"Encounter","id":"e6","status":"finished","class":{"code":"AMB"},"subject":{"reference":"Patient/p1"},"period":{"start":"2024-03-04T08:55:00Z","end":"2024-03-04T10:00:00Z"},"statusHistory":[{"status":"arrived","period":{"start":"2024-03-04T08:50:00Z","end":"2024-03-04T09:05:00Z"}},{"status":"in-progress","period":{"start":"2024-03-04T09:20:00Z"}},{"status":"in-progress","period":{"start":"2024-03-04T09:05:00Z"}},{"status":"finished","period":{"start":"2024-03-04T09:58:00Z"}},{"status":"triaged"},{"period":{"start":"2024-03-04T09:00:00Z"}}]}""",
            """{"resourceType":"Encounter","id":"e5","status":5,"subject":"Patient/p1","period":{"start":"2024-03-03T10:00:00Z"}}""") },
        { "appointments", string.Join("\n",
            """{"resourceType":"Patient","id":"p1"}""",
            """{"resourceType":"Appointment","id":"a1","status":"cancelled","cancelationReason":{"coding":[{"code":"pat-crs"}]},"start":"2024-03-01T09:00:00Z","created":"2024-02-20","participant":[{"status":"accepted"},{"actor":{"reference":"Practitioner/d1"},"status":"accepted"},{"actor":{"reference":"Patient/p1"},"status":"accepted"}]}""",
            """{"resourceType":"Appointment","id":"a2","status":"noshow","start":"2024-03-02T09:00:00.000+02:00","participant":[{"actor":{"reference":"Patient/p1"},"status":"accepted"}]}""",
            """{"resourceType":"Appointment","id":"a3","status":"proposed","start":"2024-03-02T09:00:00Z","participant":[{"actor":{"reference":"Patient/p1"},"status":"needs-action"}]}""",
            """{"resourceType":"Appointment","id":"a4","status":"booked","participant":[{"actor":{"reference":"Patient/p1"},"status":"accepted"}]}""",
            """{"resourceType":"Encounter","id":"e1","status":"finished","appointment":[{"reference":"Appointment/a2"}],"subject":{"reference":"Patient/p1"},"period":{"start":"2024-03-02T07:10:00Z","end":"2024-03-02T07:30:00Z"}}""") },
        { "medications", string.Join("\n",
            """{"resourceType":"Patient","id":"p1"}""",
            """{"resourceType":"MedicationDispense","id":"d1","status":"completed","contained":[{"resourceType":"Organization","id":"o"},{"code":{"coding":[{"display":"Atorvastatin 20 MG"}]},"id":"m1","resourceType":"Medication"}],"medicationReference":{"reference":"#m1"},"subject":{"reference":"Patient/p1"},"whenHandedOver":"2024-01-05T16:00:00-05:00","daysSupply":{"value":30.0,"unit":"d"},"authorizingPrescription":[{"reference":"MedicationRequest/r1"}]}""",
            """{"resourceType":"MedicationDispense","id":"d2","status":"in-progress","medicationCodeableConcept":{"text":"x"},"authorizingPrescription":[{"reference":"MedicationRequest/r2"}]}""",
            """{"resourceType":"MedicationDispense","id":"d3","medicationReference":{"display":" lisinopril "},"subject":{"reference":"Patient/p1"},"whenHandedOver":"2024-02-01","daysSupply":{"value":2.5}}""",
            """{"resourceType":"MedicationDispense","id":"d4","status":"completed","medicationCodeableConcept":{"text":"  "},"subject":{"reference":"Patient/p1"},"whenHandedOver":"2024-02-01","daysSupply":{"value":30}}""",
            """{"resourceType":"MedicationRequest","id":"r1","subject":{"reference":"Patient/p1"},"authoredOn":"2024-01-01","dispenseRequest":{"expectedSupplyDuration":{"value":30,"code":"d"}},"medicationCodeableConcept":{"text":"Atorvastatin"}}""",
            """{"resourceType":"MedicationRequest","id":"r2","subject":{"reference":"Patient/p1"},"authoredOn":"2024-01-01","dispenseRequest":{"expectedSupplyDuration":{"value":1,"unit":"month"}},"medicationCodeableConcept":{"text":"Metformin"}}""",
            """{"resourceType":"MedicationRequest","id":"r3","subject":{"reference":"Patient/p1"},"authoredOn":"2024-01-01","dispenseRequest":{"validityPeriod":{"start":"2024-01-03"},"expectedSupplyDuration":{"value":2,"code":"wk"}},"medicationCodeableConcept":{"coding":[{"display":"Metformin 500"}]}}""",
            """{"resourceType":"MedicationRequest","id":"r4","subject":{"reference":"Patient/p1"},"dispenseRequest":{},"medicationCodeableConcept":{"text":"x"}}""",
            """{"resourceType":"MedicationRequest","id":"r5","subject":{"reference":"Patient/p1"},"authoredOn":"2024-01-01","medicationCodeableConcept":{"text":"no dispense request"}}""") },
        { "referrals-and-tasks", string.Join("\n",
            """{"resourceType":"Patient","id":"p1"}""",
            """{"resourceType":"ServiceRequest","id":"s1","category":[{"coding":[{"system":"http://snomed.info/sct","code":"3457005"}]}],"code":{"text":"Cardiology"},"subject":{"reference":"Patient/p1"},"authoredOn":"2024-01-02"}""",
            """{"resourceType":"ServiceRequest","id":"s2","code":{"coding":[{"display":"Referral to dermatology"}]},"performerType":{"text":"Dermatology"},"subject":{"reference":"Patient/p1"},"authoredOn":"2024-01-03T23:30:00-08:00"}""",
            """{"resourceType":"ServiceRequest","id":"s3","code":{"text":"Lipid panel"},"subject":{"reference":"Patient/p1"},"authoredOn":"2024-01-03"}""",
            """{"resourceType":"Task","id":"t1","status":"completed","basedOn":[{"reference":"ServiceRequest/s1"}],"executionPeriod":{"end":"2024-01-20"}}""",
            """{"resourceType":"Task","id":"t2","status":"completed","basedOn":[{"reference":"ServiceRequest/s1"}],"executionPeriod":{"end":"2024-01-10T12:00:00Z"}}""",
            """{"resourceType":"Task","id":"t3","status":"in-progress","basedOn":[{"reference":"ServiceRequest/s2"}],"executionPeriod":{"end":"2024-01-10"}}""") },
        { "referrals-without-tasks", string.Join("\n",
            """{"resourceType":"Patient","id":"p1"}""",
            """{"resourceType":"ServiceRequest","id":"s1","category":[{"coding":[{"system":"http://snomed.info/sct","code":"3457005"}]}],"code":{"text":"Cardiology"},"subject":{"reference":"Patient/p1"},"authoredOn":"2024-01-02"}""") },
        { "referrals-with-an-unreadable-task", string.Join("\n",
            """{"resourceType":"Patient","id":"p1"}""",
            """{"resourceType":"ServiceRequest","id":"s1","category":[{"coding":[{"system":"http://snomed.info/sct","code":"3457005"}]}],"code":{"text":"Cardiology"},"subject":{"reference":"Patient/p1"},"authoredOn":"2024-01-02"}""",
            """{"resourceType":"Task","id":"t1",""") },
        { "claims", string.Join("\n",
            """{"resourceType":"Patient","id":"p1"}""",
            """{"resourceType":"Claim","id":"c1","patient":{"reference":"Patient/p1"},"created":"2024-01-02","total":{"value":120.50,"currency":"USD"}}""",
            """{"resourceType":"Claim","id":"c2","patient":{"reference":"Patient/p1"},"created":"2024-01-02","total":{"value":-1}}""",
            """{"resourceType":"Claim","id":"c3","patient":{"reference":"Patient/p1"},"created":"2024-01-02"}""",
            """{"resourceType":"Claim","id":"c4","patient":{"reference":"Patient/p1"},"created":"2024-01-03","total":{"value":80}}""",
            """{"resourceType":"ClaimResponse","id":"cr1","request":{"reference":"Claim/c1"},"created":"2024-01-09","outcome":"complete","error":[{"code":{"text":"x"}}]}""",
            """{"resourceType":"ExplanationOfBenefit","id":"eob1","claim":{"reference":"Claim/c4"},"created":"2024-01-05","outcome":"error"}""") },
        { "surveys-and-messages", string.Join("\n",
            """{"resourceType":"Patient","id":"p1"}""",
            """{"resourceType":"QuestionnaireResponse","id":"q1","status":"completed","subject":{"reference":"Patient/p1"},"authored":"2024-02-01T10:00:00Z","item":[{"item":[{"linkId":"child","answer":[{"valueCoding":{"code":"yes"}}]}],"linkId":"nps","answer":[{"valueInteger":9},{"valueInteger":3}]},{"linkId":"a","answer":[{"valueDecimal":4.50}]},{"linkId":"b","answer":[{"valueBoolean":false}]},{"linkId":"c","answer":[{"valueString":"fine"}]},{"linkId":"d","answer":[{"valueDate":"2024-01-01"}]},{"linkId":"e"}]}""",
            """{"resourceType":"QuestionnaireResponse","id":"q2","status":"in-progress","subject":{"reference":"Patient/p1"},"authored":"2024-02-01","item":[{"linkId":"nps","answer":[{"valueInteger":10}]}]}""",
            """{"resourceType":"QuestionnaireResponse","id":"q3","status":"amended","source":{"reference":"Patient/p1"},"authored":"2024-02-02","item":[{"linkId":"nps","answer":[{"valueInteger":7}]}]}""",
            """{"resourceType":"Communication","id":"m1","status":"completed","sender":{"reference":"Patient/p1"},"sent":"2024-02-03T08:00:00Z"}""",
            """{"resourceType":"Communication","id":"m2","status":"completed","sender":{"reference":"Practitioner/d1"},"recipient":[{"reference":"Patient/p1"}],"inResponseTo":[{"reference":"Communication/m1"}],"sent":"2024-02-03T11:00:00Z"}""",
            """{"resourceType":"Communication","id":"m3","status":"completed","sender":{"reference":"Patient/p1"}}""") },
        { "slots-and-schedules", string.Join("\n",
            """{"resourceType":"Schedule","id":"sch1","actor":[{"reference":"Practitioner/d1"}]}""",
            """{"id":"sch2","active":true,"resourceType":"Schedule"}""",
            """{"resourceType":"Slot","id":"sl1","schedule":{"reference":"Schedule/sch1"},"status":"free","start":"2024-03-04T09:00:00Z","end":"2024-03-04T09:15:00Z"}""",
            """{"resourceType":"Slot","id":"sl2","status":"busy","start":"2024-03-04T09:15:00+01:00","schedule":{"reference":"Schedule/sch1"},"appointmentType":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0276"},{"code":"ROUTINE"}]},"serviceType":[{"coding":[{"code":"57"}]}]}""",
            """{"resourceType":"Slot","id":"sl3","schedule":{"reference":"Schedule/sch1"},"status":"busy-tentative","start":"2024-03-04T09:30:00Z","serviceType":[{"text":"first, no code"},{"coding":[{"code":"58"}]}]}""",
            """{"resourceType":"Slot","id":"sl4","schedule":{"reference":"http://x/fhir/Schedule/sch2/_history/3"},"status":"busy-unavailable","start":"2024-03-05T09:00:00Z","appointmentType":{"text":"no code"},"serviceType":[{"coding":[{"code":"57"}]}]}""",
            """{"resourceType":"Slot","id":"sl5","schedule":{"reference":"Schedule/missing"},"status":"free","start":"2024-03-05T10:00:00Z"}""",
            """{"resourceType":"Slot","id":"sl6","schedule":{"reference":"Schedule/sch1"},"status":"free"}""",
            """{"resourceType":"Slot","id":"sl7","schedule":{"reference":"Schedule/sch1"},"status":"entered-in-error","start":"2024-03-05T10:00:00Z"}""",
            """{"start":"2024-03-06T09:00:00Z","status":"free","schedule":{"reference":"Schedule/sch2"},"id":"sl8","resourceType":"Slot"}""",
            """{"resourceType":"Slot","id":"sl9","status":"free","start":"2024-03-06T10:00:00Z"}""",
            """{"resourceType":"Slot","id":"sl10","schedule":{"reference":"Schedule/sch1"},"status":"bogus","start":"2024-03-06T11:00:00Z"}""",
            """{"resourceType":"Slot","id":"sl11","schedule":{"reference":"Practitioner/d1"},"status":"free","start":"2024-03-06T12:00:00Z"}""",
            """{"resourceType":"Slot","id":"sl12","schedule":{"reference":"Schedule/sch1"},"start":"2024-03-06T13:00:00Z"}""") },
        { "duplicates", string.Join("\n",
            """{"resourceType":"Patient","id":"p1"}""",
            """{"resourceType":"Claim","id":"c1","meta":{"lastUpdated":"2024-01-02T00:00:00Z"},"patient":{"reference":"Patient/p1"},"created":"2024-01-02","total":{"value":1}}""",
            """{"resourceType":"Claim","id":"c1","meta":{"lastUpdated":"2024-01-03T00:00:00.000+00:00"},"patient":{"reference":"Patient/p1"},"created":"2024-01-02","total":{"value":2}}""",
            """{"resourceType":"Claim","id":"c1","patient":{"reference":"Patient/p1"},"created":"2024-01-02","total":{"value":3}}""",
            """{"resourceType":"Claim","patient":{"reference":"Patient/p1"},"created":"2024-01-02","total":{"value":4}}""") },
        { "retractions", string.Join("\n",
            """{"resourceType":"Patient","id":"p1"}""",
            """{"resourceType":"Encounter","id":"e1","meta":{"lastUpdated":"2024-03-05T00:00:00Z"},"status":"entered-in-error","subject":{"reference":"Patient/p1"},"period":{"start":"2024-03-01T09:00:00Z"}}""",
            """{"resourceType":"Encounter","id":"e1","meta":{"lastUpdated":"2024-03-02T00:00:00Z"},"status":"finished","subject":{"reference":"Patient/p1"},"period":{"start":"2024-03-01T09:00:00Z"}}""",
            """{"resourceType":"Encounter","id":"e2","meta":{"lastUpdated":"2024-03-02T00:00:00Z"},"status":"finished","subject":{"reference":"Patient/p1"},"period":{"start":"2024-03-02T09:00:00Z"}}""",
            """{"resourceType":"Encounter","id":"e2","meta":{"lastUpdated":"2024-03-06T00:00:00.000+01:00"},"status":"cancelled","subject":{"reference":"Patient/p1"},"period":{"start":"2024-03-02T09:00:00Z"}}""",
            """{"resourceType":"MedicationDispense","id":"d1","meta":{"lastUpdated":"2024-01-06T00:00:00Z"},"status":"completed","subject":{"reference":"Patient/p1"},"medicationCodeableConcept":{"text":"Atorvastatin"},"whenHandedOver":"2024-01-05","daysSupply":{"value":30}}""",
            """{"resourceType":"MedicationDispense","id":"d1","meta":{"lastUpdated":"2024-01-09T00:00:00Z"},"status":"entered-in-error","subject":{"reference":"Patient/p1"},"medicationCodeableConcept":{"text":"Atorvastatin"},"whenHandedOver":"2024-01-05","daysSupply":{"value":30}}""",
            """{"resourceType":"Appointment","id":"a1","meta":{"lastUpdated":"2024-02-02T00:00:00Z"},"status":"booked","start":"2024-03-01T09:00:00Z","participant":[{"actor":{"reference":"Patient/p1"}}]}""",
            """{"resourceType":"Appointment","id":"a1","meta":{"lastUpdated":"2024-02-03T00:00:00Z"},"status":"entered-in-error","start":"2024-03-01T09:00:00Z","participant":[{"actor":{"reference":"Patient/p1"}}]}""",
            """{"resourceType":"Claim","id":"c1","meta":{"lastUpdated":"2024-01-03T00:00:00Z"},"patient":{"reference":"Patient/p1"},"created":"2024-01-02","total":{"value":5}}""",
            """{"resourceType":"Claim","id":"c1","meta":{"lastUpdated":"2024-01-04T00:00:00Z"},"patient":{"reference":"Patient/p1"},"created":"2024-01-02"}""") },
        { "impossible-dates", string.Join("\n",
            """{"resourceType":"Patient","id":"p1"}""",
            """{"resourceType":"MedicationDispense","id":"d1","status":"completed","subject":{"reference":"Patient/p1"},"medicationCodeableConcept":{"text":"x"},"whenHandedOver":"2025-02-30","daysSupply":{"value":30}}""",
            """{"resourceType":"MedicationDispense","id":"d2","status":"completed","subject":{"reference":"Patient/p1"},"medicationCodeableConcept":{"text":"x"},"whenHandedOver":"2024-01","daysSupply":{"value":30}}""",
            """{"resourceType":"Encounter","id":"e1","status":"finished","subject":{"reference":"Patient/p1"},"period":{"start":"10000-03-01T09:00:00Z"}}""",
            """{"resourceType":"Encounter","id":"e2","status":"finished","subject":{"reference":"Patient/p1"},"period":{"start":"2024-03-01T09:00:00","end":"2024-03-01T10:00:00Z"}}""",
            """{"resourceType":"Encounter","id":"e3","meta":{"lastUpdated":"2024-03-02"},"status":"finished","subject":{"reference":"Patient/p1"},"period":{"start":"2024-03-01T09:00:00Z"}}""",
            """{"resourceType":"Appointment","id":"a1","status":"booked","start":"2024-03-01","participant":[{"actor":{"reference":"Patient/p1"}}]}""",
            """{"resourceType":"Appointment","id":"a2","status":"booked","created":"2024-02-30T09:00:00Z","start":"2024-03-01T09:00:00Z","participant":[{"actor":{"reference":"Patient/p1"}}]}""",
            """{"resourceType":"Appointment","id":"a3","status":"booked","created":"2024","start":"2016-12-31T23:59:60.123456789+14:00","participant":[{"actor":{"reference":"Patient/p1"}}]}""",
            """{"resourceType":"Claim","id":"c1","patient":{"reference":"Patient/p1"},"created":"0000-01-02","total":{"value":5}}""",
            """{"resourceType":"Communication","id":"m1","sender":{"reference":"Patient/p1"},"sent":"2024-03-01T09:00:00+14:30"}""",
            """{"resourceType":"ServiceRequest","id":"s1","category":[{"text":"referral"}],"subject":{"reference":"Patient/p1"},"authoredOn":""}""",
            """{"resourceType":"Task","id":"t1","status":"completed","basedOn":[{"reference":"ServiceRequest/s1"}],"executionPeriod":{"end":"2024-02-30"}}""",
            """{"resourceType":"Slot","id":"sl1","schedule":{"reference":"Schedule/sch1"},"status":"free","start":"2024-03-04T09:00:00"}""",
            """{"resourceType":"Schedule","id":"sch1"}""") },
        { "wrong-types-and-huge-values", string.Join("\n",
            """{"resourceType":"Patient","id":"p1"}""",
            """{"resourceType":"MedicationDispense","id":"d1","status":"completed","subject":{"reference":"Patient/p1"},"medicationCodeableConcept":{"text":"x"},"whenHandedOver":20240105,"daysSupply":{"value":"30"}}""",
            """{"resourceType":"MedicationDispense","id":"d2","status":"completed","subject":{"reference":"Patient/p1"},"medicationCodeableConcept":{"text":"x"},"whenHandedOver":"2024-01-05","daysSupply":{"value":1e400}}""",
            """{"resourceType":"MedicationDispense","id":"d3","status":"completed","subject":{"reference":"Patient/p1"},"medicationCodeableConcept":{"text":"x"},"whenHandedOver":"2024-01-05","daysSupply":{"value":123456789012345678901234567890}}""",
            """{"resourceType":"Claim","id":"c1","patient":{"reference":"Patient/p1"},"created":"2024-01-02","total":{"value":true}}""",
            """{"resourceType":"Claim","id":"c2","patient":{"reference":5},"created":"2024-01-02","total":{"value":1E+2}}""",
            """{"resourceType":"Encounter","id":7,"meta":{"lastUpdated":42},"status":"finished","subject":{"reference":"Patient/p1"},"period":{"start":"2024-03-01T09:00:00Z"}}""",
            """{"resourceType":"QuestionnaireResponse","id":"q1","status":"completed","subject":{"reference":"Patient/p1"},"authored":"2024-02-01","item":[{"linkId":"a","answer":[{"valueInteger":"9"}]},{"linkId":"b","answer":[{"valueInteger":2147483648}]},{"linkId":"c","answer":[{"valueDecimal":1e400}]},{"linkId":"d","answer":[{"valueBoolean":"true"}]},{"linkId":"e","answer":[{"valueInteger":9}]}]}""") },
        { "text-after-the-object", string.Join("\n",
            """{"resourceType":"Patient","id":"p1"}{"resourceType":"Patient","id":"p2"}""",
            """{"resourceType":"Patient","id":"p3"} x""",
            """{"resourceType":"Encounter","id":"e1","status":"finished","subject":{"reference":"Patient/p1"},"period":{"start":"2024-03-02T10:00:00Z"}} {}""",
            """{"resourceType":"Patient","id":"p4"}   """) },
        { "bad-lines", string.Join("\n",
            """{"resourceType":"Patient","id":"p1"}""",
            """{"resourceType":"Encounter","id":"e1","status":"finished",""",
            """[1,2]""",
            """{"id":"x"}""",
            """{"resourceType":"NotAType","id":"x"}""",
            """{"resourceType":"Observation","id":"o1","status":"final"}""",
            "   ",
            """{"resourceType":"Encounter","id":"e2","status":"finished","subject":{"reference":"Patient/missing"},"period":{"start":"2024-03-02T10:00:00Z"}}""") },
    };

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void HandMadeNdjson_GivesTheSameRecordsBothWays(string name, string ndjson)
    {
        var path = Path.Combine(_tempDir, name + ".ndjson");
        File.WriteAllText(path, ndjson + "\n", new UTF8Encoding(false));
        AssertSame(r => r.ReadNdjson([path]), name);
        // And as a Bundle of the same resources (well-formed cases only), with a urn:uuid reference to the patient.
        var lines = ndjson.Split('\n').Where(l => l.Trim().Length > 0).ToList();
        if (lines.Any(l => { try { return JsonDocument.Parse(l).RootElement.ValueKind != JsonValueKind.Object; } catch (JsonException) { return true; } }))
            return;
        var entries = lines.Select((l, i) => $$"""{"fullUrl":"urn:uuid:{{i}}","resource":{{l.Replace("\"Patient/p1\"", "\"urn:uuid:0\"", StringComparison.Ordinal)}}}""");
        var bundle = Path.Combine(_tempDir, name + ".json");
        File.WriteAllText(bundle, $$"""{"resourceType":"Bundle","type":"collection","entry":[{{string.Join(",", entries)}}]}""");
        AssertSame(r => r.ReadJsonFile(bundle), name + " (Bundle)");
    }

    [Fact]
    public void Slots_GiveOneSnapshotPerScheduleAndAppointmentType_TakenAtSlotsObservedAt()
    {
        var path = Path.Combine(_tempDir, "slots.ndjson");
        File.WriteAllText(path, EdgeCases().Single(c => (string)c.Data.Item1 == "slots-and-schedules").Data.Item2);
        var result = Read(FhirParser.Utf8, r => r.ReadNdjson([path]));
        static DateTimeOffset At(string s) => DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        var snapshots = result.Data.AvailabilitySnapshots;
        // sch1: ROUTINE (sl2: the appointmentType code wins over serviceType), unspecified (sl1; sl3, whose first serviceType
        // has no code); sch2: 57 (sl4: appointmentType without a code, so serviceType[0]), unspecified (sl8). Left out:
        // sl7 (entered-in-error, silently) and the six below, counted as issues.
        Assert.All(snapshots, s => Assert.Equal(SlotsObservedAt, s.TakenAt));
        Assert.All(snapshots, s => Assert.Equal("ambulatory", s.ServiceLine));
        Assert.All(snapshots, s => Assert.All(s.Slots, x => Assert.False(x.IsHeld || x.IsReservedForSameDay)));
        Assert.Equal(2, snapshots.Select(s => s.ScheduleKey).Distinct().Count());
        Assert.All(snapshots, s => Assert.StartsWith("S-", s.ScheduleKey, StringComparison.Ordinal));
        var summary = snapshots.Select(s => (s.AppointmentType, string.Join(",", s.Slots.Select(x => $"{x.Start.UtcDateTime:dd'T'HH:mm}/{x.Status}")))).ToList();
        Assert.Equal(
        [
            ("ROUTINE", "04T08:15/Busy"),
            ("unspecified", "04T09:00/Free,04T09:30/BusyTentative"),
            ("57", "05T09:00/BusyUnavailable"),
            ("unspecified", "06T09:00/Free"),
        ], summary);
        Assert.Equal(At("2024-03-04T09:15:00+01:00"), snapshots[0].Slots[0].Start);
        Assert.Equal(
        [
            "MissingField slots.ndjson line 8, Slot.start",
            "MissingField slots.ndjson line 11, Slot.schedule",
            "InvalidValue slots.ndjson line 12, Slot.status",
            "MissingField slots.ndjson line 13, Slot.schedule",
            "MissingField slots.ndjson line 14, Slot.status",
            "MissingField slots.ndjson line 7, Slot.schedule",   // sl5: its Schedule is not in the input (found at the end)
        ], result.Quality.Issues.Select(i => i.ToString()));
    }

    [Fact]
    public void StatusHistory_GivesArrivalFirstContactAndDeparture()
    {
        // DOMAIN.md §10.1: arrived start = arrival, in-progress start = first clinician contact, finished start = departure
        // (the earliest of each); period.start and period.end when there is no such entry.
        var path = Path.Combine(_tempDir, "history.ndjson");
        File.WriteAllText(path, EdgeCases().Single(c => (string)c.Data.Item1 == "encounter-classes").Data.Item2);
        var visits = Read(FhirParser.Utf8, r => r.ReadNdjson([path])).Data.Appointments;
        static DateTimeOffset At(string s) => DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        var withHistory = Assert.Single(visits, a => a.Start == At("2024-03-04T08:55:00Z"));
        Assert.Equal(At("2024-03-04T08:50:00Z"), withHistory.ArrivedAt);
        Assert.Equal(At("2024-03-04T09:05:00Z"), withHistory.SeenAt);
        Assert.Equal(At("2024-03-04T09:58:00Z"), withHistory.DepartedAt);
        var without = Assert.Single(visits, a => a.Start == At("2024-03-02T10:00:00Z"));
        Assert.Equal(without.Start, without.ArrivedAt);
        Assert.Null(without.SeenAt);
    }

    [Fact]
    public void InvalidUtf8InAMappedResource_SpoilsThatEntryOnly()
    {
        // Bytes 0xC3 0x28 are not UTF-8, inside a nested element the mapping reads (the patient reference's display). The
        // claim entry is Malformed; the Bundle's later entries still count, at their own positions.
        var before = Encoding.UTF8.GetBytes("""{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","id":"p1"}},{"resource":{"resourceType":"Claim","id":"c1","patient":{"reference":"Patient/p1","display":"x""");
        var after = Encoding.UTF8.GetBytes("\"}" + ""","created":"2024-01-02","total":{"value":5},"item":[{"sequence":1}]}},"""
            + """{"resource":{"resourceType":"Claim","id":"c2","patient":{"reference":"Patient/p1"},"created":"2024-01-03"}},"""
            + """{"resource":{"resourceType":"Claim","id":"c3","patient":{"reference":"Patient/p1"},"created":"2024-01-03","total":{"value":7}}}]}""");
        var path = Path.Combine(_tempDir, "bad-utf8.json");
        File.WriteAllBytes(path, [.. before, 0xC3, 0x28, .. after]);
        var result = Read(FhirParser.Utf8, r => r.ReadJsonFile(path));
        Assert.Equal(4, result.Quality.ResourcesRead);
        Assert.Equal([(FhirIssueCode.Malformed, 2), (FhirIssueCode.MissingField, 3)], result.Quality.Issues.Select(i => (i.Code, i.Line)));
        Assert.Equal(7m, Assert.Single(result.Data.Claims).ChargeAmount);
    }

    [Fact]
    public void Streams_GiveWhatTheFilesGive()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Data", "bulk");
        var files = Directory.GetFiles(folder, "*.ndjson").Order(StringComparer.Ordinal).ToList();
        var fromFiles = Read(FhirParser.Utf8, r => r.ReadNdjson(files));
        var fromStreams = Read(FhirParser.Utf8, r => r.ReadNdjson(files.Select(f => (Path.GetFileName(f), (Stream)new MemoryStream(File.ReadAllBytes(f))))));
        Assert.NotEmpty(fromFiles.Data.Appointments);
        Assert.Equal(Json(fromFiles.Data), Json(fromStreams.Data));
        Assert.Equal(Quality(fromFiles.Quality), Quality(fromStreams.Quality));
        var reader = new FhirPracticeReader();
        Assert.Throws<ArgumentException>(() => reader.ReadNdjson([("", (Stream)new MemoryStream())]));
        Assert.Throws<ArgumentNullException>(() => reader.ReadNdjson([("x.ndjson", (Stream)null!)]));
    }

    [Fact]
    public void LongLines_CrLf_AndAByteOrderMark_AreReadAcrossBufferRefills()
    {
        // A line longer than the reader's first buffer, CRLF endings and a BOM: the line reader must stitch and trim.
        var padding = new string('x', 3 << 20);
        var text = "\uFEFF" + """{"resourceType":"Patient","id":"p1"}""" + "\r\n"
                   + $$"""{"resourceType":"Observation","id":"o1","note":[{"text":"{{padding}}"}]}""" + "\r\n"
                   + """{"resourceType":"Claim","id":"c1","patient":{"reference":"Patient/p1"},"created":"2024-01-02","total":{"value":5}}""";
        var path = Path.Combine(_tempDir, "long.ndjson");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        var result = Read(FhirParser.Utf8, r => r.ReadNdjson([path]));
        Assert.Equal(3, result.Quality.ResourcesRead);
        Assert.Empty(result.Quality.Issues);
        Assert.Single(result.Data.Claims);
        AssertSame(r => r.ReadNdjson([path]), "long lines");
    }

    [Fact]
    public void FastPath_IsWhatTheReaderUsesByDefault_AndReadsTheEdgeCasesIntoRecords()
    {
        Assert.Equal(FhirParser.Utf8, new FhirReadOptions().Parser);
        var path = Path.Combine(_tempDir, "surveys.ndjson");
        File.WriteAllText(path, EdgeCases().Single(c => (string)c.Data.Item1 == "surveys-and-messages").Data.Item2);
        var result = Read(FhirParser.Utf8, r => r.ReadNdjson([path]));
        var returns = result.Data.SurveyReturns.OrderBy(s => s.ReturnedOn).ToList();
        Assert.Equal(2, returns.Count);   // q2 is in progress
        Assert.Equal("9", returns[0].Answers["nps"]);   // first answer only
        Assert.Equal("yes", returns[0].Answers["child"]);
        Assert.Equal("4.50", returns[0].Answers["a"]);
        Assert.Equal("false", returns[0].Answers["b"]);
        Assert.Equal("fine", returns[0].Answers["c"]);
        Assert.False(returns[0].Answers.ContainsKey("d"));   // valueDate is not a supported answer type
        Assert.Equal("7", returns[1].Answers["nps"]);        // from source when there is no subject
        var thread = Assert.Single(result.Data.PortalThreads);
        Assert.Equal(DateTimeOffset.Parse("2024-02-03T11:00:00Z", System.Globalization.CultureInfo.InvariantCulture), thread.FirstStaffReplyAt);
    }
}
