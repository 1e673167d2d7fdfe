using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Benchmarks;

/// <summary>Evaluating a generated year of 1,000,000 appointments (3 service lines, 40 clinicians, 100,000 patients, with
/// outreach contacts, survey returns, claims, calls and statements): without series and funnels (baseline) and with them
/// (monthly series of every measure for the practice, each service line and each clinician, and the funnels). The issue's
/// budget: series and charts add less than 10 % in the same run (docs/performance.md).</summary>
public class TrendBenchmarks : SeriesCostBenchmarks
{
    private static readonly string[] Lines = ["primary-care", "dermatology", "aesthetics"];

    [Params(1_000_000)]
    public int Appointments { get; set; }

    /// <inheritdoc/>
    protected override PracticeDataSet Generate() => Generate(Appointments, new Random(20250101));

    [Benchmark]
    public int WithSeriesAndFunnels()
    {
        var evaluation = WithTrends.Evaluate(Data);
        return evaluation.Cards.Length + evaluation.Series.Length + evaluation.Funnels.Length;
    }

    private static PracticeDataSet Generate(int count, Random random)
    {
        var zone = TimeSpan.FromHours(-6);
        var yearStart = new DateTimeOffset(2025, 1, 1, 0, 0, 0, zone);
        var appointments = new Appointment[count];
        for (int i = 0; i < count; i++)
        {
            var start = yearStart.AddDays(random.Next(365)).AddHours(8 + random.Next(9)).AddMinutes(15 * random.Next(4));
            int roll = random.Next(100);
            var outcome = roll < 80 ? AppointmentOutcome.Kept : roll < 88 ? AppointmentOutcome.NoShow : AppointmentOutcome.Cancelled;
            var arrived = start.AddMinutes(random.Next(-20, 10));
            var seen = arrived.AddMinutes(random.Next(0, 40));
            appointments[i] = new Appointment($"A{i}", $"P{random.Next(100_000)}", Lines[i % 3], $"C{random.Next(40):00}",
                start.AddDays(-random.Next(0, 40)).AddHours(-random.Next(8)), start, outcome,
                outcome == AppointmentOutcome.Cancelled ? start.AddDays(-random.Next(0, 5)) : null,
                outcome == AppointmentOutcome.Cancelled ? (CancellationInitiator)random.Next(2) : null,
                ArrivedAt: outcome == AppointmentOutcome.Kept ? arrived : null, SeenAt: outcome == AppointmentOutcome.Kept ? seen : null,
                DepartedAt: outcome == AppointmentOutcome.Kept ? seen.AddMinutes(random.Next(10, 40)) : null);
        }
        ImmutableArray<string> zeroToTen = [.. Enumerable.Range(0, 11).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        SurveyItem[] items =
        [
            new("recommend", "Recommend the practice?", SurveyItemKind.LikelihoodToRecommend, zeroToTen, InteractionRole.Customer),
            new("rate-visit", "Rate the visit", SurveyItemKind.Rating, zeroToTen, InteractionRole.Customer),
        ];
        DateOnly Day() => new DateOnly(2025, 1, 1).AddDays(random.Next(365));
        var returns = Enumerable.Range(0, count / 10).Select(i => new SurveyReturn($"S{i}", $"P{random.Next(100_000)}", Lines[i % 3], Day(),
            ImmutableSortedDictionary<string, string>.Empty.Add("recommend", zeroToTen[random.Next(11)]).Add("rate-visit", zeroToTen[random.Next(11)])));
        var contacts = Enumerable.Range(0, count / 5).Select(i => new OutreachContact($"O{i}", $"P{random.Next(100_000)}", Lines[i % 3],
            yearStart.AddMinutes(random.Next(365 * 24 * 60)), random.Next(3) > 0));
        var claims = Enumerable.Range(0, count / 2).Select(i =>
        {
            var submitted = Day();
            return new Claim($"K{i}", $"P{random.Next(100_000)}", Lines[i % 3], submitted, random.Next(10) > 0,
                submitted.AddDays(random.Next(5, 40)), random.Next(10) == 0, 120m);
        });
        var calls = Enumerable.Range(0, count / 4).Select(i =>
        {
            var queued = yearStart.AddDays(random.Next(365)).AddHours(8 + random.Next(9)).AddSeconds(random.Next(3600));
            bool answered = random.Next(10) > 0;
            return new CallRecord($"Q{i}", Lines[i % 3], queued, answered ? queued.AddSeconds(random.Next(5, 120)) : null,
                answered ? null : queued.AddSeconds(random.Next(5, 90)));
        });
        var statements = Enumerable.Range(0, count / 4).Select(i =>
        {
            var sent = Day();
            return new PatientStatement($"T{i}", $"P{random.Next(100_000)}", Lines[i % 3], sent, random.Next(5) == 0 ? null : sent.AddDays(random.Next(0, 60)));
        });
        return new PracticeDataSet(PracticeDataSet.CurrentSchemaVersion, "Benchmark practice", "America/Chicago",
            new MeasurementPeriod(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)),
            [.. Lines.Select(l => new ServiceLine(l, l))], [.. appointments], [.. items], [.. returns], [], [], [.. claims])
        {
            OutreachContacts = [.. contacts],
            Calls = [.. calls],
            Statements = [.. statements],
            BillingComplaints = [.. Enumerable.Range(0, 300).Select(i => new BillingComplaint($"B{i}", Lines[i % 3], Day()))],
        };
    }
}
