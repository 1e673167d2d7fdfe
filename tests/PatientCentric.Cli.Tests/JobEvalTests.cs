using System.Text.Json;

namespace PatientCentric.Cli.Tests;

public sealed class JobEvalTests
{
    private static JsonElement Ok(string request) => CliRunner.EvalOk(request);

    private static string Bad(string request) => CliRunner.EvalBad(request);

    private const string Period = "\"measurementPeriod\":{\"start\":\"2018-01-01\",\"end\":\"2018-12-31\"}";

    [Fact]
    public void Pdc_PqaCase3_ShiftsTheEarlyRefill()
    {
        var r = Ok($$"""{"measure":"pdc",{{Period}},"fills":[ {"drug":"METFORMIN","dateOfService":"2018-03-25","daysSupply":90}, {"drug":"METFORMIN","dateOfService":"2018-07-05","daysSupply":90}, {"drug":"METFORMIN","dateOfService":"2018-09-25","daysSupply":90}]}""");
        Assert.Equal(["inDenominator", "indexDate", "treatmentDays", "daysCovered", "pdc", "adherent"], r.EnumerateObject().Select(p => p.Name));
        Assert.True(r.GetProperty("inDenominator").GetBoolean());
        Assert.Equal("2018-03-25", r.GetProperty("indexDate").GetString());
        Assert.Equal((282, 270), (r.GetProperty("treatmentDays").GetInt32(), r.GetProperty("daysCovered").GetInt32()));
        Assert.Equal(270.0 / 282, r.GetProperty("pdc").GetDouble());
        Assert.True(r.GetProperty("adherent").GetBoolean());
    }

    [Fact]
    public void Pdc_OneFill_IsOutOfTheDenominatorWithAPdc_AndNoFillInThePeriodHasNone()
    {
        var one = Ok($$"""{"measure":"pdc",{{Period}},"fills":[{"drug":"LISINOPRIL","dateOfService":"2018-01-01","daysSupply":90}]}""");
        Assert.False(one.GetProperty("inDenominator").GetBoolean());
        Assert.Equal(90.0 / 365, one.GetProperty("pdc").GetDouble());
        var none = Ok($$"""{"measure":"pdc",{{Period}},"fills":[{"drug":"LISINOPRIL","dateOfService":"2017-12-01","daysSupply":90}],"allowPriorSupply":true}""");
        Assert.False(none.GetProperty("inDenominator").GetBoolean());
        Assert.Equal(JsonValueKind.Null, none.GetProperty("pdc").ValueKind);
        Assert.Equal(JsonValueKind.Null, none.GetProperty("indexDate").ValueKind);
    }

    [Fact]
    public void Pdc_MinimumFillsAndPriorSupply_AreHonoured()
    {
        var r = Ok($$"""{"measure":"pdc",{{Period}},"minimumFills":1,"allowPriorSupply":true,"fills":[ {"drug":"SIMVASTATIN","dateOfService":"2017-12-15","daysSupply":90},{"drug":"SIMVASTATIN","dateOfService":"2018-01-10","daysSupply":90}]}""");
        Assert.True(r.GetProperty("inDenominator").GetBoolean());
        Assert.Equal(154, r.GetProperty("daysCovered").GetInt32());   // carried in to 14 Mar, then 15 Mar–12 Jun, from IPSD 10 Jan
    }

    [Theory]
    [InlineData("""{"measure":"pdc","measurementPeriod":{"start":"2018-01-01","end":"2017-12-31"},"fills":[]}""", "$.measurementPeriod.end: the period's end is before its start.")]
    [InlineData("""{"measure":"pdc","measurementPeriod":{"start":"2018-01-01","end":"2018-12-31"},"fills":[{"drug":"A","dateOfService":"2018-01-01","daysSupply":0}]}""", "$.fills[0].daysSupply: 0 is outside 1..100000.")]
    [InlineData("""{"measure":"pdc","measurementPeriod":{"start":"2018-01-01","end":"2018-12-31"},"fills":[{"drug":"A","dateOfService":"2018-13-01","daysSupply":30}]}""", "$.fills[0].dateOfService: not a date of the form \"yyyy-MM-dd\".")]
    [InlineData("""{"measure":"pdc","measurementPeriod":{"start":"2018-01-01","end":"2018-12-31"},"fills":[{"dateOfService":"2018-01-01","daysSupply":30}]}""", "$.fills[0].drug: required field is missing.")]
    [InlineData("""{"measure":"pdc","measurementPeriod":{"start":"2018-01-01","end":"2018-12-31"},"fills":[{"drug":"A","dateOfService":"2018-01-01"}]}""", "$.fills[0].daysSupply: required field is missing.")]
    [InlineData("""{"measure":"pdc","measurementPeriod":{"start":"2018-01-01","end":"2018-12-31"},"fills":[],"minimumFills":0}""", "$.minimumFills: 0 is outside 1..1000.")]
    [InlineData("""{"measure":"pdc","fills":[]}""", "$.measurementPeriod: required field is missing.")]
    [InlineData("""{"measure":"job-timeliness","asOf":"2025-06-30","jobs":[{"dueOn":"2025-03-01","done":"2025-02-27"}]}""", "$.jobs[0].done: unknown field; this request takes \"completedOn\", \"dueOn\", \"id\", \"kind\".")]
    [InlineData("""{"measure":"referral-closure","mode":"cms50","measurementPeriod":{"start":"2025-01-01","end":"2025-12-31"},"referrals":[{"id":"R1","authoredOn":"2025-01-10"}]}""", "$.referrals[0].patient: required field is missing (cms50 counts patients).")]
    [InlineData("""{"measure":"referral-closure","mode":"cms51","measurementPeriod":{"start":"2025-01-01","end":"2025-12-31"},"referrals":[]}""", "$.mode: must be \"referral\" or \"cms50\".")]
    [InlineData("""{"measure":"referral-closure","measurementPeriod":{"start":"2025-01-01","end":"2025-12-31"},"referrals":[{"id":"R1","authoredOn":"2025-01-10","reportReceivedOn":"2025-02-01","closureUnknown":true}]}""", "$.referrals[0].closureUnknown: a referral with a reportReceivedOn date shows that it closed; closureUnknown must be false or left out.")]
    [InlineData("""{"measure":"referral-closure","measurementPeriod":{"start":"2025-01-01","end":"2025-12-31"},"referrals":[{"id":"R1","authoredOn":"2025-01-10","closureUnknown":1}]}""", "$.referrals[0].closureUnknown: expected true or false, got a number.")]
    public void BadJobRequest_ExitsTwoNamingThePath(string request, string expected) => Assert.Equal(expected, Bad(request));

    [Fact]
    public void JobTimeliness_ClassifiesEveryState()
    {
        var r = Ok("""{"measure":"job-timeliness","asOf":"2025-06-30","graceDays":0,"missedAfterDays":30,"jobs":[ {"id":"L1","kind":"lab","dueOn":"2025-03-01","completedOn":"2025-02-27"},{"id":"L2","dueOn":"2025-03-01","completedOn":"2025-03-05"}, {"id":"L3","dueOn":"2025-07-01"},{"id":"L4","dueOn":"2025-06-10"},{"id":"L5","dueOn":"2025-04-01"}]}""");
        Assert.Equal((1, 1, 1, 1, 1), (r.GetProperty("onTime").GetInt32(), r.GetProperty("late").GetInt32(), r.GetProperty("pending").GetInt32(), r.GetProperty("overdue").GetInt32(), r.GetProperty("missed").GetInt32()));
        Assert.Equal(1.0 / 3, r.GetProperty("timelinessRate").GetDouble());
        Assert.Equal(2.0 / 3, r.GetProperty("completionRate").GetDouble());
        Assert.Equal(["onTime", "late", "pending", "overdue", "missed"], r.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("state").GetString()));
    }

    [Fact]
    public void ReferralClosure_ListsOpenLoopsOldestFirst()
    {
        var r = Ok("""{"measure":"referral-closure","measurementPeriod":{"start":"2025-01-01","end":"2025-12-31"},"asOf":"2025-12-31","windowDays":60,"referrals":[ {"id":"R1","authoredOn":"2025-01-10","reportReceivedOn":"2025-02-01"},{"id":"R2","authoredOn":"2025-03-01"}, {"id":"R3","authoredOn":"2025-12-01"},{"id":"R4","authoredOn":"2025-05-01","reportReceivedOn":"2025-08-01"}]}""");
        Assert.Equal(["mode", "eligible", "closed", "pending", "rate", "openLoops", "closureUnknown"], r.EnumerateObject().Select(p => p.Name));
        Assert.Equal((3, 1, 1), (r.GetProperty("eligible").GetInt32(), r.GetProperty("closed").GetInt32(), r.GetProperty("pending").GetInt32()));
        Assert.Equal(["R2:305", "R4:244"], r.GetProperty("openLoops").EnumerateArray().Select(o => $"{o.GetProperty("id").GetString()}:{o.GetProperty("ageDays").GetInt32()}"));
        Assert.Equal(0, r.GetProperty("closureUnknown").GetInt32());
    }

    [Fact]
    public void ReferralClosure_ClosureUnknown_IsLeftOutAndCounted_NeitherOpenNorPending()
    {
        var r = Ok("""{"measure":"referral-closure","measurementPeriod":{"start":"2025-01-01","end":"2025-12-31"},"asOf":"2025-12-31","referrals":[ {"id":"R1","authoredOn":"2025-01-10","reportReceivedOn":"2025-02-01"},{"id":"R2","authoredOn":"2025-03-01"}, {"id":"R3","authoredOn":"2025-04-01","closureUnknown":true},{"id":"R4","authoredOn":"2025-12-01","closureUnknown":true}]}""");
        Assert.Equal((2, 1, 0, 2), (r.GetProperty("eligible").GetInt32(), r.GetProperty("closed").GetInt32(), r.GetProperty("pending").GetInt32(), r.GetProperty("closureUnknown").GetInt32()));
        Assert.Equal(0.5, r.GetProperty("rate").GetDouble());
        Assert.Equal(["R2"], r.GetProperty("openLoops").EnumerateArray().Select(o => o.GetProperty("id").GetString()));

        var none = Ok("""{"measure":"referral-closure","mode":"cms50","measurementPeriod":{"start":"2025-01-01","end":"2025-12-31"},"referrals":[{"id":"R1","patient":"p1","authoredOn":"2025-01-10","closureUnknown":true}]}""");
        Assert.Equal((0, 1), (none.GetProperty("eligible").GetInt32(), none.GetProperty("closureUnknown").GetInt32()));
        Assert.Equal(JsonValueKind.Null, none.GetProperty("rate").ValueKind);   // unknown, not 0 %
    }
}
