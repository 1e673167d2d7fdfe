using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PatientCentric.Customers;

namespace PatientCentric.Tests.Customers;

public sealed class TopsisTests
{
    private static readonly CriterionDirection Benefit = CriterionDirection.Benefit;
    private static readonly CriterionDirection Cost = CriterionDirection.Cost;

    [Fact]
    public void Rank_OpricovicTzeng2004_MinMax_ReproducesPymcdm()
    {
        // Opricovic & Tzeng (2004) EJOR 156(2):445–455, the three-alternative example, as pinned in pymcdm's test suite
        // (TestTOPSIS.test_output; pymcdm's default min–max normalisation): closeness 0.500, 0.617, 0.500 (3 decimals).
        var t = Topsis.Rank([[1, 3000], [2, 3750], [5, 4500]], [0.5, 0.5], [Cost, Benefit], TopsisNormalization.MinMax);
        Assert.Equal(0.500, t.Closeness[0], 0.0005);
        Assert.Equal(0.617, t.Closeness[1], 0.0005);
        Assert.Equal(0.500, t.Closeness[2], 0.0005);
        Assert.Equal([2, 1, 2], t.Ranks);
        Assert.False(t.IsTie);
    }

    [Fact]
    public void Rank_ScikitCriteriaExample_WithoutNormalisation_ReproducesItsSimilarity()
    {
        // scikit-criteria test_TOPSIS (skcriteria.agg.similarity): matrix [[1, 0, 3], [0, 5, 6]], all maximised, equal
        // weights, no scaler: ideal [1, 5, 6], anti-ideal [0, 0, 3], similarity [0.14639248, 0.85360752] (8 decimals).
        var t = Topsis.Rank([[1, 0, 3], [0, 5, 6]], [1, 1, 1], [Benefit, Benefit, Benefit], TopsisNormalization.None);
        Assert.Equal(0.14639248, t.Closeness[0], 0.000000005);
        Assert.Equal(0.85360752, t.Closeness[1], 0.000000005);
        // Our ideal lives in the weighted space (weights normalised to 1/3 each).
        Assert.Equal([1 / 3.0, 5 / 3.0, 2.0], t.Ideal.Select(x => Math.Round(x, 12)), (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal([0, 0, 1.0], t.AntiIdeal.Select(x => Math.Round(x, 12)));
    }

    [Fact]
    public void Rank_VectorNormalisation_FollowsHwangAndYoonStepByStep()
    {
        // Hand-derived: columns (3, 4) and (4, 3) have norm 5; weights 0.5 each; benefit then cost.
        var t = Topsis.Rank([[3, 4], [4, 3]], [1, 1], [Benefit, Cost]);
        Assert.Equal([0.4, 0.3], t.Ideal.Select(x => Math.Round(x, 12)));
        Assert.Equal([0.3, 0.4], t.AntiIdeal.Select(x => Math.Round(x, 12)));
        Assert.Equal(0.0, t.Closeness[0], 12);   // the anti-ideal itself
        Assert.Equal(1.0, t.Closeness[1], 12);
    }

    [Fact]
    public void Rank_AllAlternativesIdentical_IsAHalfEachTie()
    {
        var t = Topsis.Rank([[2, 7], [2, 7], [2, 7]], [0.3, 0.7], [Benefit, Cost]);
        Assert.Equal([0.5, 0.5, 0.5], t.Closeness);
        Assert.Equal([1, 1, 1], t.Ranks);
        Assert.True(t.IsTie);
    }

    [Fact]
    public void Rank_VectorColumnOfZeros_NormalisesToZero_AndDoesNotDecide()
    {
        var t = Topsis.Rank([[0, 1], [0, 2]], [0.5, 0.5], [Benefit, Benefit]);
        Assert.Equal([0.0, 0.0], t.Ideal.Take(1).Concat(t.AntiIdeal.Take(1)));
        Assert.Equal([2, 1], t.Ranks);
    }

    [Fact]
    public void Rank_TiesWithinTolerance_ShareTheLowestRank()
    {
        var t = Topsis.Rank([[1, 2], [2, 1], [0, 0]], [1, 1], [Benefit, Benefit]);
        Assert.Equal([1, 1, 3], t.Ranks);
    }

    [Fact]
    public void Rank_NegativeOrAllZeroWeights_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => Topsis.Rank([[1.0]], [-1.0], [Benefit]));
        var e = Assert.Throws<ArgumentException>(() => Topsis.Rank([[1.0]], [0.0], [Benefit]));
        Assert.StartsWith("At least one weight must be above 0.", e.Message, StringComparison.Ordinal);
    }

    private static Arbitrary<(double[][] Matrix, double[] Weights, CriterionDirection[] Directions, TopsisNormalization N)> Problems() =>
        (from m in Gen.Choose(1, 6)
         from n in Gen.Choose(1, 5)
         from cells in Gen.Choose(0, 1000).ArrayOf(m * n)
         from weights in Gen.Choose(0, 100).ArrayOf(n).Where(w => w.Sum() > 0)
         from dirs in Gen.Elements(CriterionDirection.Benefit, CriterionDirection.Cost).ArrayOf(n)
         from norm in Gen.Elements(TopsisNormalization.Vector, TopsisNormalization.MinMax, TopsisNormalization.None)
         select (Enumerable.Range(0, m).Select(i => cells.Skip(i * n).Take(n).Select(x => x / 10.0).ToArray()).ToArray(),
                 weights.Select(w => (double)w).ToArray(), dirs, norm)).ToArbitrary();

    [Property(MaxTest = 1_000)]
    public Property Closeness_IsWithinZeroAndOne() =>
        Prop.ForAll(Problems(), p => Topsis.Rank(p.Matrix, p.Weights, p.Directions, p.N).Closeness.All(c => c is >= 0 and <= 1));

    [Property(MaxTest = 1_000)]
    public Property ScalingAllWeights_ChangesNothing() =>
        Prop.ForAll(Problems(), Gen.Choose(1, 1000).ToArbitrary(), (p, k) =>
        {
            var a = Topsis.Rank(p.Matrix, p.Weights, p.Directions, p.N);
            var b = Topsis.Rank(p.Matrix, [.. p.Weights.Select(w => w * k)], p.Directions, p.N);
            return a.Closeness.Zip(b.Closeness).All(x => Math.Abs(x.First - x.Second) < 1e-9);
        });
}
