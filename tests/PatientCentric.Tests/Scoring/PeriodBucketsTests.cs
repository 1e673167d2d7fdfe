using FsCheck.Xunit;
using PatientCentric.Scoring;
using static PatientCentric.Tests.TestData;

namespace PatientCentric.Tests.Scoring;

public sealed class PeriodBucketsTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Property(MaxTest = 200)]
    public bool IndexOf_GivesTheBucketHoldingEveryDayOfThePeriod(int seed)
    {
        // IndexOf reads a per-day table; the buckets themselves are built from the calendar, so the two must agree.
        var random = new Random(seed);
        var start = D(1999, 1, 1).AddDays(random.Next(0, 12_000));
        var buckets = PeriodBuckets.Create(new MeasurementPeriod(start, start.AddDays(random.Next(0, 1_500))), (PeriodGrain)random.Next(3));
        for (var day = start; day <= buckets.Whole.End; day = day.AddDays(1))
        {
            if (!buckets.Periods[buckets.IndexOf(day)].Contains(day))
                return false;
        }
        return true;
    }

    [Fact]
    public void Create_Weeks_AreIsoWeeksAcrossTheYearEnd_ClippedAndFlaggedPartial()
    {
        var buckets = PeriodBuckets.Create(new MeasurementPeriod(D(2024, 12, 25), D(2025, 1, 10)), PeriodGrain.Week);
        Assert.Equal([new(D(2024, 12, 25), D(2024, 12, 29)), new(D(2024, 12, 30), D(2025, 1, 5)), new(D(2025, 1, 6), D(2025, 1, 10))],
                     buckets.Periods.ToArray());
        Assert.Equal([true, false, true], buckets.IsPartial.ToArray());   // ISO week 1 of 2025 starts on Monday 2024-12-30
        Assert.Equal(DayOfWeek.Monday, buckets.Periods[1].Start.DayOfWeek);
    }

    [Fact]
    public void Create_Quarters_ClipTheFirstAndLast()
    {
        var buckets = PeriodBuckets.Create(new MeasurementPeriod(D(2025, 2, 15), D(2025, 8, 1)), PeriodGrain.Quarter);
        Assert.Equal([new(D(2025, 2, 15), D(2025, 3, 31)), new(D(2025, 4, 1), D(2025, 6, 30)), new(D(2025, 7, 1), D(2025, 8, 1))],
                     buckets.Periods.ToArray());
        Assert.Equal([true, false, true], buckets.IsPartial.ToArray());
    }

    [Fact]
    public void Create_MonthsOfAWholeYear_AreTwelveFullMonths()
    {
        var buckets = PeriodBuckets.Create(new MeasurementPeriod(D(2024, 1, 1), D(2024, 12, 31)), PeriodGrain.Month);
        Assert.Equal(12, buckets.Count);
        Assert.Equal(new MeasurementPeriod(D(2024, 2, 1), D(2024, 2, 29)), buckets.Periods[1]);   // a leap year's February
        Assert.All(buckets.IsPartial, Assert.False);
    }

    [Fact]
    public void Create_AtTheEndOfTheCalendar_DoesNotOverflow()
    {
        var buckets = PeriodBuckets.Create(new MeasurementPeriod(D(9999, 12, 20), DateOnly.MaxValue), PeriodGrain.Week);
        Assert.Equal(DateOnly.MaxValue, buckets.Periods[^1].End);
        Assert.True(buckets.IsPartial[^1]);
    }

    [Theory]
    [InlineData(2024, 12, 1, 0)]    // before the period: the first bucket
    [InlineData(2025, 1, 31, 0)]
    [InlineData(2025, 2, 1, 1)]
    [InlineData(2025, 3, 31, 2)]
    [InlineData(2025, 9, 1, 2)]     // after the period: the last bucket
    public void IndexOf_ClampsDatesOutsideThePeriod(int y, int m, int d, int expected) =>
        Assert.Equal(expected, PeriodBuckets.Create(new MeasurementPeriod(D(2025, 1, 1), D(2025, 3, 31)), PeriodGrain.Month).IndexOf(D(y, m, d)));

    [Fact]
    public void Routing_UsesTheLocalDate_AcrossDaylightSavingTime()
    {
        // 23:30 on 31 March in Chicago (CDT, UTC−05:00, after the 9 March change) is already 1 April in UTC: it belongs to March.
        var lateMarch = new DateTimeOffset(2025, 3, 31, 23, 30, 0, TimeSpan.FromHours(-5));
        var earlyMarch = new DateTimeOffset(2025, 3, 9, 1, 30, 0, TimeSpan.FromHours(-6));   // just before the change
        var period = new MeasurementPeriod(D(2025, 3, 1), D(2025, 4, 30));
        var data = Data([Kept(lateMarch), Kept(earlyMarch), Kept(lateMarch.AddHours(1))]) with { Period = period };
        var context = Context() with { Period = period };
        var buckets = PeriodBuckets.Create(period, PeriodGrain.Month);
        var scorer = new PatientCentric.Touchpoints.AccessRatesScorer();
        object[] accumulators = [scorer.CreateAccumulator(context), scorer.CreateAccumulator(context)];
        scorer.AddByPeriod(accumulators, data, context, buckets);
        Assert.Equal(2, ((PatientCentric.Touchpoints.AccessRatesScorer.Accumulator)accumulators[0]).Visits);
        Assert.Equal(1, ((PatientCentric.Touchpoints.AccessRatesScorer.Accumulator)accumulators[1]).Visits);
    }

    [Fact]
    public void Routing_RefusesAccumulatorsThatDoNotFitTheBuckets()
    {
        var period = new MeasurementPeriod(D(2025, 3, 1), D(2025, 4, 30));
        var context = Context() with { Period = period };
        var buckets = PeriodBuckets.Create(period, PeriodGrain.Month);
        var scorer = new PatientCentric.Touchpoints.LeadTimeScorer();
        var data = Data([]) with { Period = period };
        Assert.Throws<ArgumentException>(() => scorer.AddByPeriod([scorer.CreateAccumulator(context)], data, context, buckets));
        Assert.Throws<ArgumentException>(() => scorer.AddByPeriod([scorer.CreateAccumulator(context), new object()], data, context, buckets));
        Assert.Throws<ArgumentException>(() => scorer.AddByPeriod([scorer.CreateAccumulator(context), scorer.CreateAccumulator(context)], data,
            context with { Period = new MeasurementPeriod(D(2025, 3, 1), D(2025, 3, 31)) }, buckets));
    }
}
