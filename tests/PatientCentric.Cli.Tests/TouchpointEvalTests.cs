using System.Text.Json;

namespace PatientCentric.Cli.Tests;

public sealed class TouchpointEvalTests
{
    private static JsonElement Ok(string request)
    {
        var r = CliRunner.Eval(request);
        Assert.True(r.ExitCode == 0, r.Stderr);
        return JsonDocument.Parse(r.Stdout).RootElement.Clone();
    }

    private static string Bad(string request)
    {
        var r = CliRunner.Eval(request);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        return Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries))["error: ".Length..];
    }

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
    public void CleanClaimRate_CountsCleanBySubmission_AndDenialsByAdjudication()
    {
        var r = Ok("""{"measure":"clean-claim-rate","measurementPeriod":{"start":"2025-01-01","end":"2025-12-31"},"claims":[{"firstSubmittedOn":"2025-02-01","passedEditsWithoutIntervention":true,"adjudicatedOn":"2025-02-20","deniedAtFirstAdjudication":false},{"firstSubmittedOn":"2025-03-01","passedEditsWithoutIntervention":false,"adjudicatedOn":"2025-03-20","deniedAtFirstAdjudication":true},{"firstSubmittedOn":"2024-12-20","passedEditsWithoutIntervention":true,"adjudicatedOn":"2025-01-05","deniedAtFirstAdjudication":true},{"firstSubmittedOn":"2025-12-30","passedEditsWithoutIntervention":true}]}""");
        Assert.Equal(["submitted", "clean", "cleanClaimRate", "adjudicated", "denied", "initialDenialRate"], r.EnumerateObject().Select(p => p.Name));
        Assert.Equal((3, 2, 3, 2), (r.GetProperty("submitted").GetInt32(), r.GetProperty("clean").GetInt32(), r.GetProperty("adjudicated").GetInt32(), r.GetProperty("denied").GetInt32()));
        Assert.Equal(2.0 / 3, r.GetProperty("cleanClaimRate").GetDouble(), precision: 15);
    }

    [Theory]
    [InlineData("""{"measure":"clean-claim-rate","measurementPeriod":{"start":"2025-01-01","end":"2025-12-31"},"claims":[{"firstSubmittedOn":"2025-02-01","passedEditsWithoutIntervention":true,"adjudicatedOn":"2025-01-20","deniedAtFirstAdjudication":false}]}""", "$.claims[0].adjudicatedOn: the claim is adjudicated before its first submission.")]
    [InlineData("""{"measure":"clean-claim-rate","measurementPeriod":{"start":"2025-01-01","end":"2025-12-31"},"claims":[{"firstSubmittedOn":"2025-02-01","passedEditsWithoutIntervention":"yes"}]}""", "$.claims[0].passedEditsWithoutIntervention: expected true or false, got a string.")]
    [InlineData("""{"measure":"clean-claim-rate","measurementPeriod":{"start":"2025-01-01","end":"2025-12-31"},"claims":[{"firstSubmittedOn":"2025-02-01","passedEditsWithoutIntervention":true,"adjudicatedOn":"2025-02-20"}]}""", "$.claims[0].deniedAtFirstAdjudication: adjudicatedOn and deniedAtFirstAdjudication go together: give both or neither.")]
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
