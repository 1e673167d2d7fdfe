using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PatientCentric.Scoring;
using PatientCentric.Touchpoints;

namespace PatientCentric.Tests.Touchpoints;

public sealed class DurationHistogramTests
{
    private static DurationHistogram Of(IEnumerable<int> values, int max = 720)
    {
        var h = new DurationHistogram(max);
        foreach (int v in values) h.Add(v);
        return h;
    }

    [Fact]
    public void Quantile_MatchesRType7_OnOneToTen()
    {
        var h = Of(Enumerable.Range(1, 10));
        Assert.Equal(9.1, h.Quantile(0.9)!.Value, precision: 12);   // R: quantile(1:10, 0.9)
        Assert.Equal(5.5, h.Median());
    }

    [Fact]
    public void Empty_HasNoQuantile() => Assert.Null(new DurationHistogram(10).Median());

    [Fact]
    public void ValueOutOfRange_IsRefused() => Assert.Throws<ArgumentOutOfRangeException>(() => new DurationHistogram(10).Add(11));

    private static Arbitrary<int[]> Minutes() => Gen.Choose(0, 720).ArrayOf().Where(a => a.Length > 0).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Quantiles_EqualTheSortedArrayDefinition() =>
        Prop.ForAll(Minutes(), Gen.Choose(0, 100).ToArbitrary(), (values, percent) =>
        {
            double p = percent / 100.0;
            var sorted = values.Select(v => (double)v).Order().ToArray();
            return Math.Abs(Of(values).Quantile(p)!.Value - Quantiles.HyndmanFanType7(sorted, p)) < 1e-9;
        });

    [Property(MaxTest = 300)]
    public Property Merge_IsExact_Associative_AndCommutative() =>
        Prop.ForAll(Minutes(), Minutes(), Minutes(), (a, b, c) =>
        {
            var left = Of(a); left.Add(Of(b)); left.Add(Of(c));
            var right = Of(c); var bc = Of(b); bc.Add(Of(a)); right.Add(bc);
            var whole = Of(a.Concat(b).Concat(c));
            return left.ToCounts().SequenceEqual(whole.ToCounts()) && right.ToCounts().SequenceEqual(whole.ToCounts()) && left.Count == whole.Count;
        });
}

public sealed class DurationAggregateTests
{
    private static Gen<DurationEvent> Event() =>
        from m in Gen.Elements(DurationMeasure.LeadTimeDays, DurationMeasure.WaitToBeSeenMinutes, DurationMeasure.CycleTimeMinutes)
        from c in Gen.Choose(0, 4)
        from s in Gen.Choose(0, 2)
        from v in Gen.Choose(-5, 760)
        select new DurationEvent(m, c, s, v);

    private static DurationAggregate Of(IEnumerable<DurationEvent> events)
    {
        var a = new DurationAggregate(5, 3);
        foreach (var e in events) a.Add(e);
        return a;
    }

    private static string Fingerprint(DurationAggregate a) => string.Join("|",
        Enum.GetValues<DurationMeasure>().SelectMany(m =>
            new[] { a.Histogram(m, ScopeLevel.Practice) }
                .Concat(Enumerable.Range(0, 3).Select(i => a.Histogram(m, ScopeLevel.ServiceLine, i)))
                .Concat(Enumerable.Range(0, 5).Select(i => a.Histogram(m, ScopeLevel.Clinician, i)))
                .Select(h => string.Join(",", h.ToCounts()))
                .Append(a.Excluded(m).ToString())));

    [Property(MaxTest = 200)]
    public Property Shards_MergeToTheOnePassResult() =>
        Prop.ForAll(Event().ArrayOf().ToArbitrary(), Event().ArrayOf().ToArbitrary(), (x, y) =>
        {
            var merged = Of(x); merged.Add(Of(y));
            var reversed = Of(y); reversed.Add(Of(x));
            string whole = Fingerprint(Of(x.Concat(y)));
            return Fingerprint(merged) == whole && Fingerprint(reversed) == whole;
        });

    [Fact]
    public void InvalidValues_AreExcludedAndCounted_AndGroupsGetExactMedians()
    {
        var a = Of([new(DurationMeasure.CycleTimeMinutes, 0, 0, 30), new(DurationMeasure.CycleTimeMinutes, 1, 0, 50),
                    new(DurationMeasure.CycleTimeMinutes, 1, 1, 721), new(DurationMeasure.CycleTimeMinutes, 1, 1, -1)]);
        Assert.Equal(40.0, a.Histogram(DurationMeasure.CycleTimeMinutes, ScopeLevel.Practice).Median());
        Assert.Equal(50.0, a.Histogram(DurationMeasure.CycleTimeMinutes, ScopeLevel.Clinician, 1).Median());
        Assert.Equal((1L, 1L), a.Excluded(DurationMeasure.CycleTimeMinutes));
    }

    [Fact]
    public void UnknownClinician_NamesTheField() =>
        Assert.StartsWith("DurationEvent.Clinician must be from 0 to 4.",
            Assert.Throws<ArgumentOutOfRangeException>(() => Of([new(DurationMeasure.CycleTimeMinutes, 9, 0, 30)])).Message, StringComparison.Ordinal);
}
