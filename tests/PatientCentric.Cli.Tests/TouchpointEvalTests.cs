using System.Text.Json;

namespace PatientCentric.Cli.Tests;

public sealed class TouchpointEvalTests
{
    private static JsonElement Ok(string request) => CliRunner.EvalOk(request);

    private static string Bad(string request) => CliRunner.EvalBad(request);

    [Fact]
    public void Tnaa_CountsToTheThirdBookableSlot_AndCensorsBeyondTheHorizon()
    {
        var r = Ok("""{"measure":"tnaa","timeZone":"America/Chicago","dayCount":"business","holidays":["2025-03-05"],"snapshots":[{"takenAt":"2025-03-03T08:00:00-06:00","slots":[{"start":"2025-03-03T10:00:00-06:00"},{"start":"2025-03-03T11:00:00-06:00","held":true},{"start":"2025-03-04T09:00:00-06:00","status":"busy-tentative"},{"start":"2025-03-05T09:00:00-06:00"},{"start":"2025-03-10T09:00:00-05:00"}]},{"takenAt":"2025-03-10T08:00:00-05:00","slots":[]}]}""");
        Assert.Equal(["snapshots", "n", "censored", "mean", "median"], r.EnumerateObject().Select(p => p.Name));
        Assert.Equal(4, r.GetProperty("snapshots")[0].GetProperty("value").GetInt32());   // 4, 6, 7, 10 March (5 March is a holiday)
        Assert.True(r.GetProperty("snapshots")[1].GetProperty("censored").GetBoolean());
        Assert.Equal((1, 1, 4.0), (r.GetProperty("n").GetInt32(), r.GetProperty("censored").GetInt32(), r.GetProperty("mean").GetDouble()));
    }

    [Fact]
    public void PortalResponse_CountsBusinessHoursOnTheCalendar()
    {
        var r = Ok("""{"measure":"portal-response","timeZone":"America/Chicago","asOf":"2025-03-07T09:00:00-06:00","targetBusinessDays":2,"threads":[{"sentAt":"2025-03-03T09:00:00-06:00","firstReplyAt":"2025-03-03T12:00:00-06:00"},{"sentAt":"2025-03-03T09:00:00-06:00","firstReplyAt":"2025-03-06T09:00:00-06:00"},{"sentAt":"2025-03-06T09:00:00-06:00"},{"sentAt":"2025-03-03T09:00:00-06:00"}]}""");
        Assert.Equal((2, 2, 1, 2), (r.GetProperty("answered").GetInt32(), r.GetProperty("open").GetInt32(), r.GetProperty("withinTarget").GetInt32(), r.GetProperty("breaches").GetInt32()));
        Assert.Equal(15.0, r.GetProperty("medianBusinessHours").GetDouble(), precision: 12);
        Assert.Equal(1.0 / 3, r.GetProperty("withinTargetRate").GetDouble(), precision: 15);
        Assert.Equal([3.0, 27.0], r.GetProperty("threads").EnumerateArray().Take(2).Select(t => t.GetProperty("businessHours").GetDouble()));
    }

    [Fact]
    public void LeadTime_UsesLocalCalendarDays()
    {
        var r = Ok("""{"measure":"lead-time","timeZone":"America/Chicago","appointments":[{"bookedAt":"2025-01-09T23:30:00-06:00","start":"2025-01-10T08:00:00-06:00"},{"bookedAt":"2025-01-01T09:00:00-06:00","start":"2025-01-10T08:00:00-06:00"},{"bookedAt":"2025-01-12T09:00:00-06:00","start":"2025-01-10T08:00:00-06:00"}]}""");
        Assert.Equal(["n", "excluded", "exclusions", "median", "p90"], r.EnumerateObject().Select(p => p.Name));
        Assert.Equal((2, 1, 5.0), (r.GetProperty("n").GetInt32(), r.GetProperty("excluded").GetInt32(), r.GetProperty("median").GetDouble()));
        Assert.Equal(8.2, r.GetProperty("p90").GetDouble(), precision: 12);   // h = 0.9: 1 + 0.9·(9 − 1)
        Assert.Equal(1, r.GetProperty("exclusions").GetProperty("start-before-booking").GetInt32());
    }

    [Fact]
    public void CycleTime_CountsExclusionsByReason()
    {
        var r = Ok("""{"measure":"cycle-time","timeZone":"America/Chicago","visits":[{"arrivedAt":"2025-03-03T08:50:00-06:00","departedAt":"2025-03-03T09:47:30-06:00"},{"arrivedAt":"2025-03-03T09:00:00-06:00"},{"arrivedAt":"2025-03-03T09:00:00-06:00","departedAt":"2025-03-03T08:00:00-06:00"}]}""");
        Assert.Equal((1, 2, 57.5), (r.GetProperty("n").GetInt32(), r.GetProperty("excluded").GetInt32(), r.GetProperty("median").GetDouble()));
        Assert.Equal(1, r.GetProperty("exclusions").GetProperty("departure-before-arrival").GetInt32());
    }

    [Fact]
    public void Touchpoints_RunsEveryTouchpointScorerOnABatch()
    {
        string appointments = string.Join(",", Enumerable.Range(1, 12).Select(i =>
            $$"""{"id":"A{{i}}","patientKey":"P{{i}}","serviceLine":"pc","bookedAt":"2025-03-01T09:00:00-06:00","start":"2025-03-{{i + 10}}T09:00:00-05:00","outcome":"Kept","arrivedAt":"2025-03-{{i + 10}}T08:55:00-05:00","seenAt":"2025-03-{{i + 10}}T09:{{10 + i}}:00-05:00","departedAt":"2025-03-{{i + 10}}T09:45:00-05:00"}"""));
        var r = Ok("""{"measure":"touchpoints","asOf":"2025-04-01T00:00:00Z","dataSet":{"schemaVersion":1,"practiceName":"X","timeZone":"America/Chicago","period":{"start":"2025-03-01","end":"2025-03-31"},"serviceLines":[{"key":"pc","name":"Primary care"}],"appointments":["""
                   + appointments + "]}}");
        var cards = r.GetProperty("cards").EnumerateArray().ToList();
        Assert.Contains(cards, c => c.GetProperty("measureKey").GetString() == "cycle-time" && c.GetProperty("value").GetDouble() == 50);
        Assert.Contains(cards, c => c.GetProperty("measureKey").GetString() == "wait-to-be-seen" && c.GetProperty("evidenceCount").GetInt32() == 12);
        Assert.Contains(cards, c => c.GetProperty("measureKey").GetString() == "no-show-rate" && c.GetProperty("status").GetString() == "insufficientData");
    }

    [Fact]
    public void ReviewThemes_CountsProsAndCons_WithScrubbedSnippets()
    {
        var r = Ok("""{"measure":"review-themes","reviews":["Dr. Amelia Watson listened and was so kind. We waited 40 minutes though.","Not clean, and the receptionist Jordan was rude."]}""");
        var compassion = r.GetProperty("themes")[0];
        Assert.Equal(("compassion", 1, 1), (compassion.GetProperty("commitment").GetString(), compassion.GetProperty("pros").GetInt32(), compassion.GetProperty("cons").GetInt32()));
        Assert.DoesNotContain("Watson", r.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Jordan", r.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Commitments_ScoresTheRubric()
    {
        var r = Ok("""{"measure":"commitments","commitments":[{"name":"respecting-time","measures":[{"key":"wait-to-be-seen","value":15,"worst":60,"best":0,"weight":2},{"key":"lead-time","value":7,"worst":30,"best":0},{"key":"tnaa","worst":30,"best":0}]}]}""");
        var c = r.GetProperty("commitments")[0];
        Assert.Equal(((2 * 0.75) + (23.0 / 30)) / 3, c.GetProperty("score").GetDouble(), precision: 15);
        Assert.Equal(["tnaa"], c.GetProperty("skipped").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void CleanClaimRate_CountsCleanBySubmission_AndDenialsByAdjudication()
    {
        var r = Ok("""{"measure":"clean-claim-rate","measurementPeriod":{"start":"2025-01-01","end":"2025-12-31"},"claims":[{"firstSubmittedOn":"2025-02-01","passedEditsWithoutIntervention":true,"adjudicatedOn":"2025-02-20","deniedAtFirstAdjudication":false},{"firstSubmittedOn":"2025-03-01","passedEditsWithoutIntervention":false,"adjudicatedOn":"2025-03-20","deniedAtFirstAdjudication":true},{"firstSubmittedOn":"2024-12-20","passedEditsWithoutIntervention":true,"adjudicatedOn":"2025-01-05","deniedAtFirstAdjudication":true},{"firstSubmittedOn":"2025-12-30","passedEditsWithoutIntervention":true}]}""");
        Assert.Equal(["submitted", "clean", "cleanClaimRate", "adjudicated", "denied", "initialDenialRate", "editsUnknown"], r.EnumerateObject().Select(p => p.Name));
        Assert.Equal((3, 2, 3, 2), (r.GetProperty("submitted").GetInt32(), r.GetProperty("clean").GetInt32(), r.GetProperty("adjudicated").GetInt32(), r.GetProperty("denied").GetInt32()));
        Assert.Equal(2.0 / 3, r.GetProperty("cleanClaimRate").GetDouble(), precision: 15);
        Assert.Equal(0, r.GetProperty("editsUnknown").GetInt32());
    }

    [Fact]
    public void CleanClaimRate_ClaimsWithUnknownEdits_LeaveTheCleanRateOnly()
    {
        // Two claims with a recorded edit result (one clean) and two without, as read from FHIR: clean 1 of 2; the denial
        // rate still counts all three adjudicated claims. passedEditsWithoutIntervention may be left out when editsUnknown.
        var r = Ok("""{"measure":"clean-claim-rate","measurementPeriod":{"start":"2025-01-01","end":"2025-12-31"},"claims":[{"firstSubmittedOn":"2025-02-01","passedEditsWithoutIntervention":true,"adjudicatedOn":"2025-02-20","deniedAtFirstAdjudication":false},{"firstSubmittedOn":"2025-03-01","passedEditsWithoutIntervention":false},{"firstSubmittedOn":"2025-03-02","editsUnknown":true,"adjudicatedOn":"2025-03-20","deniedAtFirstAdjudication":true},{"firstSubmittedOn":"2025-03-03","editsUnknown":true,"passedEditsWithoutIntervention":false,"adjudicatedOn":"2025-03-21","deniedAtFirstAdjudication":false}]}""");
        Assert.Equal((2, 1, 2, 3, 1), (r.GetProperty("submitted").GetInt32(), r.GetProperty("clean").GetInt32(), r.GetProperty("editsUnknown").GetInt32(),
                                      r.GetProperty("adjudicated").GetInt32(), r.GetProperty("denied").GetInt32()));
        Assert.Equal(0.5, r.GetProperty("cleanClaimRate").GetDouble());
        Assert.Equal(1.0 / 3, r.GetProperty("initialDenialRate").GetDouble(), precision: 15);

        var none = Ok("""{"measure":"clean-claim-rate","measurementPeriod":{"start":"2025-01-01","end":"2025-12-31"},"claims":[{"firstSubmittedOn":"2025-02-01","editsUnknown":true,"adjudicatedOn":"2025-02-20","deniedAtFirstAdjudication":false}]}""");
        Assert.Equal(JsonValueKind.Null, none.GetProperty("cleanClaimRate").ValueKind);   // unknown, not 0 and not 1
        Assert.Equal((0, 1), (none.GetProperty("submitted").GetInt32(), none.GetProperty("editsUnknown").GetInt32()));
        Assert.Equal(0.0, none.GetProperty("initialDenialRate").GetDouble());
    }

    [Theory]
    [InlineData("""{"measure":"clean-claim-rate","measurementPeriod":{"start":"2025-01-01","end":"2025-12-31"},"claims":[{"firstSubmittedOn":"2025-02-01","passedEditsWithoutIntervention":true,"adjudicatedOn":"2025-01-20","deniedAtFirstAdjudication":false}]}""", "$.claims[0].adjudicatedOn: the claim is adjudicated before its first submission.")]
    [InlineData("""{"measure":"clean-claim-rate","measurementPeriod":{"start":"2025-01-01","end":"2025-12-31"},"claims":[{"firstSubmittedOn":"2025-02-01","passedEditsWithoutIntervention":"yes"}]}""", "$.claims[0].passedEditsWithoutIntervention: expected true or false, got a string.")]
    [InlineData("""{"measure":"clean-claim-rate","measurementPeriod":{"start":"2025-01-01","end":"2025-12-31"},"claims":[{"firstSubmittedOn":"2025-02-01","passedEditsWithoutIntervention":true,"adjudicatedOn":"2025-02-20"}]}""", "$.claims[0].deniedAtFirstAdjudication: adjudicatedOn and deniedAtFirstAdjudication go together: give both or neither.")]
    [InlineData("""{"measure":"clean-claim-rate","measurementPeriod":{"start":"2025-01-01","end":"2025-12-31"},"claims":[{"firstSubmittedOn":"2025-02-01"}]}""", "$.claims[0].passedEditsWithoutIntervention: required field is missing.")]
    [InlineData("""{"measure":"clean-claim-rate","measurementPeriod":{"start":"2025-01-01","end":"2025-12-31"},"claims":[{"firstSubmittedOn":"2025-02-01","editsUnknown":false}]}""", "$.claims[0].passedEditsWithoutIntervention: required field is missing.")]
    [InlineData("""{"measure":"clean-claim-rate","measurementPeriod":{"start":"2025-01-01","end":"2025-12-31"},"claims":[{"firstSubmittedOn":"2025-02-01","editsUnknown":"yes"}]}""", "$.claims[0].editsUnknown: expected true or false, got a string.")]
    [InlineData("""{"measure":"touchpoints","dataSet":{"schemaVersion":1,"practiceName":"X","timeZone":"UTC","period":{"start":"2025-01-01","end":"2025-01-31"},"serviceLines":[],"appointments":[{"id":"A1"}]}}""", "$.dataSet.appointments[0].patientKey: PC0103 required; must be a non-empty string.")]
    [InlineData("""{"measure":"touchpoints","dataSet":{"schemaVersion":1,"practiceName":"X","timeZone":"UTC","serviceLines":[]}}""", "$.dataSet.period: required field is missing.")]
    [InlineData("""{"measure":"lead-time","timeZone":"UTC","appointments":[{"bookedAt":"2025-01-01T09:00:00Z"}]}""", "$.appointments[0].start: required field is missing.")]
    [InlineData("""{"measure":"cycle-time","timeZone":"UTC","visits":[{}]}""", "$.visits[0]: a visit needs arrivedAt, departedAt or both.")]
    [InlineData("""{"measure":"commitments","commitments":[{"name":"kindness","measures":[]}]}""", "$.commitments[0].name: not a commitment; one of compassion, safe-environment, trust, engagement, respecting-time, value-added-services.")]
    [InlineData("""{"measure":"commitments","commitments":[{"name":"trust","measures":[{"key":"x","value":1,"worst":2,"best":2}]}]}""", "$.commitments[0].measures[0].best: must differ from \"worst\".")]
    [InlineData("""{"measure":"review-themes","reviews":["ok",3]}""", "$.reviews[1]: expected a string, got a number.")]
    public void BadClaimRequest_ExitsTwoNamingThePath(string request, string expected) => Assert.Equal(expected, Bad(request));

    [Theory]
    [InlineData("""{"measure":"tnaa","timeZone":"Mars/Base","snapshots":[{"takenAt":"2025-03-03T08:00:00-06:00","slots":[]}]}""", "$.timeZone: not a known IANA time zone (for example \"America/Chicago\").")]
    [InlineData("""{"measure":"tnaa","timeZone":"UTC","snapshots":[{"takenAt":"2025-03-03T08:00:00","slots":[]}]}""", "$.snapshots[0].takenAt: must be an ISO 8601 date-time with a UTC offset (Z or ±hh:mm), such as \"2025-03-04T09:30:00-06:00\".")]
    [InlineData("""{"measure":"tnaa","timeZone":"UTC","snapshots":[{"takenAt":"2025-03-03T08:00:00Z","slots":[{"start":"2025-03-03T09:00:00Z","status":"open"}]}]}""", "$.snapshots[0].slots[0].status: must be \"free\", \"busy\", \"busy-tentative\" or \"busy-unavailable\".")]
    [InlineData("""{"measure":"portal-response","timeZone":"UTC","asOf":"2025-03-07T09:00:00Z","threads":[{"sentAt":"2025-03-03T09:00:00Z","firstReplyAt":"2025-03-03T08:00:00Z"}]}""", "$.threads[0].firstReplyAt: the reply is before the message.")]
    [InlineData("""{"measure":"portal-response","timeZone":"UTC","asOf":"2025-03-07T09:00:00Z","openingHours":[{"day":"Mon","opens":"08:00","closes":"17:00"}],"threads":[{"sentAt":"2025-03-03T09:00:00Z"}]}""", "$.openingHours[0].day: must be a weekday name such as \"Monday\".")]
    [InlineData("""{"measure":"portal-response","timeZone":"UTC","asOf":"2025-03-07T09:00:00Z","openingHours":[{"day":"Monday","opens":"17:00","closes":"08:00"}],"threads":[{"sentAt":"2025-03-03T09:00:00Z"}]}""", "$.openingHours[0].closes: must be after \"opens\", on the same day.")]
    public void BadTouchpointRequest_ExitsTwoNamingThePath(string request, string expected) => Assert.Equal(expected, Bad(request));
}
