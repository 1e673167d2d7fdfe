using System.Globalization;
using System.Text.Json;

namespace PatientCentric.Cli.Tests;

/// <summary>The <c>relative-weights</c>, <c>dominance</c>, <c>ipa</c> and <c>pareto</c> evals (docs/cli-json-value.md).</summary>
public sealed class ValueEvalTests
{
    // R's mtcars (public data): mpg, cyl, disp, hp, wt, am, vs for the 32 cars in R's row order.
    private static readonly double[][] Cars =
    [
        [21, 6, 160, 110, 2.62, 1, 0], [21, 6, 160, 110, 2.875, 1, 0], [22.8, 4, 108, 93, 2.32, 1, 1], [21.4, 6, 258, 110, 3.215, 0, 1],
        [18.7, 8, 360, 175, 3.44, 0, 0], [18.1, 6, 225, 105, 3.46, 0, 1], [14.3, 8, 360, 245, 3.57, 0, 0], [24.4, 4, 146.7, 62, 3.19, 0, 1],
        [22.8, 4, 140.8, 95, 3.15, 0, 1], [19.2, 6, 167.6, 123, 3.44, 0, 1], [17.8, 6, 167.6, 123, 3.44, 0, 1], [16.4, 8, 275.8, 180, 4.07, 0, 0],
        [17.3, 8, 275.8, 180, 3.73, 0, 0], [15.2, 8, 275.8, 180, 3.78, 0, 0], [10.4, 8, 472, 205, 5.25, 0, 0], [10.4, 8, 460, 215, 5.424, 0, 0],
        [14.7, 8, 440, 230, 5.345, 0, 0], [32.4, 4, 78.7, 66, 2.2, 1, 1], [30.4, 4, 75.7, 52, 1.615, 1, 1], [33.9, 4, 71.1, 65, 1.835, 1, 1],
        [21.5, 4, 120.1, 97, 2.465, 0, 1], [15.5, 8, 318, 150, 3.52, 0, 0], [15.2, 8, 304, 150, 3.435, 0, 0], [13.3, 8, 350, 245, 3.84, 0, 0],
        [19.2, 8, 400, 175, 3.845, 0, 0], [27.3, 4, 79, 66, 1.935, 1, 1], [26, 4, 120.3, 91, 2.14, 1, 0], [30.4, 4, 95.1, 113, 1.513, 1, 1],
        [15.8, 8, 351, 264, 3.17, 1, 0], [19.7, 6, 145, 175, 2.77, 1, 0], [15, 8, 301, 335, 3.57, 1, 0], [21.4, 4, 121, 109, 2.78, 1, 1],
    ];

    private static readonly string[] CarColumns = ["mpg", "cyl", "disp", "hp", "wt", "am", "vs"];

    private static string Rows(string? extra = null) =>
        "[" + string.Join(",", Cars.Select(car => "{" + string.Join(",", car.Select((v, i) => $"\"{CarColumns[i]}\":{v.ToString(CultureInfo.InvariantCulture)}"))
                                                   + (extra ?? "") + "}")) + "]";

    private static JsonElement Ok(string request) => CliRunner.EvalOk(request);

    private static string Bad(string request) => CliRunner.EvalBad(request);

    /// <summary>rwa vignette "Regression Methods", mtcars example (https://martinctc.github.io/rwa/articles/regression-methods.html).</summary>
    [Fact]
    public void RelativeWeights_MtCarsRows_ReproduceRwa()
    {
        var r = Ok($$"""{"measure":"relative-weights","outcome":"mpg","predictors":["cyl","disp","hp","wt"],"rows":{{Rows(",\"note\":\"ignored\"")}}}""");
        Assert.Equal(["n", "rSquared", "rawWeights", "rescaledWeightsPct", "signs", "excludedRows", "droppedPredictors"], r.EnumerateObject().Select(p => p.Name));
        Assert.Equal(32, r.GetProperty("n").GetInt32());
        Assert.Equal(["cyl", "disp", "hp", "wt"], r.GetProperty("rawWeights").EnumerateObject().Select(p => p.Name));
        Assert.Equal(0.2706812, r.GetProperty("rawWeights").GetProperty("wt").GetDouble(), 7);
        Assert.Equal(24.70914, r.GetProperty("rescaledWeightsPct").GetProperty("cyl").GetDouble(), 5);
        Assert.Equal("-", r.GetProperty("signs").GetProperty("hp").GetString());
        Assert.Equal(0, r.GetProperty("excludedRows").GetInt32());
    }

    [Fact]
    public void RelativeWeights_CorrelationMatrix_HasNullN()
    {
        var r = Ok("""{"measure":"relative-weights","outcome":"y","variables":["y","a","b"],"correlationMatrix":[[1,0.5,0.3],[0.5,1,0.2],[0.3,0.2,1]]}""");
        Assert.Equal(JsonValueKind.Null, r.GetProperty("n").ValueKind);
        Assert.Equal(JsonValueKind.Null, r.GetProperty("excludedRows").ValueKind);
        double a = r.GetProperty("rawWeights").GetProperty("a").GetDouble(), b = r.GetProperty("rawWeights").GetProperty("b").GetDouble();
        // R² = r_xyᵀ R_xx⁻¹ r_xy = (0.25 + 0.09 − 2·0.2·0.5·0.3)/(1 − 0.04) = 0.28/0.96
        Assert.Equal(0.28 / 0.96, r.GetProperty("rSquared").GetDouble(), 12);
        Assert.Equal(0.28 / 0.96, a + b, 12);
    }

    [Fact]
    public void RelativeWeights_RowsMissingAValue_AreDeletedAndCounted()
    {
        string rows = Rows().TrimEnd(']') + """,{"mpg":20,"cyl":4},{"mpg":null,"cyl":4,"disp":100,"hp":90,"wt":2}]""";
        var r = Ok($$"""{"measure":"relative-weights","outcome":"mpg","predictors":["cyl","disp","hp","wt"],"rows":{{rows}}}""");
        Assert.Equal((32, 2), (r.GetProperty("n").GetInt32(), r.GetProperty("excludedRows").GetInt32()));
    }

    /// <summary>domir README on CRAN: domir(mpg ~ am + vs + cyl, lm_wrapper, data = mtcars)
    /// (https://cran.r-project.org/web/packages/domir/readme/README.html).</summary>
    [Fact]
    public void Dominance_MtCarsRows_ReproduceDomir()
    {
        var r = Ok($$"""{"measure":"dominance","outcome":"mpg","predictors":["am","vs","cyl"],"rows":{{Rows()}}}""");
        Assert.Equal(["rSquared", "generalDominance", "averageContributionByLevel", "subsetRSquared", "n", "excludedRows", "droppedPredictors"],
                     r.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0.7619773, r.GetProperty("rSquared").GetDouble(), 7);
        Assert.Equal(0.3817849, r.GetProperty("generalDominance").GetProperty("cyl").GetDouble(), 7);
        var vs = r.GetProperty("averageContributionByLevel").GetProperty("vs").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(3, vs.Length);
        Assert.Equal(0.4409477, vs[0], 7);
        Assert.Equal(0.1641982, vs[1], 7);
        Assert.Equal(0.002963748, vs[2], 9);
        Assert.Equal(["am", "vs", "cyl", "am+vs", "am+cyl", "vs+cyl", "am+vs+cyl"], r.GetProperty("subsetRSquared").EnumerateObject().Select(p => p.Name));
        Assert.Equal(0.3597989, r.GetProperty("subsetRSquared").GetProperty("am").GetDouble(), 7);
    }

    [Fact]
    public void Ipa_GrandMeans_GivesEveryField()
    {
        var r = Ok("""{"measure":"ipa","attributes":[{"name":"Short wait","importance":4.3,"performance":3.1},{"name":"Clear bill","importance":3.2,"performance":3.0},{"name":"Friendly desk","importance":3.6,"performance":4.4},{"name":"Easy parking","importance":2.5,"performance":4.0},{"name":"Call back same day","importance":4.5,"performance":2.7}]}""");
        Assert.Equal(["importanceCrosshair", "performanceCrosshair", "attributes", "bestPerformance", "allocationOrder"], r.EnumerateObject().Select(p => p.Name));
        var first = r.GetProperty("attributes")[0];
        Assert.Equal(["name", "quadrant", "gap", "effortShare"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["concentrateHere", "lowPriority", "possibleOverkill", "possibleOverkill", "concentrateHere"],
                     r.GetProperty("attributes").EnumerateArray().Select(a => a.GetProperty("quadrant").GetString()));
        Assert.Equal(5.59 / 13.24, first.GetProperty("effortShare").GetDouble(), 12);
        Assert.Equal(-1.2, first.GetProperty("gap").GetDouble(), 12);
    }

    [Fact]
    public void Ipa_ScaleMidpoint_EqualCountsAsHigh()
    {
        var r = Ok("""{"measure":"ipa","attributes":[{"name":"a","importance":3,"performance":3}],"crosshair":"scaleMidpoint","scaleMidpoint":3}""");
        Assert.Equal("keepUpTheGoodWork", r.GetProperty("attributes")[0].GetProperty("quadrant").GetString());
    }

    [Fact]
    public void Pareto_WorkedExample_GivesEveryField()
    {
        var r = Ok("""
            {"measure":"pareto","profile":"aesthetic-self-pay","qualityFloor":0.5,
             "bounds":{"customerService":{"worst":0,"best":100},"qualityOfCare":{"worst":0.5,"best":1.0},"costEffectiveness":{"worst":5000,"best":1000}},
             "options":[{"name":"concierge","customerService":90,"qualityOfCare":0.9,"costEffectiveness":4000},
                        {"name":"standard","customerService":70,"qualityOfCare":0.9,"costEffectiveness":2000},
                        {"name":"lean","customerService":60,"qualityOfCare":0.85,"costEffectiveness":2200},
                        {"name":"cut-corners","customerService":95,"qualityOfCare":0.55,"costEffectiveness":1000},
                        {"name":"unmeasured","customerService":80,"costEffectiveness":1500}]}
            """);
        Assert.Equal(["weights", "qualityFloor", "options", "front", "bestWeighted"], r.EnumerateObject().Select(p => p.Name));
        var first = r.GetProperty("options")[0];
        Assert.Equal(["name", "status", "normalised", "weightedScore", "onFront", "excluded"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0.73, first.GetProperty("weightedScore").GetDouble(), 12);
        Assert.Equal(0.25, first.GetProperty("normalised").GetProperty("costEffectiveness").GetDouble(), 12);
        Assert.Equal(["ok", "ok", "ok", "guardrailBlocked", "insufficientData"], r.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("status").GetString()));
        Assert.Equal(["concierge", "standard"], r.GetProperty("front").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("standard", r.GetProperty("bestWeighted").GetString());
        Assert.True(r.GetProperty("options")[3].GetProperty("excluded").GetBoolean());
        Assert.Equal(JsonValueKind.Null, r.GetProperty("options")[4].GetProperty("weightedScore").ValueKind);
    }

    private const string Matrix3 = "\"variables\":[\"y\",\"a\",\"b\"],\"outcome\":\"y\"";
    private const string Bounds = "\"bounds\":{\"customerService\":{\"worst\":0,\"best\":100},\"qualityOfCare\":{\"worst\":0,\"best\":1},\"costEffectiveness\":{\"worst\":5000,\"best\":1000}}";

    [Theory]
    [InlineData($$"""{"measure":"relative-weights",{{Matrix3}},"correlationMatrix":[[1,0.5,0.3],[0.5,1,0.2],[0.3,0.25,1]]}""", "$.correlationMatrix[1][2]: the matrix is not symmetric: [1, 2] differs from [2, 1].")]
    [InlineData($$"""{"measure":"relative-weights",{{Matrix3}},"correlationMatrix":[[1,0.9,0.9],[0.9,1,-0.9],[0.9,-0.9,1]]}""", "$.correlationMatrix: the correlation matrix is not positive semi-definite, so no data could produce it (check for typing errors).")]
    [InlineData($$"""{"measure":"relative-weights",{{Matrix3}},"correlationMatrix":[[1,0.5,0.5],[0.5,1,1],[0.5,1,1]]}""", "$.predictors: the predictors \"a\", \"b\" are collinear (their correlation matrix is singular); drop or combine one of them.")]
    [InlineData($$"""{"measure":"relative-weights",{{Matrix3}},"correlationMatrix":[[1,0.5,0.3],[0.5,1,0.2],[0.3,0.2,1.5]]}""", "$.correlationMatrix[2][2]: the diagonal of a correlation matrix must be 1.")]
    [InlineData($$"""{"measure":"relative-weights",{{Matrix3}},"correlationMatrix":[[1,0.5,0.3],[0.5,1,0.2],[0.3,0.2,1e400]]}""", "$.correlationMatrix[2][2]: not a finite number.")]
    [InlineData($$"""{"measure":"relative-weights",{{Matrix3}},"correlationMatrix":[[1,0.5,0.3],[0.5,1,0.2]]}""", "$.correlationMatrix: expected 3 rows (one per variable), got 2.")]
    [InlineData($$"""{"measure":"relative-weights",{{Matrix3}},"correlationMatrix":[[1,0.5,0.3],[0.5,1],[0.3,0.2,1]]}""", "$.correlationMatrix[1]: expected 3 values (one per variable), got 2.")]
    [InlineData($$"""{"measure":"relative-weights",{{Matrix3}},"predictors":["a","q"],"correlationMatrix":[[1,0.5,0.3],[0.5,1,0.2],[0.3,0.2,1]]}""", "$.predictors[1]: \"q\" is not one of the variables.")]
    [InlineData("""{"measure":"relative-weights","outcome":"z","variables":["y","a"],"correlationMatrix":[[1,0.5],[0.5,1]]}""", "$.outcome: \"z\" is not one of the variables.")]
    [InlineData("""{"measure":"relative-weights","outcome":"y","predictors":["a","b"],"rows":[{"y":1,"a":2,"b":3},{"y":2,"a":1,"b":5},{"y":3,"a":4,"b":4}]}""", "$.rows: 3 complete rows remain after listwise deletion; 2 predictors need at least 4.")]
    [InlineData("""{"measure":"relative-weights","outcome":"y","predictors":["a"],"rows":[{"y":1,"a":2},{"y":2,"a":"x"}]}""", "$.rows[1].a: expected a number, got a string.")]
    [InlineData("""{"measure":"relative-weights","outcome":"y","predictors":["a"],"rows":[{"y":1,"a":2},{"y":2e999,"a":1}]}""", "$.rows[1].y: not a finite number.")]
    [InlineData("""{"measure":"relative-weights","outcome":"y","predictors":["a","y"],"rows":[]}""", "$.predictors[1]: the outcome cannot also be a predictor.")]
    [InlineData("""{"measure":"relative-weights","outcome":"y","predictors":["a","a"],"rows":[]}""", "$.predictors[1]: \"a\" is listed twice.")]
    [InlineData("""{"measure":"relative-weights","outcome":"y","predictors":["a"]}""", "$.rows: required field is missing (or give variables with correlationMatrix).")]
    [InlineData("""{"measure":"relative-weights","outcome":"y","predictors":["a"],"rows":[],"correlationMatrix":[[1]]}""", "$.correlationMatrix: give either rows, or variables with correlationMatrix, not both.")]
    [InlineData("""{"measure":"relative-weights","outcome":"y","rows":[]}""", "$.predictors: required field is missing.")]
    [InlineData("""{"measure":"relative-weights","outcome":"y","predictors":["a"],"rows":[{"y":1,"a":1},{"y":2,"a":1},{"y":3,"a":1}]}""", "$.rows: every predictor has zero variance among the complete rows.")]
    [InlineData("""{"measure":"relative-weights","outcome":"y","predictors":["a"],"rows":[],"weights":1}""", "$.rows: 0 complete rows remain after listwise deletion; 1 predictors need at least 3.")]
    [InlineData("""{"measure":"dominance","outcome":"y","variables":["y","a","b"],"correlationMatrix":[[1,0.5,0.3],[0.5,1,0.2],[0.3,0.2,1]],"maxPredictors":1}""", "$.predictors: dominance analysis fits 2^p regressions; 2 predictors exceed the cap of 1. Use relative weights, or fewer predictors.")]
    [InlineData("""{"measure":"dominance","outcome":"y","variables":["y","a"],"correlationMatrix":[[1,0.5],[0.5,1]],"extra":1}""", "$.extra: unknown field; this request takes \"correlationMatrix\", \"maxPredictors\", \"measure\", \"outcome\", \"predictors\", \"rows\", \"variables\".")]
    [InlineData("""{"measure":"ipa","attributes":[{"name":"a","importance":3,"performance":3}],"crosshair":"scaleMidpoint"}""", "$.scaleMidpoint: required when crosshair is \"scaleMidpoint\".")]
    [InlineData("""{"measure":"ipa","attributes":[{"name":"a","importance":3,"performance":3}],"crosshair":"middle"}""", "$.crosshair: unknown crosshair \"middle\"; expected \"grandMeans\", \"median\" or \"scaleMidpoint\".")]
    [InlineData("""{"measure":"ipa","attributes":[{"name":"a","importance":3,"performance":3}],"scaleMidpoint":3}""", "$.scaleMidpoint: only used when crosshair is \"scaleMidpoint\".")]
    [InlineData("""{"measure":"ipa","attributes":[{"name":"a","importance":3,"performance":1e999}]}""", "$.attributes[0].performance: not a finite number.")]
    [InlineData("""{"measure":"ipa","attributes":[{"name":"a","importance":3,"performance":3},{"name":"a","importance":3,"performance":3}]}""", "$.attributes[1].name: \"a\" is listed twice; names must be distinct.")]
    [InlineData($$"""{"measure":"pareto",{{Bounds}},"weights":{"customerService":1},"options":[{"name":"a","customerService":1,"qualityOfCare":0.5,"costEffectiveness":"cheap"}]}""", "$.options[0].costEffectiveness: expected a number, got a string.")]
    [InlineData("""{"measure":"pareto","bounds":{"customerService":{"worst":0,"best":100},"qualityOfCare":{"worst":1,"best":1},"costEffectiveness":{"worst":5000,"best":1000}},"weights":{"customerService":1},"options":[{"name":"a"}]}""", "$.bounds.qualityOfCare.best: best must differ from worst (the metric cannot be normalised).")]
    [InlineData($$"""{"measure":"pareto",{{Bounds}},"weights":{"customerService":0},"options":[{"name":"a"}]}""", "$.weights: at least one weight must be above 0.")]
    [InlineData($$"""{"measure":"pareto",{{Bounds}},"options":[{"name":"a"}]}""", "$.weights: required field is missing (or give a profile).")]
    [InlineData($$"""{"measure":"pareto",{{Bounds}},"profile":"spa","options":[{"name":"a"}]}""", "$.profile: unknown profile \"spa\"; expected one of \"acute-insured\", \"aesthetic-self-pay\", \"primary-care-fee-for-service\", \"primary-care-value-based\".")]
    [InlineData($$"""{"measure":"pareto",{{Bounds}},"weights":{"customerService":1},"qualityFloor":2,"options":[{"name":"a"}]}""", "$.qualityFloor: 2 is outside 0..1.")]
    public void BadRequest_ExitsTwo_NamingThePath(string request, string expected) => Assert.Equal(expected, Bad(request));
}
