using System.Globalization;
using System.Text.Json;

namespace PatientCentric.Cli.Tests;

public sealed class SpcEvalTests
{
    // R's set.seed(123); rnorm(20), the series of NHSRplotthedots' tests; its published summary: mean 0.141624,
    // lpl -3.01138, upl 3.294627, all 20 points common cause, target 0.5 (increase) → inconsistent (tests/testthat/_snaps/ptd_spc.md).
    private const string Rnorm20 =
        "-0.560475646552213,-0.23017748948328,1.55870831414912,0.070508391424576,0.129287735160946," +
        "1.71506498688328,0.460916205989202,-1.26506123460653,-0.686852851893526,-0.445661970099958," +
        "1.22408179743946,0.359813827057364,0.400771450594052,0.11068271594512,-0.555841134754075," +
        "1.78691313680308,0.497850478229239,-1.96661715662964,0.701355901563686,-0.472791407727934";

    private static JsonElement Ok(string request) => CliRunner.EvalOk(request);

    private static string Bad(string request) => CliRunner.EvalBad(request);

    [Fact]
    public void Xmr_PublishedExample_GivesEveryContractField()
    {
        var r = Ok($$"""{"measure":"xmr","values":[{{Rnorm20}}],"improvementDirection":"increase","target":0.5,"screenOutliers":true,"fixAfterNPoints":null}""");
        Assert.Equal(["mean", "lowerProcessLimit", "upperProcessLimit", "lowerNearLimit", "upperNearLimit", "points", "variationIcon", "assuranceIcon"],
                     r.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0.141624, r.GetProperty("mean").GetDouble(), 5e-7);
        Assert.Equal(-3.01138, r.GetProperty("lowerProcessLimit").GetDouble(), 5e-6);
        Assert.Equal(3.294627, r.GetProperty("upperProcessLimit").GetDouble(), 5e-7);
        double half = (r.GetProperty("upperProcessLimit").GetDouble() - r.GetProperty("mean").GetDouble()) * 2 / 3;
        Assert.Equal(r.GetProperty("mean").GetDouble() + half, r.GetProperty("upperNearLimit").GetDouble(), 12);
        Assert.Equal(r.GetProperty("mean").GetDouble() - half, r.GetProperty("lowerNearLimit").GetDouble(), 12);
        var points = r.GetProperty("points").EnumerateArray().ToArray();
        Assert.Equal(20, points.Length);
        Assert.Equal(["value", "relativeToMean", "outsideLimits", "closeToLimits", "specialCause", "pointType"], points[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(-0.560475646552213, points[0].GetProperty("value").GetDouble());
        Assert.Equal(-1, points[0].GetProperty("relativeToMean").GetInt32());
        Assert.All(points, p => Assert.Equal(JsonValueKind.Null, p.GetProperty("specialCause").ValueKind));
        Assert.All(points, p => Assert.Equal("commonCause", p.GetProperty("pointType").GetString()));
        Assert.Equal("commonCause", r.GetProperty("variationIcon").GetString());
        Assert.Equal("inconsistent", r.GetProperty("assuranceIcon").GetString());
    }

    [Fact]
    public void Xmr_Defaults_AndSpecialCauseLabels()
    {
        // Baseline 1,-1 ×4 (mean 0, UPL 5.32): 9 is outside, then a falling trend of 7 above the mean (see XmrChartTests).
        var r = Ok("""{"measure":"xmr","values":[1,-1,1,-1,1,-1,1,-1,9,4,3,2,1,0.5,0.2],"fixAfterNPoints":8}""");
        var points = r.GetProperty("points").EnumerateArray().ToArray();
        Assert.Equal(("astronomical", "specialCauseImprovement", true), (points[8].GetProperty("specialCause").GetString(), points[8].GetProperty("pointType").GetString(), points[8].GetProperty("outsideLimits").GetBoolean()));
        Assert.Equal(("trend", "specialCauseConcern"), (points[14].GetProperty("specialCause").GetString(), points[14].GetProperty("pointType").GetString()));
        Assert.True(points[9].GetProperty("closeToLimits").GetBoolean());
        Assert.Equal("specialCauseConcern", r.GetProperty("variationIcon").GetString());
        Assert.Equal(JsonValueKind.Null, r.GetProperty("assuranceIcon").ValueKind);   // no target

        var neutral = Ok("""{"measure":"xmr","values":[1,-1,1,-1,1,-1,1,-1,9,4,3,2,1,0.5,0.2],"fixAfterNPoints":8,"improvementDirection":"neutral","target":100}""");
        Assert.Equal("specialCauseNeutralHigh", neutral.GetProperty("points")[8].GetProperty("pointType").GetString());
        Assert.Equal("specialCauseNeutralLow", neutral.GetProperty("points")[14].GetProperty("pointType").GetString());
        Assert.Equal("specialCauseNeutral", neutral.GetProperty("variationIcon").GetString());
        Assert.Equal(JsonValueKind.Null, neutral.GetProperty("assuranceIcon").ValueKind);   // neutral: no assurance

        var decrease = Ok("""{"measure":"xmr","values":[1,2,1,2,1,2],"improvementDirection":"decrease","target":10}""");
        Assert.Equal("consistentPass", decrease.GetProperty("assuranceIcon").GetString());
    }

    [Fact]
    public void Xmr_AllZeroMovingRanges_IsADegenerateChart()
    {
        var r = Ok("""{"measure":"xmr","values":[4,4,4,4]}""");
        Assert.Equal((4.0, 4.0, 4.0, 4.0, 4.0), (r.GetProperty("mean").GetDouble(), r.GetProperty("lowerProcessLimit").GetDouble(), r.GetProperty("upperProcessLimit").GetDouble(),
                                              r.GetProperty("lowerNearLimit").GetDouble(), r.GetProperty("upperNearLimit").GetDouble()));
        Assert.All(r.GetProperty("points").EnumerateArray(), p => Assert.Equal((0, "commonCause"), (p.GetProperty("relativeToMean").GetInt32(), p.GetProperty("pointType").GetString())));
    }

    [Fact]
    public void Xmr_ScreenOutliersFalse_KeepsTheLargeMovingRange()
    {
        // 1,2,1,2,1,20: mean 4.5; m̄R 1 screened, 4.6 unscreened.
        var on = Ok("""{"measure":"xmr","values":[1,2,1,2,1,20]}""");
        var off = Ok("""{"measure":"xmr","values":[1,2,1,2,1,20],"screenOutliers":false}""");
        Assert.Equal(4.5 + 2.66, on.GetProperty("upperProcessLimit").GetDouble(), 12);
        Assert.Equal(4.5 + (2.66 * 4.6), off.GetProperty("upperProcessLimit").GetDouble(), 12);
    }

    [Fact]
    public void Runs_GivesEveryContractField()
    {
        // Science Trends (Wentzel-Larsen & Anhøj) 13-point example: 5 crossings, longest run 3; limits 7 and 3; no signal.
        var r = Ok("""{"measure":"runs","values":[1,1,1,-1,-1,-1,1,-1,-1,1,-1,-1,-1],"centre":0}""");
        Assert.Equal(["observations", "usefulObservations", "longestRun", "longestRunMax", "crossings", "crossingsMin", "signal"], r.EnumerateObject().Select(p => p.Name));
        Assert.Equal((13, 13, 3, 7, 5, 3, false), (r.GetProperty("observations").GetInt32(), r.GetProperty("usefulObservations").GetInt32(), r.GetProperty("longestRun").GetInt32(),
            r.GetProperty("longestRunMax").GetInt32(), r.GetProperty("crossings").GetInt32(), r.GetProperty("crossingsMin").GetInt32(), r.GetProperty("signal").GetBoolean()));
    }

    [Fact]
    public void Runs_MedianDefault_MeanCentre_AndInsufficientData()
    {
        var median = Ok("""{"measure":"runs","values":[1,2,3,4,5,6,7,8,9,5]}""");   // median 5: two points dropped → 8 useful
        Assert.Equal(8, median.GetProperty("usefulObservations").GetInt32());
        Assert.Equal(JsonValueKind.Null, median.GetProperty("longestRunMax").ValueKind);
        Assert.Equal(JsonValueKind.Null, median.GetProperty("crossingsMin").ValueKind);
        Assert.Equal(JsonValueKind.Null, median.GetProperty("signal").ValueKind);
        // Mean 147/12 = 12.25: nine below, one above, two below → longest run 9 > 7 and 2 crossings < 3 (n = 12): a signal.
        var mean = Ok("""{"measure":"runs","values":[1,2,3,4,5,6,7,8,9,100,1,1],"centre":"mean"}""");
        Assert.Equal((12, 9, 7, 2, 3, true), (mean.GetProperty("usefulObservations").GetInt32(), mean.GetProperty("longestRun").GetInt32(), mean.GetProperty("longestRunMax").GetInt32(),
            mean.GetProperty("crossings").GetInt32(), mean.GetProperty("crossingsMin").GetInt32(), mean.GetProperty("signal").GetBoolean()));
    }

    [Fact]
    public void RunsLimits_ReproducesThePublishedTableRows()
    {
        // Anhøj & Olesen (2014) limits, as printed in Anhøj's pbcharts README: n 10 → 6, 2; 11 → 6, 2; 23 → 8, 7; 46 → 9, 17; 100 → 10, 41.
        var r = Ok("""{"measure":"runs-limits","n":[10,11,23,46,100]}""");
        Assert.Equal(["table"], r.EnumerateObject().Select(p => p.Name));
        var rows = r.GetProperty("table").EnumerateArray().Select(e =>
        {
            Assert.Equal(["n", "longestRunMax", "crossingsMin"], e.EnumerateObject().Select(p => p.Name));
            return (e.GetProperty("n").GetInt32(), e.GetProperty("longestRunMax").GetInt32(), e.GetProperty("crossingsMin").GetInt32());
        });
        Assert.Equal([(10, 6, 2), (11, 6, 2), (23, 8, 7), (46, 9, 17), (100, 10, 41)], rows);
    }

    [Theory]
    [InlineData("""{"measure":"xmr","values":[1]}""", "$.values: an XmR chart needs at least 2 points; got 1.")]
    [InlineData("""{"measure":"xmr","values":[]}""", "$.values: the array is empty; at least one element is needed.")]
    [InlineData("""{"measure":"xmr","values":[1,"NaN"]}""", "$.values[1]: expected a number, got a string.")]
    [InlineData("""{"measure":"xmr","values":[1,1e999]}""", "$.values[1]: 1e999 is not a finite number this tool can read.")]
    [InlineData("""{"measure":"xmr","values":[1,null]}""", "$.values[1]: expected a number, got null.")]
    [InlineData("""{"measure":"xmr","values":[1,2],"improvementDirection":"up"}""", "$.improvementDirection: expected \"increase\", \"decrease\" or \"neutral\", got \"up\".")]
    [InlineData("""{"measure":"xmr","values":[1,2],"improvementDirection":1}""", "$.improvementDirection: expected a string, got a number.")]
    [InlineData("""{"measure":"xmr","values":[1,2],"fixAfterNPoints":1}""", "$.fixAfterNPoints: 1 is outside 2..2147483647.")]
    [InlineData("""{"measure":"xmr","values":[1,2],"fixAfterNPoints":2.5}""", "$.fixAfterNPoints: 2.5 is not a whole number.")]
    [InlineData("""{"measure":"xmr","values":[1,2],"target":"high"}""", "$.target: expected a number, got a string.")]
    [InlineData("""{"measure":"xmr","values":[1,2],"screenOutliers":"yes"}""", "$.screenOutliers: expected true or false, got a string.")]
    [InlineData("""{"measure":"xmr","values":[1,2],"rebase":[1]}""", "$.rebase: unknown field; this request takes \"fixAfterNPoints\", \"improvementDirection\", \"measure\", \"screenOutliers\", \"target\", \"values\".")]
    [InlineData("""{"measure":"xmr","values":[1e308,-1e308]}""", "$.values: the values are too large or too far apart for double-precision limits.")]
    [InlineData("""{"measure":"runs","values":[1,2],"centre":"avg"}""", "$.centre: expected \"median\", \"mean\" or a number, got \"avg\".")]
    [InlineData("""{"measure":"runs","values":[1,2],"centre":true}""", "$.centre: expected \"median\", \"mean\" or a number, got a boolean.")]
    [InlineData("""{"measure":"runs","values":[1,{}]}""", "$.values[1]: expected a number, got an object.")]
    [InlineData("""{"measure":"runs","values":[]}""", "$.values: the array is empty; at least one element is needed.")]
    [InlineData("""{"measure":"runs","values":[1],"center":0}""", "$.center: unknown field; this request takes \"centre\", \"measure\", \"values\".")]
    [InlineData("""{"measure":"runs-limits","n":[10,9]}""", "$.n[1]: 9 is outside 10..10000000.")]
    [InlineData("""{"measure":"runs-limits","n":[10.5]}""", "$.n[0]: 10.5 is not a whole number.")]
    [InlineData("""{"measure":"runs-limits","n":[]}""", "$.n: the array is empty; at least one element is needed.")]
    [InlineData("""{"measure":"runs-limits"}""", "$.n: required field is missing.")]
    public void BadRequest_ExitsTwo_WithOneLineNamingThePath(string request, string expected) =>
        Assert.Equal(expected, Bad(request));

    [Fact]
    public void Xmr_OutputNumbers_AreInvariantCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            Assert.Contains("\"mean\": 1.5", CliRunner.Eval("""{"measure":"xmr","values":[1,2]}""").Stdout, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
