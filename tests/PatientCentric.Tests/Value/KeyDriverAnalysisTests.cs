using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PatientCentric.Value;

namespace PatientCentric.Tests.Value;

public sealed class KeyDriverAnalysisTests
{
    // --- published numbers ---

    /// <summary>R package rwa (Martin Chan), vignette "Regression Methods: Multiple and Logistic RWA", section "Basic Example
    /// with mtcars": rwa_multiregress(mtcars, "mpg", c("cyl", "disp", "hp", "wt"))$result, printed to 7 significant digits
    /// (https://martinctc.github.io/rwa/articles/regression-methods.html).</summary>
    [Fact]
    public void RelativeWeights_MtCarsMpgOnCylDispHpWt_MatchesRwaVignette()
    {
        var r = KeyDriverAnalysis.RelativeWeights(MtCars.Input("mpg", "cyl", "disp", "hp", "wt"));
        Assert.Equal(["cyl", "disp", "hp", "wt"], r.Weights.Select(w => w.Predictor));
        double[] raw = [0.2096904, 0.1883043, 0.1799590, 0.2706812];
        double[] rescaled = [24.70914, 22.18908, 21.20570, 31.89607];
        for (int j = 0; j < 4; j++)
        {
            Assert.Equal(raw[j], r.Weights[j].RawWeight, 7);
            Assert.Equal(rescaled[j], r.Weights[j].RescaledPercent!.Value, 5);
            Assert.Equal(-1, r.Weights[j].Sign);   // rwa prints Sign "-" for all four
        }
        Assert.Equal(32, r.RespondentCount);
        Assert.Equal(raw.Sum(), r.RSquared, 6);
    }

    /// <summary>R package domir (Joseph Luchman), README on CRAN: domir(mpg ~ am + vs + cyl, lm_wrapper, data = mtcars) with
    /// lm's R², printed to 7 significant digits: "Overall Value: 0.7619773", general dominance am 0.1774892, vs 0.2027032,
    /// cyl 0.3817849; conditional dominance ("Include At: 1..3") am 0.3597989 0.1389842 0.033684441, vs 0.4409477 0.1641982
    /// 0.002963748, cyl 0.7261800 0.3432799 0.075894823 (https://cran.r-project.org/web/packages/domir/readme/README.html).</summary>
    [Fact]
    public void Dominance_MtCarsMpgOnAmVsCyl_MatchesDomirReadme()
    {
        var d = KeyDriverAnalysis.Dominance(MtCars.Input("mpg", "am", "vs", "cyl"));
        Assert.Equal(0.7619773, d.RSquared, 7);
        Assert.Equal(0.1774892, d.GeneralDominance[0], 7);
        Assert.Equal(0.2027032, d.GeneralDominance[1], 7);
        Assert.Equal(0.3817849, d.GeneralDominance[2], 7);
        double[][] levels = [[0.3597989, 0.1389842, 0.033684441], [0.4409477, 0.1641982, 0.002963748], [0.7261800, 0.3432799, 0.075894823]];
        for (int j = 0; j < 3; j++)
        {
            for (int k = 0; k < 3; k++)
                Assert.Equal(levels[j][k], d.AverageContributionByLevel[j][k], 7);
        }
        Assert.Equal("am+cyl", d.SubsetName(0b101));
        Assert.Equal([1, 2, 4, 3, 5, 6, 7], d.SubsetOrder());
        Assert.Equal(0.7619773, d.SubsetRSquared[7], 7);
    }

    [Fact]
    public void RelativeWeights_FromTheCorrelationMatrix_EqualsFromRows()
    {
        string[] names = ["mpg", "cyl", "disp", "hp", "wt"];
        var acc = MtCars.Accumulate(names);
        var fromRows = KeyDriverAnalysis.RelativeWeights(MtCars.Input("mpg", "cyl", "disp", "hp", "wt"));
        var fromMatrix = KeyDriverAnalysis.RelativeWeights(KeyDriverAnalysis.FromCorrelations(new CorrelationMatrix([.. names], acc.Correlations()), "mpg"));
        Assert.Null(fromMatrix.RespondentCount);
        for (int j = 0; j < 4; j++)
            Assert.Equal(fromRows.Weights[j].RawWeight, fromMatrix.Weights[j].RawWeight, 12);
    }

    // --- rules ---

    [Fact]
    public void FromRows_RowWithAMissingValue_IsDeletedListwiseAndCounted()
    {
        var acc = MtCars.Accumulate("mpg", "cyl", "wt");
        acc.Add([double.NaN, 4, 2.5]);
        acc.Add([20, 4, double.NaN]);
        var input = KeyDriverAnalysis.FromRows(acc, ["mpg", "cyl", "wt"], "mpg", ["cyl", "wt"]);
        Assert.Equal((32L, 2L), (input.RespondentCount!.Value, input.DeletedRowCount));
        Assert.False(input.MeetsMinimumEvidence);
    }

    [Fact]
    public void FromRows_ZeroVariancePredictor_IsDroppedWithANote()
    {
        var acc = new CorrelationAccumulator(4);
        var random = new Random(7);
        for (int i = 0; i < 40; i++)
        {
            double a = random.NextDouble(), b = random.NextDouble();
            acc.Add([a + b + random.NextDouble(), a, 3.0, b]);
        }
        var input = KeyDriverAnalysis.FromRows(acc, ["y", "a", "constant", "b"], "y", ["a", "constant", "b"]);
        Assert.Equal(["a", "b"], input.Predictors);
        Assert.Equal(["constant"], input.DroppedPredictors);
    }

    [Fact]
    public void FromRows_CollinearPredictors_AreNamed()
    {
        var acc = new CorrelationAccumulator(5);
        var random = new Random(11);
        for (int i = 0; i < 40; i++)
        {
            double a = random.NextDouble(), b = random.NextDouble(), c = random.NextDouble();
            acc.Add([a + c + random.NextDouble(), a, b, c, a - (2 * b)]);
        }
        var error = Assert.Throws<ArgumentException>(() => KeyDriverAnalysis.FromRows(acc, ["y", "a", "b", "c", "d"], "y", ["a", "b", "c", "d"]));
        Assert.Equal("The predictors \"a\", \"b\", \"d\" are collinear (their correlation matrix is singular); drop or combine one of them.", error.Message);
    }

    [Fact]
    public void FromRows_TooFewCompleteRows_Throws()
    {
        var acc = new CorrelationAccumulator(3);
        acc.Add([1, 2, 3]);
        acc.Add([2, 1, 5]);
        acc.Add([3, 5, 4]);
        var error = Assert.Throws<ArgumentException>(() => KeyDriverAnalysis.FromRows(acc, ["y", "a", "b"], "y", ["a", "b"]));
        Assert.Equal("Key-driver analysis of 2 predictors needs at least 4 complete rows; 3 remain after listwise deletion.", error.Message);
    }

    [Fact]
    public void FromCorrelations_NotPositiveSemiDefinite_Throws()
    {
        var m = new CorrelationMatrix(["y", "a", "b"], [1, 0.9, 0.9, 0.9, 1, -0.9, 0.9, -0.9, 1]);
        var error = Assert.Throws<ArgumentException>(() => KeyDriverAnalysis.FromCorrelations(m, "y"));
        Assert.StartsWith("The correlation matrix is not positive semi-definite", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dominance_AboveTheCap_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => KeyDriverAnalysis.Dominance(MtCars.Input("mpg", "cyl", "disp", "hp"), maxPredictors: 2));
        Assert.StartsWith("Dominance analysis fits 2^p regressions; 3 predictors exceed the cap of 2.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CorrelationMatrix_NotSymmetric_NamesTheEntry()
    {
        var error = Assert.Throws<ArgumentException>(() => new CorrelationMatrix(["y", "a"], [1, 0.5, 0.4, 1]));
        Assert.StartsWith("[0, 1]: the matrix is not symmetric: [0, 1] differs from [1, 0].", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accumulator_MergedShards_EqualOnePass()
    {
        var whole = MtCars.Accumulate("mpg", "cyl", "disp", "hp", "wt");
        var first = new CorrelationAccumulator(5);
        var second = new CorrelationAccumulator(5);
        int[] index = [0, 1, 2, 3, 5];
        for (int i = 0; i < MtCars.Rows.Length; i++)
            (i % 3 == 0 ? first : second).Add([.. index.Select(c => MtCars.Rows[i][c])]);
        first.Add(second);
        Assert.Equal(whole.Count, first.Count);
        var a = whole.Correlations();
        var b = first.Correlations();
        for (int i = 0; i < a.Length; i++)
            Assert.Equal(a[i], b[i], 12);
    }

    [Fact]
    public void Accumulator_LargeOffset_StaysAccurate()
    {
        // Welford's update does not lose the variance of values far from zero (the naive Σx² − n·x̄² would).
        var acc = new CorrelationAccumulator(2);
        for (int i = 0; i < 1000; i++)
            acc.Add([1e9 + (i % 10), 1e9 + ((i % 10) * 2) + (i % 3)]);
        var plain = new CorrelationAccumulator(2);
        for (int i = 0; i < 1000; i++)
            plain.Add([i % 10, ((i % 10) * 2) + (i % 3)]);
        Assert.Equal(plain.Correlations()[1], acc.Correlations()[1], 7);   // 1e9 + x holds x to about 1e-7
        Assert.Equal(plain.Variance(0), acc.Variance(0), 6);
    }

    // --- properties (generators: 3–6 predictors, 30–60 rows of values in −5..5 with a shared factor) ---

    private static Arbitrary<(int P, int N, int Seed)> Designs() =>
        (from p in Gen.Choose(2, 6) from n in Gen.Choose(30, 60) from seed in Gen.Choose(0, int.MaxValue) select (p, n, seed)).ToArbitrary();

    private static (CorrelationAccumulator Rows, ImmutableArray<string> Names, double[][] Data) Sample(int p, int n, int seed, Func<int, double[], double[]>? transform = null)
    {
        var random = new Random(seed);
        var acc = new CorrelationAccumulator(p + 1);
        var data = new double[n][];
        for (int i = 0; i < n; i++)
        {
            double shared = (random.NextDouble() * 10) - 5;
            var row = new double[p + 1];
            double y = 0;
            for (int j = 1; j <= p; j++)
            {
                row[j] = (0.6 * shared) + ((random.NextDouble() * 10) - 5);
                y += row[j] * (j % 3 == 0 ? -0.5 : j);
            }
            row[0] = y + ((random.NextDouble() * 20) - 10);
            data[i] = transform is null ? row : transform(i, row);
            acc.Add(data[i]);
        }
        return (acc, [.. Enumerable.Range(0, p + 1).Select(j => j == 0 ? "y" : $"x{j}")], data);
    }

    private static KeyDriverInput Input((CorrelationAccumulator Rows, ImmutableArray<string> Names, double[][] Data) s) =>
        KeyDriverAnalysis.FromRows(s.Rows, s.Names, "y", s.Names.RemoveAt(0));

    [Property(MaxTest = 300)]
    public Property RelativeWeights_SumToRSquared_AndAreNonNegative() =>
        Prop.ForAll(Designs(), d =>
        {
            var input = Input(Sample(d.P, d.N, d.Seed));
            var r = KeyDriverAnalysis.RelativeWeights(input);
            var full = KeyDriverAnalysis.Dominance(input).RSquared;   // r_xyᵀ R_xx⁻¹ r_xy by Cholesky
            return Math.Abs(r.Weights.Sum(w => w.RawWeight) - r.RSquared) <= 1e-10
                   && Math.Abs(r.RSquared - full) <= 1e-10
                   && r.Weights.All(w => w.RawWeight >= 0)
                   && Math.Abs(r.Weights.Sum(w => w.RescaledPercent!.Value) - 100) <= 1e-8;
        });

    [Property(MaxTest = 300)]
    public Property ShapleyValues_SumToRSquared() =>
        Prop.ForAll(Designs(), d =>
        {
            var r = KeyDriverAnalysis.Dominance(Input(Sample(d.P, d.N, d.Seed)));
            return Math.Abs(r.GeneralDominance.Sum() - r.RSquared) <= 1e-10
                   && r.AverageContributionByLevel.Select((levels, j) => Math.Abs(levels.Average() - r.GeneralDominance[j])).Max() <= 1e-12;
        });

    [Property(MaxTest = 300)]
    public Property BothMethods_AreInvariantToRescalingAndShiftingAPredictor() =>
        Prop.ForAll(Designs(), Gen.Choose(-1000, 1000).Where(s => s != 0).ToArbitrary(), (d, scale) =>
        {
            var plain = Input(Sample(d.P, d.N, d.Seed));
            var moved = Input(Sample(d.P, d.N, d.Seed, (_, row) => { row[1] = (row[1] * scale / 10.0) + 250; return row; }));
            var (a, b) = (KeyDriverAnalysis.RelativeWeights(plain), KeyDriverAnalysis.RelativeWeights(moved));
            var (c, e) = (KeyDriverAnalysis.Dominance(plain), KeyDriverAnalysis.Dominance(moved));
            return a.Weights.Zip(b.Weights).All(w => Math.Abs(w.First.RawWeight - w.Second.RawWeight) <= 1e-9)
                   && c.GeneralDominance.Zip(e.GeneralDominance).All(g => Math.Abs(g.First - g.Second) <= 1e-9)
                   && b.Weights[0].Sign == a.Weights[0].Sign * Math.Sign(scale);
        });
}
