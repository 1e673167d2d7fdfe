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
        // Lines that are valid UTF-8 with no backslash, whose strings are not checked one by one, and near misses.
        """{"resourceType":"Encounter","id":"e1","note":"café","subject":{"reference":"Patient/pé23"}}""",
        """{"resourceType":"Patient","id":"","name":[{"given":["Zoë"]}]}""",
        """{"resourceType":"Patient","name":[{"given":["Zoë"]}],"id":"p24","id":null}""",
        """{"resourceType":"Encounter","subject":{"reference":"Patient/p24?x=1"}}""",
        """{"resourceType":"Encounter","subject":{"reference":"Patient/_history/3"}}""",
        """{"resourceType":"Encounter","subject":{"reference":"x/Patient/p25/_history/2"}}""",
        """{"resourceType":"Encounter","subject":{"reference":""}}""",
        """{"resourceType":"Encounter","subject":{"reference":"Patient/"}}""",
        """{"resourceType":"Claim","item":[{"a":[1,{"b":{"c":[true,null]}}]}],"patient":{"reference":"Patient/p26","x":{"y":[]}}}""",
        """{"resourceType":"Encounter","note":"é","subject":{"reference":"Patient/p27"},"x":"a\tb"}""",
        """{"resourceType":"Appointment","start":"2024-05-06T07:08:09+02:00","participant":[{"actor":{"reference":"Patient/ü28"},"actor":{"reference":"Patient/p29"}}]}""",
        """{"resourceType":"Encounter","status":"finished","period":{"start":"2024-07-01T10:00:00-05:00"},"subject":{"reference":"Patient/p30"}}""",
        """{"resourceType":"Encounter","status":"finishe","period":{"start":"2024-07-01"},"subject":{"reference":"Patient/p30"}}""",
        """{"resourceType":"Encounter","subject":{"reference":"Patient/p31"},"extension":[{"url":"x","valueString":"\u00e9"}]}""",
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
        Assert.True(Same(reader, text));
    }

    /// <summary>The light read's key is the full parse's (the same patient hash, task, starts), and where the light read
    /// decides the line, the bytes it hashes decode to exactly the patient id the full parse keys the line by.</summary>
    private static bool Same(FhirPracticeReader reader, byte[] text)
    {
        if (reader.PatientOfLine(text) != reader.PatientOfLineByFacts(text)) return false;
        if (!Utf8PatientParser.TryRead(text, out var patient, out _, out _, out _)) return true;
        return (patient is { } id ? Encoding.UTF8.GetString(text.AsSpan()[id]) : null) == reader.PatientAndKeyByFacts(text).Patient;
    }

    /// <summary>The light read of a line, with the patient id it found decoded (the test's own decoding).</summary>
    private static (bool Decided, string? Patient, bool IsTask, string? Start, string? Visit) Light(byte[] text)
    {
        bool decided = Utf8PatientParser.TryRead(text, out var patient, out var isTask, out var start, out var visit);
        return (decided, patient is { } id ? Encoding.UTF8.GetString(text.AsSpan()[id]) : null, isTask, start, visit);
    }

    private static (bool Decided, string? Patient, bool IsTask, string? Start, string? Visit) Light(string line) =>
        Light(Encoding.UTF8.GetBytes(line));

    [Fact]
    public void PlainLines_AreDecidedWithoutTheFullParse_EscapedOnesAreNot()
    {
        Assert.Equal((true, "p6", false, (string?)null, (string?)null), Light(Lines[5]));   // the last start (a number) wins: none
        Assert.Equal((true, (string?)null, false, "2024-03-02T09:00:00Z", (string?)null), Light(Lines[6]));   // the last participant (not an array) wins: none
        Assert.Equal((true, "p9", true, (string?)null, (string?)null), Light(Lines[10]));
        Assert.Equal((true, "p15", false, (string?)null, (string?)null), Light(Lines[16]));
        Assert.Equal((true, "p4", false, (string?)null, (string?)null), Light(Lines[3]));   // cut from before "_history"
        // An escaped string, a resourceType that is not first, invalid UTF-8: left to the full parse.
        Assert.False(Light(Lines[23]).Decided);
        Assert.False(Light(Lines[22]).Decided);
        byte[] invalid = [.. Encoding.UTF8.GetBytes(Lines[2][..^3]), 0xFF, .. "\"}}"u8];   // inside the last reference
        Assert.False(Light(invalid).Decided);
        // Encounters: the visit start of a finished one that names no appointment (an array holding no object names none).
        string?[] visits = ["2024-02-03", null, "2024-01-01", null, null, "2024-01-01"];
        for (int i = 0; i < visits.Length; i++)
        {
            var light = Light(Lines[28 + i]);
            Assert.Equal((true, "p22", visits[i]), (light.Decided, light.Patient, light.Visit));
        }
    }

    [Property(MaxTest = 2_000)]
    public Property HostileLine_GivesWhatTheFullParseGives() =>
        Prop.ForAll(HostileFhir.Line().ToArbitrary(), Gen.Elements(false, true).ToArbitrary(), (line, slots) =>
        {
            var reader = Reader(slots);
            return Same(reader, line);
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
            return Same(reader, line);
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
                Assert.True(Same(reader, text));
            }
        Assert.True(lines > 0);
        Assert.True(decided > lines / 2, $"only {decided} of {lines} lines were decided by the light read");
    }
}
