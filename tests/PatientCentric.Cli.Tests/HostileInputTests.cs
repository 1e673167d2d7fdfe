using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PatientCentric.Cli.Sample;

namespace PatientCentric.Cli.Tests;

/// <summary>One regression test per class of defect the hostile-input fuzzing found in eval and <c>report --input</c>:
/// encoding, extreme numbers, instants near year 9999, runaway work, strict data-set reading and names in text.</summary>
public sealed class HostileInputTests
{
    private const string AsOf = "2026-01-15T12:00:00Z";

    private static CliRunner.Result EvalBytes(byte[] request)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        using var stdin = new MemoryStream(request);
        int code = new CliApp(TextReader.Null, output, error) { StdinBytes = stdin }.Run(["eval"]);
        return new CliRunner.Result(code, output.ToString(), error.ToString());
    }

    private static string OneLine(CliRunner.Result r)
    {
        Assert.True(r.ExitCode == 2, r.Stderr);
        Assert.Equal("", r.Stdout);
        return Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    // Encoding: one strict UTF-8 path for stdin bytes, stdin text and files.

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xE2, 0x82 })]
    public void Eval_InvalidUtf8InAString_ExitsTwo_FromStdinAndFile(byte[] bad)
    {
        byte[] request = [.. """{"measure":"review-themes","reviews":["ok """u8.ToArray(), .. bad, .. """ "]}"""u8.ToArray()];
        Assert.Contains("not valid UTF-8", OneLine(EvalBytes(request)), StringComparison.Ordinal);
        string file = Path.Combine(Path.GetTempPath(), $"pc-bad-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(file, request);
        try
        {
            Assert.Contains("not valid UTF-8", OneLine(CliRunner.Run("eval", file)), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("""{"measure":"review-themes","reviews":["ok \ud800 fine"]}""", "$.reviews[0]")]
    [InlineData("""{"measure":"nps","scores":[1],"\udc00":1}""", "$")]
    [InlineData("""{"measure":"cahps","categories":["No","Yes"],"responseCounts":{"Yes":3,"\ud83d":1}}""", "$.responseCounts")]
    public void Eval_LoneSurrogateEscape_ExitsTwoNamingThePath(string request, string path) =>
        Assert.Equal($"error: {path}: " + (path == "$.reviews[0]" ? "the string holds" : "a field name holds") + " a lone surrogate escape (such as \\ud800); it is not Unicode text.",
                     OneLine(CliRunner.Eval(request)));

    [Fact]
    public void Eval_StdinTextWithAnUnpairedSurrogate_ExitsTwo() =>
        Assert.Contains("not valid Unicode", OneLine(CliRunner.Eval("{\"measure\":\"review-themes\",\"reviews\":[\"a\uD800b\"]}")), StringComparison.Ordinal);

    [Fact]
    public void Eval_ByteOrderMark_IsAccepted() =>
        Assert.Equal(0, EvalBytes([0xEF, 0xBB, 0xBF, .. """{"measure":"nps","scores":[10,9,0]}"""u8.ToArray()]).ExitCode);

    [Fact]
    public void Eval_RepeatedFieldInANestedObject_ExitsTwo() =>
        Assert.Equal("error: $.criteria[0].weight: the field is given more than once.",
            OneLine(CliRunner.Eval("""{"measure":"topsis","alternatives":["x","y"],"criteria":[{"name":"c","weight":1,"weight":2,"type":"cost"}],"matrix":[[1],[2]]}""")));

    [Fact]
    public void Eval_ControlCharacterInAnEchoedName_StaysOneLine() =>
        Assert.Equal("error: $.measure: unknown measure \"a\\u000ab\"; run 'patientcentric eval --list' to see them.", OneLine(CliRunner.Eval("""{"measure":"a\nb"}""")));

    // Whole numbers: from the number's digits, never through decimal.

    [Theory]
    [InlineData("1e-30", "$.scores[0]: 1e-30 is not a whole number.")]
    [InlineData("10.000000000000000000000000000001", "$.scores[0]: 10.000000000000000000000000000001 is not a whole number.")]
    [InlineData("1e400", "$.scores[0]: 1e400 is outside 0..10.")]
    public void Eval_NotQuiteWholeNumbers_AreRefused(string number, string expected) =>
        Assert.Equal("error: " + expected, OneLine(CliRunner.Eval($$"""{"measure":"nps","scores":[{{number}}]}""")));

    [Fact]
    public void Eval_WholeNumbersWrittenWithAFractionOrExponent_AreRead() =>
        Assert.Equal(3, CliRunner.EvalOk("""{"measure":"nps","scores":[1e1,10.0,0.9e1]}""").GetProperty("n").GetInt32());

    // Extreme numbers: scale-safe, or refused with a clear message; never an unexpected exception.

    [Fact]
    public void Topsis_VectorNormalisation_DoesNotDependOnAColumnsScale()
    {
        static int[] Ranks(string big) => [.. CliRunner.EvalOk($$"""{"measure":"topsis","alternatives":["x","y","z"],"criteria":[{"name":"cost","weight":0.5,"type":"cost"},{"name":"quality","weight":0.5,"type":"benefit"}],"matrix":[[{{big}},6],[2{{big[1..]}},4],[3{{big[1..]}},5]]}""")
            .GetProperty("rank").EnumerateArray().Select(e => e.GetInt32())];
        Assert.Equal(Ranks("1e3"), Ranks("1e154"));
        Assert.Equal(Ranks("1e3"), Ranks("1e155"));
        Assert.Equal(Ranks("1e3"), Ranks("1e-320"));
    }

    [Fact]
    public void Topsis_NoNormalisation_WithValuesNearTheDoubleRange_GivesFiniteClosenessOrARefusal()
    {
        var fits = CliRunner.EvalOk("""{"measure":"topsis","alternatives":["x","y"],"criteria":[{"name":"a","weight":1,"type":"benefit"}],"matrix":[[1e308],[-1e307]],"normalisation":"none"}""");
        Assert.Equal([1.0, 0.0], fits.GetProperty("closeness").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal("error: $.matrix: the distances to the ideal exceed the double range (about 1.8e308); without normalisation, rescale the values (closeness does not depend on the unit).",
            OneLine(CliRunner.Eval("""{"measure":"topsis","alternatives":["x","y"],"criteria":[{"name":"a","weight":1,"type":"benefit"}],"matrix":[[1e308],[-1e308]],"normalisation":"none"}""")));
    }

    [Fact]
    public void RelativeWeights_OutcomeScaledBy1e200_GivesTheSameWeights()
    {
        static double[] Weights(double scale)
        {
            var rows = new[] { (1, 2, 3), (2, 1, 5), (4, 3, 1), (3, 5, 2), (5, 4, 4), (2, 2, 2) }
                .Select(t => string.Create(CultureInfo.InvariantCulture, $$"""{"y":{{t.Item1 * scale:R}},"a":{{t.Item2}},"b":{{t.Item3}}}"""));
            var r = CliRunner.EvalOk($$"""{"measure":"relative-weights","outcome":"y","predictors":["a","b"],"rows":[{{string.Join(",", rows)}}]}""");
            return [r.GetProperty("rSquared").GetDouble(), .. r.GetProperty("rawWeights").EnumerateObject().Select(w => w.Value.GetDouble())];
        }
        var plain = Weights(1);
        Assert.True(plain[0] > 0);
        Assert.Equal(plain, Weights(1e200), new ToleranceComparer(1e-12));
        Assert.Equal(plain, Weights(1e-300), new ToleranceComparer(1e-12));
    }

    [Theory]
    [InlineData("""{"measure":"ahp","items":["a","b","c"],"pairwise":[{"row":"a","col":"b","value":1e308},{"row":"a","col":"c","value":5e-324},{"row":"b","col":"c","value":2}]}""")]
    [InlineData("""{"measure":"runs","values":[1e308,1.7e308,-1e308,1e308,1e308,-1.7e308,1e308,1e308,-1e308,1e308,1e308,-1e308],"centre":"mean"}""")]
    [InlineData("""{"measure":"ipa","crosshair":"grandMeans","attributes":[{"name":"a","importance":1e308,"performance":1.7e308},{"name":"b","importance":1.7e308,"performance":1e308}]}""")]
    [InlineData("""{"measure":"pareto","qualityFloor":0.5,"bounds":{"customerService":{"worst":-1e308,"best":1e308},"qualityOfCare":{"worst":0.5,"best":1.0},"costEffectiveness":{"worst":1e308,"best":-1e308}},"options":[{"name":"a","customerService":1e308,"qualityOfCare":0.9,"costEffectiveness":-1e308},{"name":"b","customerService":5e-324,"qualityOfCare":0.6,"costEffectiveness":1e308}]}""")]
    [InlineData("""{"measure":"primary-customer","strategy":"topsis","stakeholders":[{"key":"p"},{"key":"q"}],"criteria":[{"key":"c","direction":"benefit","scaleLow":-1e308,"scaleHigh":1e308}],"assessments":[{"stakeholder":"p","criterion":"c","value":1e308,"source":"s","assessedOn":"2025-01-01"},{"stakeholder":"q","criterion":"c","value":-1e308,"source":"s","assessedOn":"2025-01-01"}]}""")]
    public void ExtremeNumbers_GiveFiniteJsonOrOneLineRefusal_NeverAnUnexpectedException(string request)
    {
        var r = CliRunner.Eval(request);
        if (r.ExitCode == 0)
            Assert.NotNull(JsonNode.Parse(r.Stdout));
        else
            OneLine(r);
    }

    [Fact]
    public void Ahp_JudgementBeyond1e100_IsRefusedWithTheRange() =>
        Assert.Equal("error: $.pairwise[0].value: must be from 1e-100 to 1e100 (Saaty's scale is 1/9 to 9); larger ratios overflow the priorities.",
            OneLine(CliRunner.Eval("""{"measure":"ahp","items":["a","b"],"pairwise":[{"row":"a","col":"b","value":1e308}]}""")));

    // Instants near year 9999: saturating arithmetic.

    [Theory]
    [InlineData("""{"measure":"portal-response","timeZone":"Pacific/Kiritimati","asOf":"9999-12-31T23:59:59Z","targetBusinessDays":2,"threads":[{"sentAt":"9999-12-30T09:00:00-06:00"}]}""")]
    [InlineData("""{"measure":"job-timeliness","asOf":"9999-12-31","graceDays":365,"missedAfterDays":365,"jobs":[{"id":"L1","kind":"lab","dueOn":"9999-12-30"}]}""")]
    [InlineData("""{"measure":"referral-closure","mode":"referral","measurementPeriod":{"start":"9999-01-01","end":"9999-12-31"},"asOf":"9999-12-31","windowDays":365,"referrals":[{"id":"R1","patient":"p1","authoredOn":"9999-12-20"}]}""")]
    [InlineData("""{"measure":"referral-closure","mode":"cms50","measurementPeriod":{"start":"9999-06-01","end":"9999-12-31"},"asOf":"9999-12-31","referrals":[{"id":"R1","patient":"p1","authoredOn":"9999-06-20"}]}""")]
    [InlineData("""{"measure":"tnaa","timeZone":"Pacific/Kiritimati","horizonDays":3650,"dayCount":"business","snapshots":[{"takenAt":"9999-12-31T08:00:00Z","slots":[{"start":"9999-12-31T10:00:00Z","status":"free"}]}]}""")]
    [InlineData("""{"measure":"lead-time","timeZone":"Pacific/Kiritimati","appointments":[{"bookedAt":"9999-12-31T20:00:00Z","start":"9999-12-31T23:00:00Z"}]}""")]
    public void InstantsNearYear9999_AreScored(string request) => CliRunner.EvalOk(request);

    // Runaway work.

    [Fact]
    public void RunsLimits_HundredsOfLargeN_IsRefusedAsTooMuchWork()
    {
        string ns = string.Join(",", Enumerable.Range(0, 300).Select(i => 9_999_000 + i));
        Assert.StartsWith("error: $.n: the distinct n add up to more than 50,000,000", OneLine(CliRunner.Eval($$"""{"measure":"runs-limits","n":[{{ns}}]}""")), StringComparison.Ordinal);
    }

    [Fact]
    public void RunsLimits_TheSameLargeNRepeated_IsComputedOnce() =>
        Assert.Equal(300, CliRunner.EvalOk($$"""{"measure":"runs-limits","n":[{{string.Join(",", Enumerable.Repeat(1_000_000, 300))}}]}""").GetProperty("table").GetArrayLength());

    [Fact]
    public void PortalResponse_ThreadsSpanningMillenniaInAll_AreRefusedAsTooMuchWork()
    {
        // One thread from 0001 to 9999 is ~3.65 million calendar days (a couple of seconds of exact counting) and is
        // scored; two of them exceed the 5,000,000-day cap and are refused before any counting starts.
        const string Calendar = "\"measure\":\"portal-response\",\"timeZone\":\"America/Chicago\",\"asOf\":\"9999-12-30T09:00:00-06:00\",\"targetBusinessDays\":2";
        const string Thread = "{\"sentAt\":\"0001-01-02T09:00:00-06:00\",\"firstReplyAt\":\"9999-12-29T12:00:00-06:00\"}";
        Assert.Equal(1, CliRunner.EvalOk($"{{{Calendar},\"threads\":[{Thread}]}}").GetProperty("answered").GetInt32());
        Assert.StartsWith("error: $.threads: the threads span 7,304,",
            OneLine(CliRunner.Eval($"{{{Calendar},\"threads\":[{Thread},{Thread}]}}")), StringComparison.Ordinal);
    }

    // report: --as-of and the JSON data-set reader.

    [Fact]
    public void Report_AsOfWithoutAnOffset_IsRefused()
    {
        var r = CliRunner.Run("report", "--as-of", "2026-01-15T12:00:00");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error: --as-of: not an ISO 8601 instant with a UTC offset", r.Stderr, StringComparison.Ordinal);
    }

    private static JsonObject SmallDataSet()
    {
        var data = (JsonObject)JsonNode.Parse(CliApp.SampleJson(SamplePracticeGenerator.Generate(seed: 7, patients: 40)))!;
        foreach (var (name, value) in data.ToList())
        {
            // Declarations stay whole (records refer to them); record lists keep their first three.
            if (value is JsonArray list && name is not ("serviceLines" or "surveyItems" or "kpiSeries" or "assumptionBindings"))
                while (list.Count > 3) list.RemoveAt(list.Count - 1);
        }
        return data;
    }

    private static CliRunner.Result Report(byte[] data)
    {
        string file = Path.Combine(Path.GetTempPath(), $"pc-data-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(file, data);
        try
        {
            return CliRunner.Run("report", "--input", file, "--format", "json", "--as-of", AsOf);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static CliRunner.Result Report(string json) => Report(Encoding.UTF8.GetBytes(json));

    private static string[] Problems(CliRunner.Result r)
    {
        Assert.True(r.ExitCode == 2, r.Stderr);
        Assert.Equal("", r.Stdout);
        return [.. r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Trim())];
    }

    [Fact]
    public void Report_DataSetWithABom_IsRead() =>
        Assert.Equal(0, Report([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(SmallDataSet().ToJsonString())]).ExitCode);

    [Fact]
    public void Report_RepeatedField_IsAnErrorWithItsLine_NotLastOneWins()
    {
        string json = SmallDataSet().ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        int at = json.IndexOf("\"outcome\": \"kept\"", StringComparison.Ordinal);
        Assert.True(at >= 0, "the small data set has a kept appointment");
        json = json[..at] + "\"outcome\": \"noShow\",\n" + json[at..];
        long line = json[..at].Count(c => c == '\n') + 1;
        Assert.Matches($@"^PC0107 pc-data-\w+\.json line {line + 1}, \$\.appointments\[0\]\.outcome: the field is given more than once\.$", Assert.Single(Problems(Report(json))));
    }

    [Fact]
    public void Report_EnumAsANumber_AndEverySchemaProblem_AreListedWithLines()
    {
        var data = SmallDataSet();
        data["appointments"]![0]!["outcome"] = 99;
        data["appointments"]![1]!["start"] = "2025-03-04T09:30:00";
        data["appointments"]![2]!["clinicianKey"] = 7;
        var problems = Problems(Report(data.ToJsonString(new JsonSerializerOptions { WriteIndented = true })));
        Assert.Equal(3, problems.Length);
        Assert.Matches(@"^PC0100 .* line \d+, \$\.appointments\[0\]\.outcome: expected one of ""booked"", ""kept"", ""noShow"", ""cancelled""\.$", problems[0]);
        Assert.Matches(@"^PC0100 .* line \d+, \$\.appointments\[1\]\.start: must be an ISO 8601 date-time with a UTC offset", problems[1]);
        Assert.Matches(@"^PC0100 .* line \d+, \$\.appointments\[2\]\.clinicianKey: wrong type: expected a string\.$", problems[2]);
    }

    [Fact]
    public void Report_UndeclaredSurveyAnswerKey_IsNamedByPosition_NeverByItsText()
    {
        const string Sentinel = "PID-SENTINEL-7f3a";
        var data = SmallDataSet();
        var answers = (JsonObject)data["surveyReturns"]![0]!["answers"]!;
        answers[Sentinel] = "10";
        var r = Report(data.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        string problem = Assert.Single(Problems(r));
        Assert.DoesNotContain(Sentinel, r.Stderr, StringComparison.Ordinal);
        Assert.Matches($@"^PC0106 .* line \d+, \$\.surveyReturns\[0\]\.answers\[field {answers.Count}\]: answers an item that \$\.surveyItems does not declare\.$", problem);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"stakeholders":[{"key":"p"},{"key":"p"}],"criteria":[{"key":"c","weight":1,"direction":"Benefit","scaleLow":0,"scaleHigh":1}]}""")]
    [InlineData("""{"stakeholders":[{"key":"p"}],"criteria":[{"key":"c","weight":1,"direction":"Benefit","scaleLow":1,"scaleHigh":0}]}""")]
    public void Report_PrimaryCustomerTheStrategyCannotUse_IsAPcError(string primaryCustomer)
    {
        var data = SmallDataSet();
        data["primaryCustomer"] = JsonNode.Parse(primaryCustomer);
        data.Remove("assumptionBindings");
        var r = Report(data.ToJsonString());
        Assert.True(r.ExitCode == 2, r.Stderr);
        Assert.Contains("PC0112", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_DepartureInYear9999_IsScored()
    {
        var data = SmallDataSet();
        data["appointments"]![0]!["departedAt"] = "9999-12-31T23:59:59Z";
        data["timeZone"] = "Pacific/Kiritimati";
        var r = Report(data.ToJsonString());
        Assert.True(r.ExitCode == 0, r.Stderr);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
