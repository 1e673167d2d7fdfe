using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PatientCentric.Scoring;

namespace PatientCentric.Tests.Scoring;

public sealed class ProfileTests
{
    [Theory]
    [InlineData("aesthetic-self-pay", 0.40, 0.40, 0.20)]
    [InlineData("acute-insured", 0.20, 0.60, 0.20)]
    [InlineData("primary-care-fee-for-service", 0.30, 0.40, 0.30)]
    [InlineData("primary-care-value-based", 0.25, 0.45, 0.30)]
    public void BuiltInProfiles_HaveTheDomainWeights(string key, double cs, double qc, double ce)
    {
        var w = BuiltInProfiles.All[key].Weights;
        Assert.Equal(cs, w.CustomerService, precision: 12);
        Assert.Equal(qc, w.QualityOfCare, precision: 12);
        Assert.Equal(ce, w.CostEffectiveness, precision: 12);
        Assert.False(string.IsNullOrWhiteSpace(BuiltInProfiles.All[key].Rationale));
    }

    [Fact]
    public void MetricWeights_AllZero_IsRefused() =>
        Assert.Equal("At least one metric weight must be above 0. (Parameter 'customerService')",
            Assert.Throws<ArgumentException>(() => new MetricWeights(0, 0, 0)).Message);

    [Theory]
    [InlineData(-0.1, 1, 1)]
    [InlineData(1, double.NaN, 1)]
    [InlineData(1, 1, double.PositiveInfinity)]
    public void MetricWeights_NegativeOrNotFinite_IsRefused(double cs, double qc, double ce) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MetricWeights(cs, qc, ce));

    [Property(MaxTest = 1_000)]
    public Property MetricWeights_ScalingAllWeights_ChangesNothing() =>
        Prop.ForAll(Gen.Choose(0, 1000).ArrayOf(3).Where(w => w.Sum() > 0).ToArbitrary(), Gen.Choose(1, 1000).ToArbitrary(), (w, k) =>
        {
            var a = new MetricWeights(w[0], w[1], w[2]);
            var b = new MetricWeights(w[0] * (double)k, w[1] * (double)k, w[2] * (double)k);
            return Math.Abs(a.CustomerService - b.CustomerService) < 1e-12 && Math.Abs(a.QualityOfCare - b.QualityOfCare) < 1e-12
                && Math.Abs(a.CostEffectiveness - b.CostEffectiveness) < 1e-12
                && Math.Abs(a.CustomerService + a.QualityOfCare + a.CostEffectiveness - 1) < 1e-12;
        });

    [Fact]
    public void Targets_AreSerializedInOrdinalKeyOrder_WhateverTheOrderTheyWereAddedIn()
    {
        // results.json must be the same on every run: a hash-ordered dictionary gave a different key order per process.
        var profile = BuiltInProfiles.All[BuiltInProfiles.DefaultKey] with
        {
            Targets = MeasureTarget.CommonlyCited.SetItem("z-measure", new MeasureTarget(1, true)).SetItem("a-measure", new MeasureTarget(2, false)),
        };
        var json = System.Text.Json.JsonSerializer.Serialize(profile, PatientCentric.Serialization.PatientCentricJsonContext.Default.Profile);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var keys = doc.RootElement.GetProperty("targets").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.Equal(4, keys.Count);
    }
}
