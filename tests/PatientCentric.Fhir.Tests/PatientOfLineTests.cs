using System.Collections.Immutable;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace PatientCentric.Fhir.Tests;

/// <summary>The partition step's light read of a line (<see cref="FhirPracticeReader.PatientOfLine"/>) must give exactly
/// what the full parse and <c>PatientOf</c> give: the patient, whether it is a Task, an Appointment's start.</summary>
public sealed class PatientOfLineTests
{
    private static readonly ImmutableArray<byte> Key = [.. Enumerable.Range(1, 32).Select(i => (byte)(i * 5))];

    private static FhirPracticeReader Reader(bool slots) =>
        new(new FhirReadOptions { PseudonymKey = Key, SlotsObservedAt = slots ? new DateTimeOffset(2024, 3, 4, 7, 0, 0, TimeSpan.Zero) : null });

    private static readonly string[] Lines =
    [
        """{"resourceType":"Patient","id":"p1","meta":{"lastUpdated":"2024-01-01T00:00:00Z"}}""",
        """{"resourceType":"Patient","id":"p1","id":42}""",
        """{"resourceType":"Encounter","id":"e1","status":"finished","subject":{"reference":"Patient/p2","display":"x"},"subject":{"reference":"Patient/p3"}}""",
        """{"resourceType":"Encounter","id":"e1","subject":{"reference":"https://h.example/fhir/Patient/p4/_history/2"}}""",
        """{"resourceType":"Encounter","id":"e1","subject":"Patient/p5"}""",
        """{"resourceType":"Appointment","id":"a1","status":"booked","start":"2024-03-02T09:00:00Z","start":7,"participant":[{"actor":{"reference":"Practitioner/d1"}},3,{"actor":{"reference":"Patient/p6"}},{"actor":{"reference":"Patient/p7"}}]}""",
        """{"resourceType":"Appointment","id":"a1","start":"2024-03-02T09:00:00Z","participant":[{"actor":{"reference":"Patient/p6"}}],"participant":{}}""",
        """{"resourceType":"MedicationDispense","id":"d1","subject":{"reference":"Patient/p8"},"daysSupply":{"value":30,"code":"d"}}""",
        """{"resourceType":"MedicationRequest","id":"r1","subject":{"reference":"#contained"}}""",
        """{"resourceType":"ServiceRequest","id":"s1","subject":{"reference":"Group/g1"}}""",
        """{"resourceType":"Task","id":"t1","for":{"reference":"Patient/p9"},"status":"completed"}""",
        """{"resourceType":"Task","id":"t2"}""",
        """{"resourceType":"Claim","id":"c1","patient":{"reference":"Patient/p10"},"total":{"value":1}}""",
        """{"resourceType":"ClaimResponse","id":"cr1","patient":{"reference":"Patient/p11"},"request":{"reference":"Claim/c1"}}""",
        """{"resourceType":"ExplanationOfBenefit","id":"x1","patient":{"reference":"Patient/p12"},"claim":{"reference":"Claim/c1"}}""",
        """{"resourceType":"QuestionnaireResponse","id":"q1","source":{"reference":"Patient/p13"},"subject":{"reference":"Practitioner/d1"}}""",
        """{"resourceType":"Communication","id":"m1","recipient":[{"reference":"Practitioner/d1"},{"reference":"Patient/p14"}],"subject":{"reference":"Patient/p15"}}""",
        """{"resourceType":"Communication","id":"m2","recipient":[{"reference":"Practitioner/d1"},{"reference":"Patient/p14"}]}""",
        """{"resourceType":"Communication","id":"m3","sender":{"reference":"Patient/p16"},"recipient":[{"reference":"Patient/p14"}]}""",
        """{"resourceType":"Slot","id":"sl1","schedule":{"reference":"Schedule/s"}}""",
        """{"resourceType":"Schedule","id":"s"}""",
        """{"resourceType":"Observation","id":"o1","subject":{"reference":"Patient/p1"}}""",
        """{"id":"e1","resourceType":"Encounter","subject":{"reference":"Patient/p17"}}""",
        """{"resourceType":"Encounter","id":"e1","subject":{"reference":"Patient\/p18"}}""",
        """{"resourceType":"Encounter","id":"e1","note":"caf\u00e9","subject":{"reference":"Patient/p19"}}""",
        """{"resourceType":"Encounter","id":"e1","subject":{"reference":"Patient/p20"}} {}""",
        """{"resourceType":"Encounter","id":"e1","subject":{"reference":"Patient/p21"}""",
        """[{"resourceType":"Patient","id":"p1"}]""",
        // Visits the partitioning dates: a finished encounter naming no appointment, by its period's last start.
        """{"resourceType":"Encounter","id":"e2","status":"finished","subject":{"reference":"Patient/p22"},"period":{"start":"2024-01-01T09:00:00Z"},"period":{"end":"x","start":"2024-02-03"}}""",
        """{"resourceType":"Encounter","id":"e3","status":"finished","subject":{"reference":"Patient/p22"},"period":{"start":"2024-01-01"},"appointment":[{"reference":"Appointment/a1"}]}""",
        """{"resourceType":"Encounter","id":"e4","status":"finished","subject":{"reference":"Patient/p22"},"period":{"start":"2024-01-01"},"appointment":[3,"x"]}""",
        """{"resourceType":"Encounter","id":"e5","status":"in-progress","subject":{"reference":"Patient/p22"},"period":{"start":"2024-01-01"}}""",
        """{"resourceType":"Encounter","id":"e6","status":"finished","subject":{"reference":"Patient/p22"},"period":"2024-01-01","appointment":[]}""",
        """{"resourceType":"Encounter","id":"e7","status":"finished","subject":{"reference":"Patient/p22"},"period":{"start":"2024-01-01"},"appointment":[{}],"appointment":{}}""",
    ];

    public static TheoryData<int, bool> Cases()
    {
        var data = new TheoryData<int, bool>();
        for (int i = 0; i < Lines.Length; i++) { data.Add(i, false); data.Add(i, true); }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void HandMadeLine_GivesWhatTheFullParseGives(int index, bool slots)
    {
        var text = Encoding.UTF8.GetBytes(Lines[index]);
        var reader = Reader(slots);
        Assert.Equal(reader.PatientOfLineByFacts(text), reader.PatientOfLine(text));
    }

    [Fact]
    public void PlainLines_AreDecidedWithoutTheFullParse_EscapedOnesAreNot()
    {
        Assert.True(Utf8PatientParser.TryRead(Encoding.UTF8.GetBytes(Lines[5]), out var patient, out var isTask, out var start, out _));
        Assert.Equal(("p6", false, (string?)null), (patient, isTask, start));   // the last start (a number) wins: none
        Assert.True(Utf8PatientParser.TryRead(Encoding.UTF8.GetBytes(Lines[6]), out patient, out _, out start, out _));
        Assert.Equal((null, "2024-03-02T09:00:00Z"), (patient, start));   // the last participant (not an array) wins: none
        Assert.True(Utf8PatientParser.TryRead(Encoding.UTF8.GetBytes(Lines[10]), out patient, out isTask, out _, out _));
        Assert.Equal(("p9", true), (patient, isTask));
        Assert.True(Utf8PatientParser.TryRead(Encoding.UTF8.GetBytes(Lines[16]), out patient, out _, out _, out _));
        Assert.Equal("p15", patient);
        // An escaped string, a resourceType that is not first, invalid UTF-8: left to the full parse.
        Assert.False(Utf8PatientParser.TryRead(Encoding.UTF8.GetBytes(Lines[23]), out _, out _, out _, out _));
        Assert.False(Utf8PatientParser.TryRead(Encoding.UTF8.GetBytes(Lines[22]), out _, out _, out _, out _));
        byte[] invalid = [.. Encoding.UTF8.GetBytes(Lines[2][..^3]), 0xFF, .. "\"}}"u8];   // inside the last reference
        Assert.False(Utf8PatientParser.TryRead(invalid, out _, out _, out _, out _));
        // Encounters: the visit start of a finished one that names no appointment (an array holding no object names none).
        string?[] visits = ["2024-02-03", null, "2024-01-01", null, null, "2024-01-01"];
        for (int i = 0; i < visits.Length; i++)
        {
            Assert.True(Utf8PatientParser.TryRead(Encoding.UTF8.GetBytes(Lines[28 + i]), out patient, out _, out _, out var visit));
            Assert.Equal(("p22", visits[i]), (patient, visit));
        }
    }

    [Property(MaxTest = 2_000)]
    public Property HostileLine_GivesWhatTheFullParseGives() =>
        Prop.ForAll(HostileFhir.Line().ToArbitrary(), Gen.Elements(false, true).ToArbitrary(), (line, slots) =>
        {
            var reader = Reader(slots);
            return reader.PatientOfLine(line) == reader.PatientOfLineByFacts(line);
        });

    [Property(MaxTest = 1_000)]
    public Property MutatedLine_GivesWhatTheFullParseGives() =>
        Prop.ForAll(Gen.Elements(Lines).ToArbitrary(), Gen.Choose(0, 10_000).ToArbitrary(),
            Gen.Elements<byte[]>([0xFF], [(byte)'\\'], [(byte)'"'], [(byte)'{'], [(byte)'}'], [(byte)','], [0xC3, 0xA9], [])
                .ToArbitrary(), (template, at, insert) =>
        {
            var bytes = Encoding.UTF8.GetBytes(template);
            int cut = at % (bytes.Length + 1);
            byte[] line = [.. bytes.AsSpan(0, cut), .. insert, .. bytes.AsSpan(cut)];
            var reader = Reader(slots: false);
            return reader.PatientOfLine(line) == reader.PatientOfLineByFacts(line);
        });

    [Fact]
    public void BundledBulkExport_EveryLine_GivesWhatTheFullParseGives()
    {
        var reader = Reader(slots: true);
        int decided = 0, lines = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Data", "bulk"), "*.ndjson"))
            foreach (var line in File.ReadLines(file).Where(l => l.Length > 0))
            {
                var text = Encoding.UTF8.GetBytes(line);
                lines++;
                if (Utf8PatientParser.TryRead(text, out _, out _, out _, out _)) decided++;
                Assert.Equal(reader.PatientOfLineByFacts(text), reader.PatientOfLine(text));
            }
        Assert.True(lines > 0);
        Assert.True(decided > lines / 2, $"only {decided} of {lines} lines were decided by the light read");
    }
}
