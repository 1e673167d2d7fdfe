using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PatientCentric.Control;
using PatientCentric.Jobs;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Serialization;

namespace PatientCentric.Tests.Scoring;

/// <summary>The cohort series of the per-record job measures (docs/spc.md#every-measure-over-time): referral-loop closure
/// by each referral's date, job timeliness by each job's due date. Each point counts its cohort exactly as the whole-period
/// card counts it (same window, exclusions and as-of censoring), the points add up to the card, and the per-period counts
/// merge across shards and survive the serialized partial.</summary>
public sealed class CohortSeriesTests
{
    private static readonly string[] Lines = ["primary-care", "dermatology"];
    private static readonly PatientJobKind[] Kinds = [PatientJobKind.CompleteLab, PatientJobKind.AttendFollowUp, PatientJobKind.CompletePreVisitForm];

    [Property(MaxTest = 100)]
    public bool Points_AddUpToTheWholePeriodCard_ForEveryScopeAndMeasure(int seed)
    {
        var random = new Random(seed);
        var (data, period, asOf, grain) = RandomJobs(random);
        var evaluation = Evaluator(asOf, grain).Evaluate(data, period, TestData.Lenient);
        var measures = evaluation.Cards.Where(c => c.MeasureKey == "referral-closure" || c.MeasureKey.StartsWith("job-timeliness:", StringComparison.Ordinal)).ToList();
        return measures.All(card =>
        {
            if (card.Status == ScoreStatus.NotApplicable)
                return !evaluation.Series.Any(s => s.MeasureKey == card.MeasureKey && s.Scope == card.Scope);
            var series = evaluation.Series.Single(s => s.MeasureKey == card.MeasureKey && s.Scope == card.Scope);
            var (numerator, denominator) = PracticeEvaluatorCounts(card);
            // With every minimum at 1, a point without a value has a denominator of 0: it adds nothing.
            return series.Points.Sum(p => p.Numerator ?? 0) == numerator && series.Points.Sum(p => p.Denominator ?? 0) == denominator
                   && series.Points.All(p => p.Value is null ? p.Numerator is null : p.Value == p.Numerator / p.Denominator);
        });
    }

    [Property(MaxTest = 100)]
    public bool EachReferralClosurePoint_IsTheMeasureOverItsCohortAlone(int seed)
    {
        // Referral level counts a referral by its own date only, so the cohort of a period is exactly what the measure
        // counts over that period, with the same window and evaluation date.
        var random = new Random(seed);
        var (data, period, asOf, grain) = RandomJobs(random);
        var evaluation = Evaluator(asOf, grain).Evaluate(data, period, TestData.Lenient);
        if (evaluation.Series.SingleOrDefault(s => s.MeasureKey == "referral-closure" && s.Scope == ScoreScope.Practice) is not { } series)
            return evaluation.Cards.All(c => c.MeasureKey != "referral-closure" || c.Status == ScoreStatus.NotApplicable);
        var asOfDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(asOf, TestData.Chicago).DateTime);
        return series.Points.All(p =>
        {
            var alone = ReferralLoopClosure.Compute(data.Referrals, p.Period, asOfDate);
            bool any = data.Referrals.Any(r => p.Period.Contains(r.AuthoredOn));
            return !any ? p.Value is null && p.EvidenceCount == 0
                 : alone.Eligible == 0 ? p.Value is null && p.Status == ScoreStatus.InsufficientData
                 : p.Numerator == alone.Closed && p.Denominator == alone.Eligible;
        });
    }

    [Property(MaxTest = 100)]
    public bool EachJobTimelinessPoint_CountsTheJobsDueInIt(int seed)
    {
        var random = new Random(seed);
        var (data, period, asOf, grain) = RandomJobs(random);
        var evaluation = Evaluator(asOf, grain).Evaluate(data, period, TestData.Lenient);
        var asOfDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(asOf, TestData.Chicago).DateTime);
        var options = new JobOptions();
        return evaluation.Series.Where(s => s.MeasureKey.StartsWith("job-timeliness:", StringComparison.Ordinal) && s.Scope == ScoreScope.Practice).All(series =>
            series.Points.All(p =>
            {
                var states = data.Jobs.Where(j => "job-timeliness:" + j.KindKey == series.MeasureKey && p.Period.Contains(j.DueOn) && j.DueOn >= j.AssignedOn)
                    .Select(j => JobTimeliness.Classify(j.DueOn, j.CompletedOn, asOfDate, options.GraceDays, options.MissedAfterDays)).ToList();
                int onTime = states.Count(s => s == JobState.OnTime), resolved = states.Count(s => s is JobState.OnTime or JobState.Late or JobState.Missed);
                return resolved == 0 ? p.Value is null : p.Numerator == onTime && p.Denominator == resolved;
            }));
    }

    [Property(MaxTest = 30)]
    public bool Finish_OfMergedRandomShards_ThroughThePartial_EqualsEvaluate(int seed)
    {
        var random = new Random(seed);
        var (data, period, asOf, grain) = RandomJobs(random);
        var evaluator = Evaluator(asOf, grain);
        string expected = EvaluationPartialTests.Json(evaluator.Evaluate(data, period, TestData.Lenient));
        var partials = EvaluationPartialTests.Shards(data, random.Next(1, 5), random)
            .Select(s => EvaluationPartialTests.RoundTrip(evaluator.Accumulate(s, period, TestData.Lenient))).ToList();
        return EvaluationPartialTests.Json(evaluator.Finish(EvaluationPartialTests.MergeRandomly(evaluator, partials, random, throughJson: true))) == expected;
    }

    [Fact]
    public void ReferralClosure_HasAMonthlyPPrimeSeries_WithPendingAndTooSmallPeriodsAsGaps()
    {
        // Window 60 days, evaluated on 15 March: January's referrals are counted, February's are still inside their window.
        var data = Data(
            [R("R1", "P1", new(2025, 1, 3), new(2025, 1, 20)), R("R2", "P2", new(2025, 1, 10), null), R("R3", "P1", new(2025, 1, 12), new(2025, 4, 1)),
             R("R4", "P3", new(2025, 2, 5), new(2025, 2, 6)), R("R5", "P3", new(2025, 1, 20), null, unknown: true)], []);
        var evaluation = Evaluator(new DateTimeOffset(2025, 3, 15, 18, 0, 0, TimeSpan.Zero), PeriodGrain.Month)
            .Evaluate(data, new MeasurementPeriod(new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31)), TestData.Lenient);
        var series = evaluation.Series.Single(s => s.MeasureKey == "referral-closure" && s.Scope == ScoreScope.Practice);
        Assert.Equal((MeasureKind.Proportion, ImprovementDirection.Increase), (series.Kind, series.Direction));
        Assert.Equal(3, series.Points.Length);
        Assert.Equal((1.0 / 3, 1.0, 3.0, 3), (series.Points[0].Value, series.Points[0].Numerator, series.Points[0].Denominator, series.Points[0].EvidenceCount));
        Assert.Equal((null, ScoreStatus.InsufficientData), (series.Points[1].Value, series.Points[1].Status));
        Assert.Equal("None of this period's 1 record(s) is counted yet: 1 pending at the evaluation date, 0 excluded.", series.Points[1].StatusReason);
        Assert.Equal((null, ScoreStatus.InsufficientData, "No record in this period bears on the measure."),
            (series.Points[2].Value, series.Points[2].Status, series.Points[2].StatusReason));
        Assert.Null(series.Chart);   // p′ needs two adjacent periods with a value
        Assert.Contains(evaluation.Series, s => s.MeasureKey == "referral-closure" && s.Scope == ScoreScope.ServiceLine("primary-care"));
        Assert.DoesNotContain(evaluation.Series, s => s.MeasureKey.StartsWith("pdc", StringComparison.Ordinal));
    }

    [Fact]
    public void JobTimeliness_HasASeriesPerKind_ChartedOnPPrime_WhenTwoAdjacentPeriodsHaveValues()
    {
        // Due on the 10th of January (jobs 0, 2, 4) or February (1, 3, 5); completed on these days of the month, or never
        // (missed by 1 June): January 1 on time of 3 (one missed, one late), February 2 on time of 3 (one missed).
        int?[] completedOn = [null, 6, 7, null, 20, 8];
        var jobs = Enumerable.Range(0, 6).Select(i => new PatientJob($"J{i}", $"P{i % 3}", "dermatology", PatientJobKind.CompleteLab,
            new DateOnly(2025, 1 + (i % 2), 1), new DateOnly(2025, 1 + (i % 2), 10),
            completedOn[i] is { } day ? new DateOnly(2025, 1 + (i % 2), day) : null)).ToList();
        var data = Data([], jobs) with { Appointments = [TestData.Kept(TestData.Jan(6, 9), line: "dermatology")] };   // clinician C1 exists
        var evaluation = Evaluator(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero), PeriodGrain.Month)
            .Evaluate(data, new MeasurementPeriod(new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 28)), TestData.Lenient);
        var series = evaluation.Series.Single(s => s.MeasureKey == "job-timeliness:complete-lab" && s.Scope == ScoreScope.ServiceLine("dermatology"));
        Assert.Equal(SpcChartKind.PPrime, series.Chart?.Kind);
        Assert.Equal([1.0, 2.0], series.Points.Select(p => p.Numerator!.Value));
        Assert.Equal([3.0, 3.0], series.Points.Select(p => p.Denominator!.Value));
        Assert.Contains(evaluation.Series, s => s.Scope.Level == ScopeLevel.Clinician);   // the appointment measures are per clinician
        Assert.DoesNotContain(evaluation.Series, s => s.MeasureKey.StartsWith("job-timeliness", StringComparison.Ordinal) && s.Scope.Level == ScopeLevel.Clinician);
    }

    [Fact]
    public void WithTrendsOff_TheJobMeasuresHaveNoSeries_AndThePartialCarriesNoCohorts()
    {
        var data = Data([R("R1", "P1", new(2025, 1, 3), new(2025, 1, 20))], []);
        var evaluator = Evaluator(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero), PeriodGrain.Month, enabled: false);
        Assert.Empty(evaluator.Evaluate(data, TestData.January, TestData.Lenient).Series);
        Assert.DoesNotContain("\"cohorts\"", Text(evaluator.Accumulate(data, TestData.January, TestData.Lenient)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("extra", "$.body.populations[0].measures[0].cohorts", "period bucket")]
    [InlineData("negative", "$.body.populations[0].measures[0].cohorts[0].pending", "0 or more")]
    [InlineData("above", "$.body.populations[0].measures[0].cohorts[1].numerator", "must not exceed")]
    [InlineData("sum", "$.body.populations[0].measures[0].cohorts", "add up")]
    [InlineData("no-grain", "$.body.populations[0].measures[0].cohorts", "no trend grain")]
    public void ReadFrom_WithCohortCountsNoPartialHolds_IsPC0123_NamingThePath(string damage, string path, string message)
    {
        var data = Data([R("R1", "P-SENTINEL-7", new(2025, 1, 3), new(2025, 1, 20)), R("R2", "P1", new(2025, 2, 3), null)], []);
        var evaluator = Evaluator(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero), PeriodGrain.Month);
        var document = JsonNode.Parse(Text(evaluator.Accumulate(data, new MeasurementPeriod(new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 28)), TestData.Lenient)))!;
        var measure = document["body"]!["populations"]![0]!["measures"]![0]!;
        Assert.Equal("referral-closure", (string?)measure["measure"]);
        var cohorts = measure["cohorts"]!.AsArray();
        switch (damage)
        {
            case "extra": cohorts.Add(cohorts[0]!.DeepClone()); break;
            case "negative": cohorts[0]!["pending"] = -1; break;
            case "above": cohorts[1]!["numerator"] = 2; cohorts[0]!["numerator"] = 0; break;   // February: 1 counted, "2" closed
            case "sum": cohorts[1]!["denominator"] = 5; break;
            default: document["body"]!.AsObject().Remove("trendGrain"); break;   // cohorts in a partial scored without trends
        }
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(document.ToJsonString()));
        var error = Assert.Throws<PatientCentricDataException>(() => EvaluationPartial.ReadFrom(stream));
        Assert.DoesNotContain("SENTINEL", error.Message, StringComparison.Ordinal);
        var e = error.Errors.Single();
        Assert.Equal(("PC0123", path), (e.Code, e.Path));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MergingCohortCounts_OfDifferentBuckets_IsRefused()
    {
        var a = new CohortCounts(2);
        Assert.Throws<ArgumentException>(() => a.Merge(new CohortCounts(3)));
    }

    private static (double Numerator, double Denominator) PracticeEvaluatorCounts(ScoreCard card) =>
        (card.Components.Single(c => c.Name == "numerator").InputValue!.Value, card.Components.Single(c => c.Name == "denominator").InputValue!.Value);

    // Referrals and jobs of six patients over a random period of up to five months not aligned to months, some with
    // unknown closure, some due before they were assigned, evaluated at a random date inside or after the period.
    private static (PracticeDataSet Data, MeasurementPeriod Period, DateTimeOffset AsOf, PeriodGrain Grain) RandomJobs(Random random)
    {
        var start = new DateOnly(2025, 1, 1).AddDays(random.Next(0, 40));
        var period = new MeasurementPeriod(start, start.AddDays(random.Next(0, 150)));
        DateOnly Day() => start.AddDays(random.Next(-20, 170));
        string Patient() => $"P{random.Next(6)}";
        var referrals = Enumerable.Range(0, random.Next(0, 30)).Select(i =>
        {
            var on = Day();
            return R($"R{i}", Patient(), on, random.Next(3) == 0 ? null : on.AddDays(random.Next(-5, 90)), unknown: random.Next(8) == 0) with { ServiceLine = Lines[random.Next(2)] };
        }).ToList();
        var jobs = Enumerable.Range(0, random.Next(0, 40)).Select(i =>
        {
            var assigned = Day();
            var due = assigned.AddDays(random.Next(-3, 20));
            return new PatientJob($"J{i}", Patient(), Lines[random.Next(2)], Kinds[random.Next(Kinds.Length)], assigned, due,
                random.Next(3) == 0 ? null : assigned.AddDays(random.Next(0, 60)));
        }).ToList();
        var asOf = new DateTimeOffset(period.End.AddDays(random.Next(-30, 120)).ToDateTime(new TimeOnly(random.Next(24), 0)), TimeSpan.Zero);
        return (Data(referrals, jobs) with { Period = period }, period, asOf, (PeriodGrain)random.Next(3));
    }

    private static PracticeDataSet Data(IEnumerable<Referral> referrals, IEnumerable<PatientJob> jobs) =>
        TestData.Data() with { Referrals = [.. referrals], Jobs = [.. jobs] };

    private static Referral R(string id, string patient, DateOnly on, DateOnly? received, bool unknown = false) =>
        new(id, patient, "primary-care", "cardiology", on, received) { ClosureUnknown = unknown };

    private static PracticeEvaluator Evaluator(DateTimeOffset asOf, PeriodGrain grain, bool enabled = true) =>
        new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider(asOf))
            .Configure<PatientCentricOptions>(o => (o.Trends.Enabled, o.Trends.Grain) = (enabled, grain))
            .AddPatientCentric().BuildServiceProvider().GetRequiredService<PracticeEvaluator>();

    private static string Text(EvaluationPartial partial)
    {
        using var buffer = new MemoryStream();
        partial.WriteTo(buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
