using System.Text;
using System.Text.Json;
using PatientCentric.Records;
using PatientCentric.Serialization;

namespace PatientCentric.Tests.Serialization;

public sealed class PracticeDataSetReaderTests
{
    private const string Sentinel = "PID-SENTINEL-7f3a";

    private static string Valid(string appointments = "[]", string extra = "") => $$"""
        {
          "schemaVersion": 1,
          "practiceName": "Test",
          "timeZone": "America/Chicago",
          "period": { "start": "2025-01-01", "end": "2025-12-31" },
          "serviceLines": [ { "key": "primary-care", "name": "Primary Care" } ],
          "appointments": {{appointments}}{{extra}}
        }
        """;

    private static string Appointment(string patientKey = "P1", string start = "2025-03-04T09:30:00-06:00", string line = "primary-care", string extra = "") => $$"""
        [ { "id": "A1", "patientKey": "{{patientKey}}", "serviceLine": "{{line}}", "bookedAt": "2025-02-20T10:00:00-06:00",
            "start": "{{start}}", "outcome": "Kept"{{extra}} } ]
        """;

    private static PracticeDataSet Read(string json) => PracticeDataSetReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "data.json");

    private static DataError ReadFails(string json) => Assert.Single(Assert.Throws<PatientCentricDataException>(() => Read(json)).Errors);

    // Found by HostileInputFuzzTests: a KPI value near the double range made the assumption monitors' XmR limits overflow,
    // and a KPI series or binding without its key crashed the monitors; both are input errors with a path (exit 2).
    [Theory]
    [InlineData("1e300")]
    [InlineData("-1e101")]
    public void Read_KpiValueBeyondTheBound_IsAnInputError(string value)
    {
        var error = ReadFails(Valid(extra: ", \"kpiSeries\": [ { \"key\": \"k\", \"name\": \"K\", \"points\": [ { \"period\": \"2025-01\", \"value\": 0.4 }, { \"period\": \"2025-02\", \"value\": " + value + " } ] } ]"));
        Assert.Equal(("PC0100", "$.kpiSeries[0].points[1].value"), (error.Code, error.Path));
    }

    [Theory]
    [InlineData(", \"kpiSeries\": [ { \"name\": \"K\", \"points\": [] } ]", "$.kpiSeries[0].key")]
    [InlineData(", \"assumptionBindings\": [ { \"stakeholderKey\": \"s\", \"criterionKey\": \"c\" } ]", "$.assumptionBindings[0].seriesKey")]
    public void Read_KpiSeriesOrBindingWithoutItsKey_IsAnInputError(string extra, string path)
    {
        var error = ReadFails(Valid(extra: extra));
        Assert.Equal(("PC0103", path), (error.Code, error.Path));
    }

    [Fact]
    public void Read_ValidDocument_GivesRecordsWithOffsetsAndEmptyCollections()
    {
        var data = Read(Valid(Appointment()));
        var a = Assert.Single(data.Appointments);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 9, 30, 0, TimeSpan.FromHours(-6)), a.Start);
        Assert.Equal(AppointmentOutcome.Kept, a.Outcome);
        Assert.Empty(data.Claims);
        Assert.Empty(data.SurveyReturns);
    }

    [Fact]
    public void RoundTrip_WritesCamelCaseStringEnumsAndIsoDates_AndReadsBack()
    {
        var data = Read(Valid(Appointment()));
        string json = JsonSerializer.Serialize(data, PatientCentricJsonContext.Default.PracticeDataSet);
        Assert.Contains("\"outcome\":\"kept\"", json, StringComparison.Ordinal);
        Assert.Contains("\"start\":\"2025-03-04T09:30:00-06:00\"", json, StringComparison.Ordinal);
        Assert.Contains("\"period\":{\"start\":\"2025-01-01\",\"end\":\"2025-12-31\"}", json, StringComparison.Ordinal);
        Assert.DoesNotContain("cancelledAt", json, StringComparison.Ordinal);   // absent optional fields are omitted
        Assert.Equal(data.Appointments[0], Read(json).Appointments[0]);
    }

    [Fact]
    public void RoundTrip_EditsUnknownAndClosureUnknown_AreReadWrittenOnlyWhenTrue_AndReadBack()
    {
        const string Records = """
            ,
              "claims": [ { "id": "CL1", "patientKey": "P1", "serviceLine": "primary-care", "firstSubmittedOn": "2025-03-06",
                            "passedEditsWithoutIntervention": false, "editsUnknown": true, "adjudicatedOn": "2025-03-20",
                            "deniedAtFirstAdjudication": false, "chargeAmount": 180.00 },
                          { "id": "CL2", "patientKey": "P1", "serviceLine": "primary-care", "firstSubmittedOn": "2025-03-06",
                            "passedEditsWithoutIntervention": true, "chargeAmount": 90 } ],
              "referrals": [ { "id": "R1", "patientKey": "P1", "serviceLine": "primary-care", "specialty": "cardiology",
                               "authoredOn": "2025-03-04", "closureUnknown": true },
                             { "id": "R2", "patientKey": "P1", "serviceLine": "primary-care", "specialty": "cardiology",
                               "authoredOn": "2025-03-04", "reportReceivedOn": "2025-04-02" } ]
            """;
        var data = Read(Valid(extra: Records));
        Assert.Equal([true, false], data.Claims.Select(c => c.EditsUnknown));
        Assert.Equal([true, false], data.Referrals.Select(r => r.ClosureUnknown));
        string json = JsonSerializer.Serialize(data, PatientCentricJsonContext.Default.PracticeDataSet);
        Assert.Equal(1, json.Split("\"editsUnknown\":true").Length - 1);       // written when true only (the default false is left out)
        Assert.Equal(1, json.Split("\"closureUnknown\":true").Length - 1);
        Assert.DoesNotContain("\"editsUnknown\":false", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"closureUnknown\":false", json, StringComparison.Ordinal);
        var back = Read(json);
        Assert.Equal(data.Claims, back.Claims);
        Assert.Equal(data.Referrals, back.Referrals);
    }

    [Fact]
    public void Read_UnknownField_IsPC0101WithItsPathAndLine()
    {
        var e = ReadFails(Valid(Appointment(extra: ", \"startt\": 1")));
        Assert.Equal(("PC0101", "$.appointments[0].startt"), (e.Code, e.Path));
        Assert.Equal(8, e.Line);
        Assert.Equal("PC0101 data.json line 8, $.appointments[0].startt: unknown field; check its spelling against docs/data-model.md.", e.ToString());
    }

    [Fact]
    public void Read_InstantWithoutOffset_IsRefusedNotGuessed()
    {
        var e = ReadFails(Valid(Appointment(start: "2025-03-04T09:30:00")));
        Assert.Equal(("PC0100", "$.appointments[0].start"), (e.Code, e.Path));
        Assert.Equal("must be an ISO 8601 date-time with a UTC offset (Z or ±hh:mm), such as \"2025-03-04T09:30:00-06:00\".", e.Message);
    }

    [Theory]
    [InlineData("kept")]
    [InlineData("Kept")]    // the spelling written before camelCase, still read
    [InlineData("KEPT")]
    public void Read_EnumValue_InCamelCaseOrAnyCaseOfItsName(string outcome)
    {
        var data = Read(Valid(Appointment().Replace("\"Kept\"", $"\"{outcome}\"", StringComparison.Ordinal)));
        Assert.Equal(AppointmentOutcome.Kept, Assert.Single(data.Appointments).Outcome);
    }

    [Theory]
    [InlineData("\"" + Sentinel + "\"")]
    [InlineData("2")]
    public void Read_UnknownEnumValue_ListsTheAllowedValues_WithoutEchoingTheValue(string outcome)
    {
        var e = ReadFails(Valid(Appointment().Replace("\"Kept\"", outcome, StringComparison.Ordinal)));
        Assert.Equal(("PC0100", "$.appointments[0].outcome"), (e.Code, e.Path));
        Assert.Equal("expected one of \"booked\", \"kept\", \"noShow\", \"cancelled\".", e.Message);
        Assert.DoesNotContain(Sentinel, e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WrongType_NamesTheExpectedType()
    {
        var e = ReadFails(Valid("[]", ", \"claims\": 3"));
        Assert.Equal(("PC0100", "$.claims", "wrong type: expected an array."), (e.Code, e.Path, e.Message));
    }

    [Fact]
    public void Read_MalformedJson_GivesTheLine()
    {
        var e = ReadFails("{\n  \"schemaVersion\": 1,\n  \"practiceName\": oops\n}");
        Assert.Equal(("PC0100", 3L), (e.Code, e.Line));
    }

    [Fact]
    public void Read_SchemaProblems_AreAllCollected()
    {
        string json = """
            {
              "schemaVersion": 2, "practiceName": "", "timeZone": "Nowhere/Else",
              "serviceLines": [ { "key": "a", "name": "A" }, { "key": "a", "name": "A again" } ],
              "appointments": [ { "id": "A1", "patientKey": "P", "serviceLine": "zz", "bookedAt": "2025-01-01T09:00:00Z", "start": "2025-01-02T09:00:00Z", "outcome": "Kept" },
                                { "id": "A1", "patientKey": "P", "serviceLine": "a", "bookedAt": "2025-01-01T09:00:00Z", "start": "2025-01-02T09:00:00Z", "outcome": "NoShow", "cancelledBy": "Patient" } ],
              "surveyItems": [ { "key": "q", "text": "Q", "kind": "Rating", "categories": ["Never", "Always"], "aboutRole": "Customer" } ],
              "surveyReturns": [ { "id": "S1", "patientKey": "P", "serviceLine": "a", "returnedOn": "2025-01-03", "answers": { "q": "Always", "nope": "1" } } ]
            }
            """;
        var errors = Assert.Throws<PatientCentricDataException>(() => Read(json)).Errors;
        Assert.Equal(
        [
            "PC0102 $.schemaVersion", "PC0103 $.practiceName", "PC0108 $.timeZone", "PC0107 $.serviceLines[1].key",
            "PC0107 $.appointments[1].id", "PC0104 $.appointments[0].serviceLine", "PC0110 $.appointments[1].cancelledAt",
            "PC0105 $.surveyItems[0].categories", "PC0106 $.surveyReturns[0].answers[field 2]",
        ], errors.Select(e => $"{e.Code} {e.Path}"));
    }

    [Fact]
    public void BadRecord_NeverEchoesThePatientIdentifier()
    {
        string[] broken =
        [
            Valid(Appointment(patientKey: Sentinel, start: "2025-03-04T09:30:00")),
            Valid(Appointment(patientKey: Sentinel, line: "unknown-line")),
            Valid(Appointment(patientKey: Sentinel, start: Sentinel)),
            Valid($$"""[ { "id": "{{Sentinel}}", "patientKey": "{{Sentinel}}", "serviceLine": 5 } ]"""),
        ];
        foreach (string json in broken)
        {
            var e = Assert.Throws<PatientCentricDataException>(() => Read(json));
            Assert.DoesNotContain(Sentinel, e.ToString(), StringComparison.Ordinal);
            Assert.All(e.Errors, d => Assert.DoesNotContain(Sentinel, d.ToString(), StringComparison.Ordinal));
        }
    }
}
