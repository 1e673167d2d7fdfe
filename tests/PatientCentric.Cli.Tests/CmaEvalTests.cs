using System.Text.Json;

namespace PatientCentric.Cli.Tests;

public sealed class CmaEvalTests
{
    // AdhereR vignette, Table 1 (med.events patients 37 and 76), as eval events. Worked arithmetic:
    // tests/PatientCentric.Tests/Jobs/ContinuousMultipleIntervalMeasuresTests.cs and docs/adherence-cma.md.
    private const string Patient37 = """
        [{"date":"2036-04-10","category":"medA","duration":50,"perDay":4},{"date":"2036-07-30","category":"medA","duration":50,"perDay":4},
         {"date":"2036-09-15","category":"medA","duration":50,"perDay":4},{"date":"2037-01-02","category":"medB","duration":30,"perDay":4},
         {"date":"2037-01-31","category":"medB","duration":30,"perDay":4},{"date":"2037-05-09","category":"medB","duration":30,"perDay":4},
         {"date":"2037-08-13","category":"medB","duration":30,"perDay":4},{"date":"2037-11-09","category":"medB","duration":30,"perDay":4}]
        """;

    private const string Patient76 = """
        [{"date":"2035-12-13","category":"medA","duration":30,"perDay":20},{"date":"2036-01-18","category":"medA","duration":30,"perDay":20},
         {"date":"2036-01-23","category":"medA","duration":60,"perDay":2},{"date":"2036-04-25","category":"medA","duration":60,"perDay":2},
         {"date":"2036-08-08","category":"medA","duration":60,"perDay":2},{"date":"2036-10-03","category":"medA","duration":60,"perDay":2},
         {"date":"2036-11-29","category":"medA","duration":60,"perDay":2},{"date":"2036-12-21","category":"medB","duration":30,"perDay":6},
         {"date":"2037-01-05","category":"medB","duration":30,"perDay":6},{"date":"2037-07-13","category":"medB","duration":30,"perDay":6},
         {"date":"2037-10-11","category":"medA","duration":30,"perDay":2}]
        """;

    private const string VignetteWindows = """
        "followUpWindow":{"startDays":0,"durationDays":730},"observationWindow":{"startDays":182,"durationDays":365}
        """;

    private const string OneEvent = """[{"date":"2030-01-01","category":"medA","duration":30}]""";

    private static JsonElement Ok(string request) => CliRunner.EvalOk(request);

    private static string Bad(string request) => CliRunner.EvalBad(request);

    private static string Vignette(string cma, string events, bool carryOnlyForSameCategory = false) =>
        $$"""{"measure":"cma","cma":"{{cma}}","events":{{events}},{{VignetteWindows}},"carryOnlyForSameCategory":{{(carryOnlyForSameCategory ? "true" : "false")}}}""";

    private static string VignetteDosed(string cma, string events, bool considerDosageChange) =>
        $$"""{"measure":"cma","cma":"{{cma}}","events":{{events}},{{VignetteWindows}},"considerDosageChange":{{(considerDosageChange ? "true" : "false")}}}""";

    [Fact]
    public void Cma7_VignettePatient76_GivesEveryContractField()
    {
        var r = Ok(Vignette("CMA7", Patient76));
        Assert.Equal(["cma", "value"], r.EnumerateObject().Select(p => p.Name));
        Assert.Equal("CMA7", r.GetProperty("cma").GetString());
        // Hand-computed: gap days 45 (days 194–239) + 68 (days 479–547) in the 365-day OW → 252/365.
        Assert.Equal(252.0 / 365, r.GetProperty("value").GetDouble(), precision: 12);
    }

    [Fact]
    public void Cma1_VignettePatients_ReproduceThePublishedValues()
    {
        // AdhereR vignette, section "CMA1": 37 → 0.4035874, 76 → 1.4000000.
        Assert.Equal(0.4035874, Ok(Vignette("CMA1", Patient37)).GetProperty("value").GetDouble(), precision: 7);
        Assert.Equal(1.4, Ok(Vignette("CMA1", Patient76)).GetProperty("value").GetDouble(), precision: 7);
    }

    [Theory]
    [InlineData("CMA2", 240, 308)]
    [InlineData("CMA3", 1, 1)]
    [InlineData("CMA5", 1, 1)]
    [InlineData("CMA6", 240, 308)]
    [InlineData("CMA8", 240, 353)]
    public void EveryType_VignettePatient76_MatchesTheLibrary(string cma, int numerator, int denominator) =>
        Assert.Equal((double)numerator / denominator, Ok(Vignette(cma, Patient76)).GetProperty("value").GetDouble(), precision: 12);

    [Fact]
    public void CarryOnlyForSameCategory_DropsTheSurplusAtTheSwitch()
    {
        // Patient 76's 45 days of medA left on day 374 are dropped: gap days 45 + 113 → 207/365.
        var r = Ok(Vignette("CMA7", Patient76, carryOnlyForSameCategory: true));
        Assert.Equal(207.0 / 365, r.GetProperty("value").GetDouble(), precision: 12);
    }

    [Theory]
    [InlineData("CMA6", 210, 308)]
    [InlineData("CMA7", 973, 1095)]
    [InlineData("CMA8", 286, 408)]
    public void ConsiderDosageChange_ConvertsTheCarriedSupplyAtEachDoseChange(string cma, int numerator, int denominator)
    {
        // Patient 76: the 25 days of 20/day left on day 41 last 250 days at 2/day, and the 217 medA days (2/day) left at
        // the switch to medB (6/day) last 217/3 days; worked in full in ContinuousMultipleIntervalMeasuresTests.
        var r = Ok(VignetteDosed(cma, Patient76, considerDosageChange: true));
        Assert.Equal((double)numerator / denominator, r.GetProperty("value").GetDouble(), precision: 12);
        // false is the default, and equals leaving the field out.
        Assert.Equal(Ok(Vignette(cma, Patient76)).GetProperty("value").GetDouble(), Ok(VignetteDosed(cma, Patient76, considerDosageChange: false)).GetProperty("value").GetDouble());
    }

    [Fact]
    public void ConsiderDosageChange_OneDoseThroughout_ChangesNothing()
    {
        // Patient 37 takes 4/day at every event: CMA7 = 149/365 with or without the option.
        Assert.Equal(149.0 / 365, Ok(VignetteDosed("CMA7", Patient37, considerDosageChange: true)).GetProperty("value").GetDouble(), precision: 12);
    }

    [Fact]
    public void EventOnTheObservationWindowEnd_IsInside()
    {
        // OW = days [0, 100]; events on days 0 and 100 (10 days each): CMA1 = 10/100. With a 99-day OW, only one event.
        const string Events = """[{"date":"2030-01-01","category":"medA","duration":10},{"date":"2030-04-11","category":"medA","duration":10}]""";
        Assert.Equal(0.1, Ok($$$"""{"measure":"cma","cma":"CMA1","events":{{{Events}}},"observationWindow":{"startDays":0,"durationDays":100}}""").GetProperty("value").GetDouble(), precision: 12);
        Assert.Equal(JsonValueKind.Null, Ok($$$"""{"measure":"cma","cma":"CMA1","events":{{{Events}}},"observationWindow":{"startDays":0,"durationDays":99}}""").GetProperty("value").ValueKind);
    }

    [Fact]
    public void NotComputable_ValueIsNull()
    {
        var r = Ok($$"""{"measure":"cma","cma":"CMA1","events":{{OneEvent}}}""");
        Assert.Equal(["cma", "value"], r.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, r.GetProperty("value").ValueKind);
    }

    [Fact]
    public void OptionalFields_DefaultToAdhereRDefaults()
    {
        // FUW 0/730, OW 0/730, carry across categories, no dose conversion: one 30-day event gives CMA2 = 30/730.
        var bare = Ok($$"""{"measure":"cma","cma":"CMA2","events":{{OneEvent}}}""");
        var full = Ok($$"""{"measure":"cma","cma":"CMA2","events":{{OneEvent}},"followUpWindow":{"startDays":0,"durationDays":730},"observationWindow":{"startDays":0,"durationDays":730},"carryOnlyForSameCategory":false,"considerDosageChange":false}""");
        Assert.Equal(30.0 / 730, bare.GetProperty("value").GetDouble(), precision: 12);
        Assert.Equal(bare.GetProperty("value").GetDouble(), full.GetProperty("value").GetDouble());
    }

    [Fact]
    public void BriefExample_SingleEventBeforeTheOw_IsZero()
    {
        // One 30-day event on day 0; the OW is days [182, 547]: nothing covers it.
        var r = Ok("""{"measure":"cma","cma":"CMA7","events":[{"date":"2036-12-13","category":"medA","duration":30,"perDay":20}],"followUpWindow":{"startDays":0,"durationDays":730},"observationWindow":{"startDays":182,"durationDays":365},"carryOnlyForSameCategory":false}""");
        Assert.Equal(0.0, r.GetProperty("value").GetDouble());
    }

    [Fact]
    public void TableFormat_ShowsTheTypeAndAnEmptyValueWhenNotComputable()
    {
        var r = CliRunner.RunWithInput($$"""{"measure":"cma","cma":"CMA5","events":{{OneEvent}}}""", "eval", "--format", "table");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("CMA5", r.Stdout, StringComparison.Ordinal);
    }

    private const string Ev = """{"date":"2030-01-01","category":"medA","duration":30}""";

    [Theory]
    [InlineData($$"""{"measure":"cma","cma":"CMA10","events":[{{Ev}}]}""", "$.cma: unknown CMA type \"CMA10\"; expected one of \"CMA1\" to \"CMA9\".")]
    [InlineData($$"""{"measure":"cma","cma":"cma7","events":[{{Ev}}]}""", "$.cma: unknown CMA type \"cma7\"; expected one of \"CMA1\" to \"CMA9\".")]
    [InlineData($$"""{"measure":"cma","cma":"CMA0","events":[{{Ev}}]}""", "$.cma: unknown CMA type \"CMA0\"; expected one of \"CMA1\" to \"CMA9\".")]
    [InlineData($$"""{"measure":"cma","cma":7,"events":[{{Ev}}]}""", "$.cma: expected a string, got a number.")]
    [InlineData($$"""{"measure":"cma","events":[{{Ev}}]}""", "$.cma: required field is missing.")]
    [InlineData("""{"measure":"cma","cma":"CMA7"}""", "$.events: required field is missing.")]
    [InlineData("""{"measure":"cma","cma":"CMA7","events":[]}""", "$.events: the array is empty; at least one element is needed.")]
    [InlineData("""{"measure":"cma","cma":"CMA7","events":{"a":1}}""", "$.events: expected an array, got an object.")]
    [InlineData("""{"measure":"cma","cma":"CMA7","events":[3]}""", "$.events[0]: expected an object, got a number.")]
    [InlineData("""{"measure":"cma","cma":"CMA7","events":[{"date":"12/13/2036","category":"medA","duration":30}]}""", "$.events[0].date: expected a date as yyyy-MM-dd.")]
    [InlineData("""{"measure":"cma","cma":"CMA7","events":[{"date":"2036-02-30","category":"medA","duration":30}]}""", "$.events[0].date: expected a date as yyyy-MM-dd.")]
    [InlineData("""{"measure":"cma","cma":"CMA7","events":[{"date":"2036-2-3","category":"medA","duration":30}]}""", "$.events[0].date: expected a date as yyyy-MM-dd.")]
    [InlineData("""{"measure":"cma","cma":"CMA7","events":[{"date":20361213,"category":"medA","duration":30}]}""", "$.events[0].date: expected a string, got a number.")]
    [InlineData("""{"measure":"cma","cma":"CMA7","events":[{"category":"medA","duration":30}]}""", "$.events[0].date: required field is missing.")]
    [InlineData($$"""{"measure":"cma","cma":"CMA7","events":[{{Ev}},{{Ev}},{"date":"2030-03-01","category":"medA","duration":0}]}""", "$.events[2].duration: 0 is outside 1..2147483647.")]
    [InlineData("""{"measure":"cma","cma":"CMA7","events":[{"date":"2030-03-01","category":"medA","duration":-30}]}""", "$.events[0].duration: -30 is outside 1..2147483647.")]
    [InlineData("""{"measure":"cma","cma":"CMA7","events":[{"date":"2030-03-01","category":"medA","duration":7.5}]}""", "$.events[0].duration: 7.5 is not a whole number.")]
    [InlineData("""{"measure":"cma","cma":"CMA7","events":[{"date":"2030-03-01","category":"medA","duration":"30"}]}""", "$.events[0].duration: expected a whole number, got a string.")]
    [InlineData("""{"measure":"cma","cma":"CMA7","events":[{"date":"2030-03-01","category":"medA"}]}""", "$.events[0].duration: required field is missing.")]
    [InlineData("""{"measure":"cma","cma":"CMA7","events":[{"date":"2030-03-01","category":" ","duration":30}]}""", "$.events[0].category: a category must be a non-empty string.")]
    [InlineData("""{"measure":"cma","cma":"CMA7","events":[{"date":"2030-03-01","duration":30}]}""", "$.events[0].category: required field is missing.")]
    [InlineData("""{"measure":"cma","cma":"CMA7","events":[{"date":"2030-03-01","category":"medA","duration":30,"perDay":0}]}""", "$.events[0].perDay: expected a number above 0.")]
    [InlineData("""{"measure":"cma","cma":"CMA7","events":[{"date":"2030-03-01","category":"medA","duration":30,"perDay":-2}]}""", "$.events[0].perDay: expected a number above 0.")]
    [InlineData("""{"measure":"cma","cma":"CMA7","events":[{"date":"2030-03-01","category":"medA","duration":30,"perDay":"2"}]}""", "$.events[0].perDay: expected a number, got a string.")]
    [InlineData("""{"measure":"cma","cma":"CMA7","events":[{"date":"2030-03-01","category":"medA","duration":30,"days":30}]}""", "$.events[0].days: unknown field; this request takes \"category\", \"date\", \"duration\", \"perDay\".")]
    [InlineData($$$"""{"measure":"cma","cma":"CMA7","events":[{{{Ev}}}],"followUpWindow":{"startDays":-1,"durationDays":730}}""", "$.followUpWindow.startDays: -1 is outside 0..2147483647.")]
    [InlineData($$$"""{"measure":"cma","cma":"CMA7","events":[{{{Ev}}}],"followUpWindow":{"startDays":0,"durationDays":0}}""", "$.followUpWindow.durationDays: 0 is outside 1..2147483647.")]
    [InlineData($$$"""{"measure":"cma","cma":"CMA7","events":[{{{Ev}}}],"observationWindow":{"startDays":0,"durationDays":-365}}""", "$.observationWindow.durationDays: -365 is outside 1..2147483647.")]
    [InlineData($$$"""{"measure":"cma","cma":"CMA7","events":[{{{Ev}}}],"observationWindow":{"startDays":182}}""", "$.observationWindow.durationDays: required field is missing.")]
    [InlineData($$$"""{"measure":"cma","cma":"CMA7","events":[{{{Ev}}}],"observationWindow":{"startDays":182,"durationDays":365,"unit":"days"}}""", "$.observationWindow.unit: unknown field; this request takes \"durationDays\", \"startDays\".")]
    [InlineData($$"""{"measure":"cma","cma":"CMA7","events":[{{Ev}}],"followUpWindow":[0,730]}""", "$.followUpWindow: expected an object, got an array.")]
    [InlineData($$"""{"measure":"cma","cma":"CMA7","events":[{{Ev}}],"carryOnlyForSameCategory":"yes"}""", "$.carryOnlyForSameCategory: expected true or false, got a string.")]
    [InlineData($$"""{"measure":"cma","cma":"CMA7","events":[{{Ev}}],"considerDosageChange":1}""", "$.considerDosageChange: expected true or false, got a number.")]
    [InlineData($$$"""{"measure":"cma","cma":"CMA7","events":[{{{Ev}}}],"observationWindows":{}}""", "$.observationWindows: unknown field; this request takes \"carryOnlyForSameCategory\", \"cma\", \"considerDosageChange\", \"events\", \"followUpWindow\", \"measure\", \"observationWindow\".")]
    public void BadRequest_ExitsTwo_WithOneLineNamingThePath(string request, string expected) =>
        Assert.Equal(expected, Bad(request));

    [Fact]
    public void BadDate_NeverEchoesTheRecordValue()
    {
        const string Sentinel = "PID-SENTINEL-7f3a";
        string message = Bad($$"""{"measure":"cma","cma":"CMA7","events":[{"date":"{{Sentinel}}","category":"medA","duration":30}]}""");
        Assert.DoesNotContain(Sentinel, message, StringComparison.Ordinal);
    }
}
