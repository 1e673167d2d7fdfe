using System.Text.Json;

namespace PatientCentric.Cli.Tests;

public sealed class SpcChartEvalTests
{
    private static JsonElement Ok(string request) => CliRunner.EvalOk(request);

    private static string Bad(string request) => CliRunner.EvalBad(request);

    private static readonly string[] PointFields =
        ["value", "centreLine", "lowerProcessLimit", "upperProcessLimit", "lowerNearLimit", "upperNearLimit", "lowerOneSigma", "upperOneSigma", "outsideLimits", "pointType"];

    [Theory]
    // chart, extra fields, points expected, centre line of point 0 (worked by hand in the comment).
    [InlineData("run", "", 7, 4.0)]                                                   // median of 1 3 2 6 4 5 9
    [InlineData("i", "", 7, 30.0 / 7)]                                                // mean
    [InlineData("i-median", "", 7, 4.0)]
    [InlineData("i-median-mr", "", 7, 4.0)]
    [InlineData("mr", "", 6, 14.0 / 6)]                                               // mean moving range, n − 1 points
    [InlineData("c", "", 7, 30.0 / 7)]
    [InlineData("g", "", 7, 4.0)]                                                     // median
    [InlineData("t", "", 7, 3.7277346226768424)]                                      // (Σ x^(1/3.6) ÷ 7)^3.6 = 1.4411…^3.6
    [InlineData("p", ""","denominators":[10,10,10,10,10,10,10]""", 7, 30.0 / 70)]
    [InlineData("pp", ""","denominators":[10,10,10,10,10,10,10]""", 7, 30.0 / 70)]
    [InlineData("u", ""","denominators":[10,10,10,10,10,10,10],"multiplier":100""", 7, 3000.0 / 70)]
    [InlineData("up", ""","denominators":[10,10,10,10,10,10,10]""", 7, 30.0 / 70)]
    [InlineData("s", ""","denominators":[5,5,5,5,5,5,5]""", 7, 4.9569575922564209)]  // √(Σ4sᵢ² ÷ 28) = √(172/7)
    [InlineData("xbar", ""","denominators":[5,5,5,5,5,5,5],"sds":[1,1,1,1,1,1,1]""", 7, 30.0 / 7)]
    public void Spc_EveryChart_GivesEveryContractField(string chart, string extra, int points, double centre)
    {
        var r = Ok($$"""{"measure":"spc","chart":"{{chart}}","numerators":[1,3,2,6,4,5,9]{{extra}}}""");
        Assert.Equal(["chart", "points", "variationIcon", "assuranceIcon"], r.EnumerateObject().Select(p => p.Name));
        Assert.Equal(chart, r.GetProperty("chart").GetString());
        var list = r.GetProperty("points").EnumerateArray().ToArray();
        Assert.Equal(points, list.Length);
        Assert.All(list, p => Assert.Equal(PointFields, p.EnumerateObject().Select(f => f.Name)));
        Assert.Equal(centre, list[0].GetProperty("centreLine").GetDouble(), 1e-12);
        var limitKind = chart == "run" ? JsonValueKind.Null : JsonValueKind.Number;
        Assert.All(list, p => Assert.Equal(limitKind, p.GetProperty("upperProcessLimit").ValueKind));
        Assert.Equal(JsonValueKind.Null, r.GetProperty("assuranceIcon").ValueKind);
    }

    [Fact]
    public void Spc_PChart_PowerBiSpcPublishedLimits()
    {
        // PowerBI-SPC test/Chart Types/p.test.ts (first three points, percent): 99 % upper 38.76, 37.07, 36.4; 95 % lower 10.21, 11.34, 11.79.
        var r = Ok("""{"measure":"spc","chart":"p","numerators":[14,12,15],"denominators":[52,64,70],"multiplier":100}""");
        // Only three of the 36 points here, so p̄ differs from the published case: recompute p̄ = 41/186 and check the formula instead.
        double pBar = 41.0 / 186;
        var p0 = r.GetProperty("points")[0];
        Assert.Equal(100 * (pBar + (3 * Math.Sqrt(pBar * (1 - pBar) / 52))), p0.GetProperty("upperProcessLimit").GetDouble(), 1e-9);
        var full = Ok("""{"measure":"spc","chart":"p","numerators":[14,12,15,8,16,11,12,14,16,17,5,11,13,10,14,5,12,10,11,5,10,8,11,12,11,18,18,21,14,15,18,22,17,16,20,15],"denominators":[52,64,70,60,67,69,67,54,79,59,49,61,41,51,56,43,57,48,69,41,40,46,59,62,57,65,75,70,76,69,64,67,84,67,69,78],"multiplier":100}""");
        var points = full.GetProperty("points");
        Assert.Equal(38.76, points[0].GetProperty("upperProcessLimit").GetDouble(), 0.005);
        Assert.Equal(37.07, points[1].GetProperty("upperProcessLimit").GetDouble(), 0.005);
        Assert.Equal(11.79, points[2].GetProperty("lowerNearLimit").GetDouble(), 0.005);
    }

    [Fact]
    public void Spc_GapsAndIcons()
    {
        // c chart fixed after 4 points (2, 6, 2, 6: c̄ 4, σ 2, UPL 10): a gap, then 30 is outside; decrease is better → concern.
        var r = Ok("""{"measure":"spc","chart":"c","numerators":[2,6,2,6,null,30],"fixAfterNPoints":4,"improvementDirection":"decrease","target":12}""");
        var gap = r.GetProperty("points")[4];
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null, JsonValueKind.Null), (gap.GetProperty("value").ValueKind, gap.GetProperty("upperProcessLimit").ValueKind, gap.GetProperty("pointType").ValueKind));
        Assert.Equal(4, gap.GetProperty("centreLine").GetDouble());
        var last = r.GetProperty("points")[5];
        Assert.Equal((true, "specialCauseConcern"), (last.GetProperty("outsideLimits").GetBoolean(), last.GetProperty("pointType").GetString()));
        Assert.Equal("specialCauseConcern", r.GetProperty("variationIcon").GetString());
        Assert.Equal("consistentPass", r.GetProperty("assuranceIcon").GetString());   // decrease: target 12 above the UPL of 10
    }

    [Fact]
    public void Spc_TScreenOutliers_MatchesPowerBiSpc()
    {
        // PowerBI-SPC test/Chart Types/t.test.ts: 3-sigma limits 0.0221 and 97.268 with screened moving ranges.
        var r = Ok("""{"measure":"spc","chart":"t","numerators":[16,20,5,13,1,26,46,12,12,5,19,4,3,15,14,9,8,15,21,6,3,1,56,117,1,33,9,9,19,12,1,16,13,18,1,35,16,5,21,38,3,25,3,11,13,20,9,3,8,21,24,38,8,13,9,1,30,23,3,7,22,19,11,31,6,1,1],"screenOutliers":true}""");
        Assert.Equal(97.268, r.GetProperty("points")[0].GetProperty("upperProcessLimit").GetDouble(), 0.005);
        Assert.Equal(0.0221, r.GetProperty("points")[0].GetProperty("lowerProcessLimit").GetDouble(), 0.005);
    }

    [Theory]
    [InlineData("""{"measure":"spc","chart":"q","numerators":[1,2]}""", "$.chart: unknown chart \"q\"; expected one of \"run\", \"i\", \"i-median\", \"i-median-mr\", \"mr\", \"p\", \"pp\", \"u\", \"up\", \"c\", \"g\", \"t\", \"s\", \"xbar\".")]
    [InlineData("""{"measure":"spc","chart":"p","numerators":[1,2],"denominators":[3]}""", "$.denominators: has 1 element(s) but numerators has 2; give one per period.")]
    [InlineData("""{"measure":"spc","chart":"p","numerators":[1,2]}""", "$.denominators: required field is missing: a p chart needs one denominator per numerator.")]
    [InlineData("""{"measure":"spc","chart":"u","numerators":[1,2],"denominators":[3,0]}""", "$.denominators[1]: a denominator of 0 gives no value; leave the period out or give null for both.")]
    [InlineData("""{"measure":"spc","chart":"p","numerators":[1,5],"denominators":[3,4]}""", "$.numerators[1]: a proportion's numerator cannot exceed its denominator.")]
    [InlineData("""{"measure":"spc","chart":"c","numerators":[1,-2]}""", "$.numerators[1]: a count or time cannot be negative.")]
    [InlineData("""{"measure":"spc","chart":"u","numerators":[1,2],"denominators":[3,-4]}""", "$.denominators[1]: a denominator cannot be negative.")]
    [InlineData("""{"measure":"spc","chart":"i","numerators":[1]}""", "$.numerators: a i chart needs at least 2 point(s) with data; got 1.")]
    [InlineData("""{"measure":"spc","chart":"pp","numerators":[1,null],"denominators":[5,null]}""", "$.numerators: a pp chart needs at least 2 point(s) with data; got 1.")]
    [InlineData("""{"measure":"spc","chart":"i","numerators":[1,null,2]}""", "$.numerators: a I chart needs at least 2 consecutive periods with data in its baseline.")]
    [InlineData("""{"measure":"spc","chart":"c","numerators":[1,2],"denominators":[1,2]}""", "$.denominators: a c chart takes no denominators.")]
    [InlineData("""{"measure":"spc","chart":"p","numerators":[1,2],"denominators":[3,4],"sds":[1,1]}""", "$.sds: sds are for xbar charts only.")]
    [InlineData("""{"measure":"spc","chart":"xbar","numerators":[1,2],"denominators":[3,4]}""", "$.sds: required field is missing: an xbar chart needs each subgroup's standard deviation.")]
    [InlineData("""{"measure":"spc","chart":"s","numerators":[1,2],"denominators":[3,1]}""", "$.denominators[1]: a subgroup size must be a whole number of at least 2.")]
    [InlineData("""{"measure":"spc","chart":"p","numerators":[1,2],"denominators":[3,4],"screenOutliers":true}""", "$.screenOutliers: screening applies only to i, i-median and t charts.")]
    [InlineData("""{"measure":"spc","chart":"i","numerators":[1e308,-1e308,1e308]}""", "$.numerators: the values are too large or too far apart for double-precision limits.")]
    [InlineData("""{"measure":"spc","chart":"u","numerators":[1,2],"denominators":[1e-300,1e-300],"multiplier":1e300}""", "$.numerators: the values are too large or too far apart for double-precision limits.")]
    [InlineData("""{"measure":"spc","chart":"u","numerators":[1,2],"denominators":[3,4],"multiplier":0}""", "$.multiplier: must be a number above 0.")]
    [InlineData("""{"measure":"spc","chart":"i","numerators":[1,2],"fixAfterNPoints":1}""", "$.fixAfterNPoints: 1 is outside 2..2147483647.")]
    public void Spc_BadInput_NamesTheJsonPath(string request, string expected) => Assert.Equal(expected, Bad(request));

    // Hand-worked rate funnel (as in FunnelPlotTests): O = 10, 20, 30, 60 over D = 100, 100, 200, 200 days; θ = 0.2, φ = 3.4769797,
    // τ² = 0.1258606; additive spread for C01 √(1/20 + τ²) = 0.4193590, limits 0.2·exp(∓1.959964·spread) = 0.0879169, 0.4549751.
    private const string RateUnits =
        """[{"name":"C01","numerator":10,"denominator":100},{"name":"C02","numerator":20,"denominator":100},{"name":"C03","numerator":30,"denominator":200},{"name":"C04","numerator":60,"denominator":200}]""";

    [Fact]
    public void Funnel_GivesEveryContractField_AndTheHandWorkedNumbers()
    {
        var r = Ok($$"""{"measure":"funnel","dataType":"rate","units":{{RateUnits}},"target":null,"overdispersion":"additive","winsorisePercent":10,"trimming":"winsorise","multiplier":1000}""");
        Assert.Equal(["target", "phi", "tau2", "units"], r.EnumerateObject().Select(p => p.Name));
        Assert.Equal(200, r.GetProperty("target").GetDouble(), 1e-12);
        Assert.Equal(3.476979741533368, r.GetProperty("phi").GetDouble(), 1e-12);
        Assert.Equal(0.12586060345538624, r.GetProperty("tau2").GetDouble(), 1e-12);
        var u = r.GetProperty("units")[0];
        Assert.Equal(["name", "value", "z", "lower95", "upper95", "lower998", "upper998", "outside95", "outside998"], u.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("C01", 100.0), (u.GetProperty("name").GetString(), u.GetProperty("value").GetDouble()));
        Assert.Equal(87.91689725780488, u.GetProperty("lower95").GetDouble(), 1e-9);
        Assert.Equal(454.97510999171403, u.GetProperty("upper95").GetDouble(), 1e-9);
        Assert.Equal(-1.6528794550254364, u.GetProperty("z").GetDouble(), 1e-12);
        Assert.False(u.GetProperty("outside95").GetBoolean());
    }

    [Fact]
    public void Funnel_Defaults_NoAdjustment_PhiStillReported()
    {
        var r = Ok($$"""{"measure":"funnel","dataType":"rate","units":{{RateUnits}}}""");
        Assert.Equal(3.476979741533368, r.GetProperty("phi").GetDouble(), 1e-12);
        Assert.Equal(-3.0998484282887167, r.GetProperty("units")[0].GetProperty("z").GetDouble(), 1e-12);   // unadjusted z₀
        var ratio = Ok("""{"measure":"funnel","dataType":"ratio","units":[{"name":"A","numerator":10,"denominator":10},{"name":"B","numerator":12,"denominator":10}]}""");
        Assert.Equal(1, ratio.GetProperty("target").GetDouble());
        Assert.Equal(9.591 / 20, ratio.GetProperty("units")[0].GetProperty("lower95").GetDouble(), 0.000025);   // NIST χ²(0.025; 20) ÷ 20
    }

    [Theory]
    [InlineData("""{"measure":"funnel","dataType":"odds","units":[]}""", "$.dataType: expected \"proportion\", \"ratio\" or \"rate\", got \"odds\".")]
    [InlineData("""{"measure":"funnel","dataType":"rate","units":[{"name":"A","numerator":1,"denominator":2}]}""", "$.units: a funnel plot needs at least 2 units; got 1.")]
    [InlineData("""{"measure":"funnel","dataType":"rate","units":[{"name":"A","numerator":1,"denominator":2},{"name":"B","numerator":1,"denominator":0}]}""", "$.units[1].denominator: a denominator of 0 gives no value; leave the unit out.")]
    [InlineData("""{"measure":"funnel","dataType":"rate","units":[{"name":"A","numerator":-1,"denominator":2},{"name":"B","numerator":1,"denominator":3}]}""", "$.units[0].numerator: a count cannot be negative.")]
    [InlineData("""{"measure":"funnel","dataType":"proportion","units":[{"name":"A","numerator":3,"denominator":2},{"name":"B","numerator":1,"denominator":3}]}""", "$.units[0].numerator: a proportion's numerator cannot exceed its denominator.")]
    [InlineData("""{"measure":"funnel","dataType":"rate","units":[{"name":"A","numerator":0,"denominator":2},{"name":"B","numerator":0,"denominator":3}]}""", "$.units: no unit has an event, so the pooled rate is 0 and has no log; give a target.")]
    [InlineData("""{"measure":"funnel","dataType":"rate","units":[{"name":"A","numerator":1,"denominator":2},{"name":"A","numerator":1,"denominator":3}]}""", "$.units[1].name: the name is given to an earlier unit too; names must be unique.")]
    [InlineData("""{"measure":"funnel","dataType":"rate","units":[{"name":"A","numerator":1,"denominator":2},{"name":"B","numerator":1,"denominator":3}],"winsorisePercent":50}""", "$.winsorisePercent: must be below 50 (the percentage trimmed at each end).")]
    [InlineData("""{"measure":"funnel","dataType":"rate","units":[{"name":"A","numerator":1,"denominator":2},{"name":"B","numerator":4,"denominator":3}],"trimming":"truncate"}""", "$.units: truncating at the 10 % and 90 % percentiles leaves 0 unit(s); the overdispersion estimate needs at least 2.")]
    [InlineData("""{"measure":"funnel","dataType":"rate","units":[{"name":"A","numerator":1,"denominator":2},{"name":"B","numerator":1,"denominator":3}],"overdispersion":"both"}""", "$.overdispersion: expected \"none\", \"multiplicative\", \"additive\", got \"both\".")]
    [InlineData("""{"measure":"funnel","dataType":"ratio","units":[{"name":"A","numerator":1,"denominator":2},{"name":"B","numerator":1,"denominator":3}],"target":0}""", "$.target: a ratio's or rate's target must be above 0.")]
    [InlineData("""{"measure":"funnel","dataType":"rate","units":[{"name":"A","numerator":1e308,"denominator":1e-308},{"name":"B","numerator":1,"denominator":3}]}""", "$.units: the numbers are too large or too small for double-precision funnel limits.")]
    public void Funnel_BadInput_NamesTheJsonPath(string request, string expected) => Assert.Equal(expected, Bad(request));
}
