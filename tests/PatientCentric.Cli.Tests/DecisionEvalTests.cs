using System.Text.Json;

namespace PatientCentric.Cli.Tests;

/// <summary>The decision measures of eval (docs/cli-json-customers.md): ahp, ahp-hierarchy, topsis, salience, primary-customer.</summary>
public sealed class DecisionEvalTests
{
    private static JsonElement Ok(string request) => CliRunner.EvalOk(request);

    private static string Bad(string request) => CliRunner.EvalBad(request);

    private static string Pairs(params (string Row, string Col, double Value)[] pairs) =>
        "[" + string.Join(",", pairs.Select(p => JsonSerializer.Serialize(new { row = p.Row, col = p.Col, value = p.Value }))) + "]";

    [Fact]
    public void Ahp_SaatyDrinks_GivesEveryContractField()
    {
        // Saaty (2008), drinks consumption, as in the AHPy README (random_index='saaty'): water 0.327, soda 0.19,
        // coffee 0.177, milk 0.129, beer 0.116, tea 0.042, wine 0.019; CR 0.022 (3 decimals).
        string pairwise = Pairs(("coffee", "wine", 9), ("coffee", "tea", 5), ("coffee", "beer", 2), ("coffee", "soda", 1), ("coffee", "milk", 1), ("coffee", "water", 1 / 2.0),
            ("wine", "tea", 1 / 3.0), ("wine", "beer", 1 / 9.0), ("wine", "soda", 1 / 9.0), ("wine", "milk", 1 / 9.0), ("wine", "water", 1 / 9.0),
            ("tea", "beer", 1 / 3.0), ("tea", "soda", 1 / 4.0), ("tea", "milk", 1 / 3.0), ("tea", "water", 1 / 9.0),
            ("beer", "soda", 1 / 2.0), ("beer", "milk", 1), ("beer", "water", 1 / 3.0), ("soda", "milk", 2), ("soda", "water", 1 / 2.0), ("milk", "water", 1 / 3.0));
        var r = Ok($$"""{"measure":"ahp","items":["coffee","wine","tea","beer","soda","milk","water"],"pairwise":{{pairwise}},"randomIndex":"saaty2005"}""");
        Assert.Equal(["weights", "lambdaMax", "consistencyIndex", "consistencyRatio", "consistent", "randomIndex", "status"], r.EnumerateObject().Select(p => p.Name));
        var w = r.GetProperty("weights");
        Assert.Equal(["coffee", "wine", "tea", "beer", "soda", "milk", "water"], w.EnumerateObject().Select(p => p.Name));
        Assert.Equal([0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327], w.EnumerateObject().Select(p => Math.Round(p.Value.GetDouble(), 3, MidpointRounding.AwayFromZero)));
        Assert.Equal(0.022, r.GetProperty("consistencyRatio").GetDouble(), 0.0005);
        Assert.Equal(r.GetProperty("consistencyIndex").GetDouble() / 1.35, r.GetProperty("consistencyRatio").GetDouble(), 12);
        Assert.Equal((r.GetProperty("lambdaMax").GetDouble() - 7) / 6, r.GetProperty("consistencyIndex").GetDouble(), 12);
        Assert.True(r.GetProperty("consistent").GetBoolean());
        Assert.Equal(("saaty2005", "ok"), (r.GetProperty("randomIndex").GetString(), r.GetProperty("status").GetString()));
    }

    [Fact]
    public void Ahp_FullMatrix_EqualsPairwise()
    {
        var a = Ok("""{"measure":"ahp","items":["a","b","c"],"matrix":[[1,2,4],[0.5,1,2],[0.25,0.5,1]]}""");
        var b = Ok("""{"measure":"ahp","items":["a","b","c"],"pairwise":[{"row":"a","col":"b","value":2},{"row":"c","col":"a","value":0.25},{"row":"b","col":"c","value":2}]}""");
        Assert.Equal(a.GetProperty("weights").ToString(), b.GetProperty("weights").ToString());
        Assert.Equal(4 / 7.0, a.GetProperty("weights").GetProperty("a").GetDouble(), 12);
        Assert.Equal(0.0, a.GetProperty("consistencyRatio").GetDouble(), 9);
    }

    [Fact]
    public void AhpHierarchy_AhpyCarExample_ReproducesTheTargetWeights()
    {
        // AHPy README, "Purchasing a vehicle" (Wikipedia's AHP car example), Donegan & Dodd random index: target weights
        // Odyssey 0.219, Accord Sedan 0.215, CR-V 0.167, Accord Hybrid 0.15, Element 0.144, Pilot 0.106; Criteria CR 0.08,
        // Cost CR 0.016. AHPy rounds each node to 3 decimals before synthesis and DOMAIN.md §5.4 does not: tolerance 0.001.
        string[] vehicles = ["Accord Sedan", "Accord Hybrid", "Pilot", "CR-V", "Element", "Odyssey"];
        var pairs = vehicles.SelectMany((a, i) => vehicles.Skip(i + 1).Select(b => (a, b))).ToArray();
        string Leaf(string name, params double[] values) =>
            $$"""{"name":"{{name}}","items":{{JsonSerializer.Serialize(vehicles)}},"pairwise":{{Pairs([.. pairs.Zip(values, (p, v) => (p.a, p.b, v))])}}}""";
        string nodes = string.Join(",",
            $$"""{"name":"Criteria","items":["Cost","Safety","Style","Capacity"],"pairwise":{{Pairs(("Cost", "Safety", 3), ("Cost", "Style", 7), ("Cost", "Capacity", 3), ("Safety", "Style", 9), ("Safety", "Capacity", 1), ("Style", "Capacity", 1 / 7.0))}}}""",
            $$"""{"name":"Cost","items":["Price","Fuel","Maintenance","Resale"],"pairwise":{{Pairs(("Price", "Fuel", 2), ("Price", "Maintenance", 5), ("Price", "Resale", 3), ("Fuel", "Maintenance", 2), ("Fuel", "Resale", 2), ("Maintenance", "Resale", 1 / 2.0))}}}""",
            $$"""{"name":"Capacity","items":["Cargo","Passenger"],"pairwise":{{Pairs(("Cargo", "Passenger", 1 / 5.0))}}}""",
            Leaf("Price", 9, 9, 1, 1 / 2.0, 5, 1, 1 / 9.0, 1 / 9.0, 1 / 7.0, 1 / 9.0, 1 / 9.0, 1 / 7.0, 1 / 2.0, 5, 6),
            Leaf("Safety", 1, 5, 7, 9, 1 / 3.0, 5, 7, 9, 1 / 3.0, 2, 9, 1 / 8.0, 2, 1 / 8.0, 1 / 9.0),
            Leaf("Passenger", 1, 1 / 2.0, 1, 3, 1 / 2.0, 1 / 2.0, 1, 3, 1 / 2.0, 2, 6, 1, 3, 1 / 2.0, 1 / 6.0),
            Leaf("Fuel", 1 / 1.13, 1.41, 1.15, 1.24, 1.19, 1.59, 1.3, 1.4, 1.35, 1 / 1.23, 1 / 1.14, 1 / 1.18, 1.08, 1.04, 1 / 1.04),
            Leaf("Resale", 3, 4, 1 / 2.0, 2, 2, 2, 1 / 5.0, 1, 1, 1 / 6.0, 1 / 2.0, 1 / 2.0, 4, 4, 1),
            Leaf("Maintenance", 1.5, 4, 4, 4, 5, 4, 4, 4, 5, 1, 1.2, 1, 1, 3, 2),
            Leaf("Style", 1, 7, 5, 9, 6, 7, 5, 9, 6, 1 / 6.0, 3, 1 / 3.0, 7, 5, 1 / 5.0),
            Leaf("Cargo", 1, 1 / 2.0, 1 / 2.0, 1 / 2.0, 1 / 3.0, 1 / 2.0, 1 / 2.0, 1 / 2.0, 1 / 3.0, 1, 1, 1 / 2.0, 1, 1 / 2.0, 1 / 2.0));
        var r = Ok($$"""{"measure":"ahp-hierarchy","randomIndex":"doneganDodd","alternatives":{{JsonSerializer.Serialize(vehicles)}},"nodes":[{{nodes}}]}""");
        Assert.Equal(["weights", "nodes", "goal", "randomIndex"], r.EnumerateObject().Select(p => p.Name));
        double[] published = [0.215, 0.150, 0.106, 0.167, 0.144, 0.219];
        var weights = r.GetProperty("weights");
        for (int i = 0; i < vehicles.Length; i++)
            Assert.Equal(published[i], weights.GetProperty(vehicles[i]).GetDouble(), 0.001);
        Assert.Equal(1.0, weights.EnumerateObject().Sum(p => p.Value.GetDouble()), 12);
        var goal = r.GetProperty("nodes").GetProperty("Criteria");
        Assert.Equal(["weights", "consistencyRatio", "consistent", "globalWeight", "lambdaMax", "consistencyIndex", "status"], goal.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0.08, goal.GetProperty("consistencyRatio").GetDouble(), 0.0005);
        Assert.Equal(0.51, goal.GetProperty("weights").GetProperty("Cost").GetDouble(), 0.0005);
        Assert.Equal(0.016, r.GetProperty("nodes").GetProperty("Cost").GetProperty("consistencyRatio").GetDouble(), 0.0005);
        Assert.Equal(0.249, r.GetProperty("nodes").GetProperty("Price").GetProperty("globalWeight").GetDouble(), 0.0005);
        Assert.Equal("Criteria", r.GetProperty("goal").GetString());
    }

    [Fact]
    public void Topsis_OpricovicTzeng_MinMax_GivesEveryContractField()
    {
        // Opricovic & Tzeng (2004), as pinned in pymcdm's TestTOPSIS: closeness 0.500, 0.617, 0.500 (3 decimals).
        var r = Ok("""{"measure":"topsis","alternatives":["A1","A2","A3"],"criteria":[{"name":"c1","weight":0.5,"type":"cost"},{"name":"c2","weight":0.5,"type":"benefit"}],"matrix":[[1,3000],[2,3750],[5,4500]],"normalisation":"minMax"}""");
        Assert.Equal(["closeness", "rank", "ideal", "antiIdeal", "normalisation", "weights", "tie"], r.EnumerateObject().Select(p => p.Name));
        Assert.Equal([0.500, 0.617, 0.500], r.GetProperty("closeness").EnumerateArray().Select(e => Math.Round(e.GetDouble(), 3, MidpointRounding.AwayFromZero)));
        Assert.Equal([2, 1, 2], r.GetProperty("rank").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([0.5, 0.5], r.GetProperty("ideal").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal([0.0, 0.0], r.GetProperty("antiIdeal").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal("minMax", r.GetProperty("normalisation").GetString());
    }

    [Fact]
    public void Topsis_WeightsNotSummingToOne_AreNormalised()
    {
        // scikit-criteria test_TOPSIS: [[1, 0, 3], [0, 5, 6]], weights 1, 1, 1, no scaler: similarity 0.14639248, 0.85360752.
        var r = Ok("""{"measure":"topsis","alternatives":["A0","A1"],"criteria":[{"name":"a","weight":1,"type":"benefit"},{"name":"b","weight":1,"type":"benefit"},{"name":"c","weight":1,"type":"benefit"}],"matrix":[[1,0,3],[0,5,6]],"normalisation":"none"}""");
        Assert.Equal([0.14639248, 0.85360752], r.GetProperty("closeness").EnumerateArray().Select(e => Math.Round(e.GetDouble(), 8)));
        Assert.All(r.GetProperty("weights").EnumerateArray(), e => Assert.Equal(1 / 3.0, e.GetDouble(), 15));
    }

    [Fact]
    public void Topsis_IdenticalAlternatives_AreAHalfEachTie()
    {
        var r = Ok("""{"measure":"topsis","alternatives":["x","y"],"criteria":[{"name":"a","weight":1,"type":"cost"}],"matrix":[[0],[0]]}""");
        Assert.Equal([0.5, 0.5], r.GetProperty("closeness").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal([1, 1], r.GetProperty("rank").EnumerateArray().Select(e => e.GetInt32()));
        Assert.True(r.GetProperty("tie").GetBoolean());
    }

    [Fact]
    public void Salience_ClassifiesEachStakeholder()
    {
        var r = Ok("""{"measure":"salience","stakeholders":[{"key":"patients","power":0.4,"legitimacy":true,"urgency":0.9},{"key":"payer","power":true,"legitimacy":true,"urgency":true},{"key":"vendor","power":false,"legitimacy":false,"urgency":false}]}""");
        Assert.Equal(["stakeholders", "mostSalient", "minimumGroup"], r.EnumerateObject().Select(p => p.Name));
        var s = r.GetProperty("stakeholders").EnumerateArray().ToArray();
        Assert.Equal(["key", "salience", "class", "group", "passesScreen"], s[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(("dependent", "expectant", 2, true), (s[0].GetProperty("class").GetString(), s[0].GetProperty("group").GetString(), s[0].GetProperty("salience").GetInt32(), s[0].GetProperty("passesScreen").GetBoolean()));
        Assert.Equal("definitive", s[1].GetProperty("class").GetString());
        Assert.Equal((JsonValueKind.Null, false), (s[2].GetProperty("group").ValueKind, s[2].GetProperty("passesScreen").GetBoolean()));
        Assert.Equal("payer", r.GetProperty("mostSalient").GetString());
    }

    private const string Stakeholders = """
        "stakeholders":[{"key":"patients","kind":"Patient"},{"key":"payer","kind":"payer"},{"key":"referrers","kind":"referrer"}],
        "criteria":[{"key":"fit","weight":0.5,"direction":"benefit","scaleLow":0,"scaleHigh":10},{"key":"capability","weight":0.3,"direction":"benefit","scaleLow":0,"scaleHigh":10},{"key":"cost-to-serve","weight":0.2,"direction":"cost","scaleLow":0,"scaleHigh":10}],
        "assessments":[
          {"stakeholder":"patients","criterion":"fit","value":8,"source":"culture survey","assessedOn":"2025-01-15"},
          {"stakeholder":"patients","criterion":"capability","value":6,"source":"ops review","assessedOn":"2025-01-20"},
          {"stakeholder":"patients","criterion":"cost-to-serve","value":4,"source":"finance","assessedOn":"2025-01-31"},
          {"stakeholder":"payer","criterion":"fit","value":5,"source":"culture survey","assessedOn":"2025-01-15"},
          {"stakeholder":"payer","criterion":"capability","value":8,"source":"ops review","assessedOn":"2025-01-20"},
          {"stakeholder":"payer","criterion":"cost-to-serve","value":2,"source":"finance","assessedOn":"2025-01-31"},
          {"stakeholder":"referrers","criterion":"fit","value":4,"source":"culture survey","assessedOn":"2025-01-15"},
          {"stakeholder":"referrers","criterion":"capability","value":5,"source":"ops review","assessedOn":"2025-01-20"},
          {"stakeholder":"referrers","criterion":"cost-to-serve","value":5,"source":"finance","assessedOn":"2025-01-31"}]
        """;

    [Fact]
    public void PrimaryCustomer_UnknownStakeholderKind_ListsTheAllowedValues()
    {
        string request = $$"""{"measure":"primary-customer","strategy":"weighted-sum",{{Stakeholders}}}""".Replace("\"kind\":\"referrer\"", "\"kind\":\"boss\"", StringComparison.Ordinal);
        Assert.Equal("$.stakeholders[2].kind: expected one of \"patient\", \"payer\", \"referrer\", \"institution\", \"employer\", \"hostDefined\".", Bad(request));
    }

    [Fact]
    public void PrimaryCustomer_WeightedSum_GivesTheDecisionRecord()
    {
        var r = Ok($$"""{"measure":"primary-customer","strategy":"weighted-sum",{{Stakeholders}}}""");
        Assert.Equal(["strategy", "outcome", "winner", "scoreMargin", "weights", "weightMargin", "breakEvens", "rankReversalSensitive", "ranking", "assumptions", "criteriaConsistency", "decidedAt"],
                     r.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("weighted-sum", "winner", "patients"), (r.GetProperty("strategy").GetString(), r.GetProperty("outcome").GetString(), r.GetProperty("winner").GetString()));
        Assert.Equal(0.05, r.GetProperty("scoreMargin").GetDouble(), 12);
        var m = r.GetProperty("weightMargin");
        Assert.Equal(["status", "criterion", "delta", "direction", "newWinner"], m.EnumerateObject().Select(p => p.Name));
        // Exact (DOMAIN.md §5.6): lowering fit by 0.1 (others rescaled) ties patients with the payer.
        Assert.Equal(("found", "fit", "decrease", "payer"), (m.GetProperty("status").GetString(), m.GetProperty("criterion").GetString(), m.GetProperty("direction").GetString(), m.GetProperty("newWinner").GetString()));
        Assert.Equal(-0.1, m.GetProperty("delta").GetDouble(), 12);
        var be = r.GetProperty("breakEvens").EnumerateArray().ToArray();
        Assert.Equal(["criterion", "rival", "normalisedChange", "currentValue", "threshold"], be[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal([7.0, 4.333333333, 6.5], be.Select(b => Math.Round(b.GetProperty("threshold").GetDouble(), 9)));
        Assert.False(r.GetProperty("rankReversalSensitive").GetBoolean());
        var first = r.GetProperty("ranking")[0];
        Assert.Equal(["stakeholder", "rank", "score", "status", "reason", "components"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("patients", 1, "ok"), (first.GetProperty("stakeholder").GetString(), first.GetProperty("rank").GetInt32(), first.GetProperty("status").GetString()));
        Assert.Equal(0.7, first.GetProperty("score").GetDouble(), 12);
        var fit = first.GetProperty("components")[0];
        Assert.Equal(["name", "input", "weight", "contribution", "reason"], fit.EnumerateObject().Select(p => p.Name));
        Assert.Equal((8.0, 0.5, 0.4), (fit.GetProperty("input").GetDouble(), fit.GetProperty("weight").GetDouble(), fit.GetProperty("contribution").GetDouble()));
        var assumption = r.GetProperty("assumptions")[0];
        Assert.Equal(["stakeholder", "criterion", "value", "source", "assessedOn"], assumption.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("culture survey", "2025-01-15"), (assumption.GetProperty("source").GetString(), assumption.GetProperty("assessedOn").GetString()));
        Assert.Equal(JsonValueKind.Null, r.GetProperty("criteriaConsistency").ValueKind);
        Assert.Equal("2025-01-31T00:00:00+00:00", r.GetProperty("decidedAt").GetString());
    }

    [Fact]
    public void PrimaryCustomer_Ahp_ReportsTheCriteriaConsistency_AndANumericalMargin()
    {
        var r = Ok($$"""{"measure":"primary-customer","strategy":"ahp","criteriaPairwise":[{"row":"fit","col":"capability","value":2},{"row":"fit","col":"cost-to-serve","value":3},{"row":"capability","col":"cost-to-serve","value":1.5}],{{Stakeholders}}}""");
        Assert.Equal("patients", r.GetProperty("winner").GetString());
        Assert.Equal(6 / 11.0, r.GetProperty("weights").GetProperty("fit").GetDouble(), 12);
        Assert.Equal(0.0, r.GetProperty("criteriaConsistency").GetProperty("consistencyRatio").GetDouble(), 9);
        Assert.Equal("found", r.GetProperty("weightMargin").GetProperty("status").GetString());
        Assert.Empty(r.GetProperty("breakEvens").EnumerateArray());
    }

    [Fact]
    public void PrimaryCustomer_SalienceScreen_PutsScreenedOutStakeholdersLast()
    {
        string request = $$"""{"measure":"primary-customer","strategy":"topsis",{{Stakeholders}}}"""
            .Replace("""{"key":"patients","kind":"Patient"}""", """{"key":"patients","kind":"Patient","power":0,"legitimacy":1,"urgency":0}""", StringComparison.Ordinal)
            .Replace("""{"key":"payer","kind":"payer"}""", """{"key":"payer","kind":"payer","power":1,"legitimacy":1,"urgency":0}""", StringComparison.Ordinal)
            .Replace("""{"key":"referrers","kind":"referrer"}""", """{"key":"referrers","kind":"referrer","power":1,"legitimacy":1,"urgency":1}""", StringComparison.Ordinal);
        var r = Ok(request);
        var last = r.GetProperty("ranking")[2];
        Assert.Equal(("patients", JsonValueKind.Null, "notApplicable"), (last.GetProperty("stakeholder").GetString(), last.GetProperty("rank").ValueKind, last.GetProperty("status").GetString()));
        Assert.Equal("payer", r.GetProperty("winner").GetString());
    }

    [Theory]
    [InlineData("""{"measure":"ahp","items":["a","b","c"],"pairwise":[{"row":"a","col":"b","value":0}]}""", "$.pairwise[0].value: must be a positive number (Saaty's 1–9 scale or a reciprocal).")]
    [InlineData("""{"measure":"ahp","items":["a","b","c"],"pairwise":[{"row":"a","col":"b","value":-3}]}""", "$.pairwise[0].value: must be a positive number (Saaty's 1–9 scale or a reciprocal).")]
    [InlineData("""{"measure":"ahp","items":["a","b"],"pairwise":[{"row":"a","col":"b","value":1e400}]}""", "$.pairwise[0].value: must be a finite number.")]
    [InlineData("""{"measure":"ahp","items":["a","b"],"pairwise":[{"row":"a","col":"b","value":3},{"row":"b","col":"a","value":3}]}""", "$.pairwise[1]: contradicts $.pairwise[0]: the pair (\"b\", \"a\") must agree with it by reciprocity.")]
    [InlineData("""{"measure":"ahp","items":["a","b"],"pairwise":[{"row":"a","col":"z","value":3}]}""", "$.pairwise[0].col: \"z\" is not one of $.items.")]
    [InlineData("""{"measure":"ahp","items":["a","b","c"],"pairwise":[{"row":"a","col":"b","value":3},{"row":"b","col":"c","value":2}]}""", "$.pairwise: the matrix is incomplete: no judgement compares \"a\" with \"c\".")]
    [InlineData("""{"measure":"ahp","items":["a","b"],"matrix":[[1,2],[2,1]]}""", "$.matrix[1][0]: must be the reciprocal of $.matrix[0][1].")]
    [InlineData("""{"measure":"ahp","items":["a","b"],"matrix":[[1,2],[0.5,1]],"pairwise":[]}""", "$.matrix: give either pairwise or matrix, not both.")]
    [InlineData("""{"measure":"ahp","items":["a","b"],"matrix":[[1,2]]}""", "$.matrix: expected 2 rows, one per item of $.items.")]
    [InlineData("""{"measure":"ahp","items":["a","b","c","d","e","f","g","h","i","j","k"],"pairwise":[]}""", "$.randomIndex: saaty1980 covers at most 10 items but $.items has 11; choose saaty2005, doneganDodd or tummalaLing.")]
    [InlineData("""{"measure":"ahp","items":["a","b"],"pairwise":[{"row":"a","col":"b","value":2}],"randomIndex":"saaty"}""", "$.randomIndex: unknown table \"saaty\"; expected one of saaty1980, saaty2005, doneganDodd, tummalaLing.")]
    [InlineData("""{"measure":"ahp","items":["a","a"],"pairwise":[]}""", "$.items[1]: \"a\" is given more than once.")]
    [InlineData("""{"measure":"ahp","items":["a","b"],"pairwise":[{"row":"a","col":"b","value":2}],"weights":[1]}""", "$.weights: unknown field; this request takes \"items\", \"matrix\", \"measure\", \"pairwise\", \"randomIndex\".")]
    [InlineData("""{"measure":"ahp-hierarchy","alternatives":["x","y"],"nodes":[{"name":"G","items":["x","q"],"pairwise":[]}]}""", "$.nodes[0].items[1]: \"q\" is neither a node nor one of $.alternatives.")]
    [InlineData("""{"measure":"ahp-hierarchy","alternatives":["x","y"],"nodes":[{"name":"A","items":["x","y"],"pairwise":[{"row":"x","col":"y","value":2}]},{"name":"B","items":["x","y"],"pairwise":[{"row":"x","col":"y","value":2}]}]}""", "$.nodes: exactly one node must be no other node's item (the goal), but 2 are: \"A\", \"B\".")]
    [InlineData("""{"measure":"ahp-hierarchy","alternatives":["x","y","z"],"nodes":[{"name":"G","items":["x","y"],"pairwise":[{"row":"x","col":"y","value":2}]}]}""", "$.nodes[0].items: a leaf criterion must compare every one of $.alternatives.")]
    [InlineData("""{"measure":"topsis","alternatives":["x","y"],"criteria":[{"name":"c","weight":-1,"type":"cost"}],"matrix":[[1],[2]]}""", "$.criteria[0].weight: must be 0 or more.")]
    [InlineData("""{"measure":"topsis","alternatives":["x","y"],"criteria":[{"name":"c","weight":0,"type":"cost"}],"matrix":[[1],[2]]}""", "$.criteria: at least one weight must be above 0.")]
    [InlineData("""{"measure":"topsis","alternatives":["x","y"],"criteria":[{"name":"c","weight":1,"type":"worse"}],"matrix":[[1],[2]]}""", "$.criteria[0].type: unknown direction \"worse\"; expected benefit or cost.")]
    [InlineData("""{"measure":"topsis","alternatives":["x","y"],"criteria":[{"name":"c","weight":1,"type":"cost"}],"matrix":[[1]]}""", "$.matrix: expected 2 rows, one per alternative of $.alternatives.")]
    [InlineData("""{"measure":"topsis","alternatives":["x","y"],"criteria":[{"name":"c","weight":1,"type":"cost"}],"matrix":[[1],[2,3]]}""", "$.matrix[1]: expected 1 values, one per criterion of $.criteria.")]
    [InlineData("""{"measure":"topsis","alternatives":["x","y"],"criteria":[{"name":"c","weight":1,"type":"cost"}],"matrix":[[1],[1e999]]}""", "$.matrix[1][0]: must be a finite number.")]
    [InlineData("""{"measure":"topsis","alternatives":["x","y"],"criteria":[{"name":"c","weight":1,"type":"cost"}],"matrix":[[1],[2]],"normalisation":"l2"}""", "$.normalisation: unknown normalisation \"l2\"; expected one of vector, minMax, none.")]
    [InlineData("""{"measure":"salience","stakeholders":[{"key":"p","power":true,"legitimacy":0.7,"urgency":2}]}""", "$.stakeholders[0].urgency: expected true, false or a number from 0 to 1.")]
    [InlineData("""{"measure":"salience","stakeholders":[{"key":"p","power":true,"legitimacy":0.7}]}""", "$.stakeholders[0].urgency: required field is missing.")]
    [InlineData("""{"measure":"primary-customer","strategy":"best","stakeholders":[{"key":"p"}],"criteria":[]}""", "$.strategy: unknown strategy \"best\"; expected one of weighted-sum, ahp, topsis, salience.")]
    [InlineData("""{"measure":"primary-customer","strategy":"weighted-sum","stakeholders":[{"key":"p"}],"criteria":[{"key":"c","direction":"benefit","scaleLow":5,"scaleHigh":5}]}""", "$.criteria[0].scaleHigh: must be above scaleLow.")]
    [InlineData("""{"measure":"primary-customer","strategy":"weighted-sum","stakeholders":[{"key":"p"}],"criteria":[{"key":"c","direction":"benefit","scaleLow":0,"scaleHigh":5}],"assessments":[]}""", "$.assessments: \"p\" has no assessment on \"c\"; every stakeholder needs one per criterion.")]
    [InlineData("""{"measure":"primary-customer","strategy":"weighted-sum","stakeholders":[{"key":"p"}],"criteria":[{"key":"c","direction":"benefit","scaleLow":0,"scaleHigh":5}],"assessments":[{"stakeholder":"q","criterion":"c","value":1,"source":"s","assessedOn":"2025-01-01"}]}""", "$.assessments[0].stakeholder: \"q\" is not one of $.stakeholders.")]
    [InlineData("""{"measure":"primary-customer","strategy":"ahp","stakeholders":[{"key":"p"}],"criteria":[{"key":"c","direction":"benefit","scaleLow":0,"scaleHigh":5},{"key":"d","direction":"cost","scaleLow":0,"scaleHigh":5}],"assessments":[{"stakeholder":"p","criterion":"c","value":1,"source":"s","assessedOn":"2025-01-01"},{"stakeholder":"p","criterion":"d","value":1,"source":"s","assessedOn":"2025-01-01"}]}""", "$.criteriaPairwise: required when the strategy is \"ahp\": the criteria weights come from these judgements.")]
    [InlineData("""{"measure":"primary-customer","strategy":"weighted-sum","stakeholders":[{"key":"p","power":1,"legitimacy":1,"urgency":1},{"key":"q"}],"criteria":[{"key":"c","direction":"benefit","scaleLow":0,"scaleHigh":5}]}""", "$.stakeholders[1]: salience is given for some stakeholders, so every stakeholder needs power, legitimacy and urgency.")]
    [InlineData("""{"measure":"primary-customer","strategy":"weighted-sum","stakeholders":[{"key":"p"}],"criteria":[{"key":"c","direction":"benefit","scaleLow":0,"scaleHigh":5}],"assessments":[{"stakeholder":"p","criterion":"c","value":1,"source":"s","assessedOn":"2025-01-01"}],"options":{"normalisation":"zScore"}}""", "$.options.normalisation: expected scaleBounds or minMaxAcrossAlternatives.")]
    public void BadInput_ExitsTwo_NamingThePath(string request, string expected) => Assert.Equal(expected, Bad(request));
}
