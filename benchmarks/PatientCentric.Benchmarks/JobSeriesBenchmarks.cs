using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using PatientCentric.Jobs;
using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Benchmarks;

/// <summary>Evaluating a generated year of patient jobs (100,000 patients in 3 service lines, 200,000 referrals and
/// 400,000 jobs of three kinds, evaluated on 15 January of the next year): without series (baseline, trends off) and with
/// the monthly cohort series of referral closure and job timeliness for the practice and each service line. The issue's
/// budget: the series add less than 10 % in the same run (docs/performance.md).</summary>
public class JobSeriesBenchmarks : SeriesCostBenchmarks
{
    /// <summary>The evaluation instant, fixed so that the last weeks' referrals are still inside their window.</summary>
    private static readonly string[] Lines = ["primary-care", "dermatology", "aesthetics"];
    private static readonly PatientJobKind[] Kinds = [PatientJobKind.CompleteLab, PatientJobKind.AttendFollowUp, PatientJobKind.CompletePreVisitForm];

    [Params(100_000)]
    public int Patients { get; set; }

    /// <inheritdoc/>
    protected override TimeProvider? Time { get; } = new FixedTime();

    /// <inheritdoc/>
    protected override PracticeDataSet Generate() => Generate(Patients, new Random(20250101));

    [Benchmark]
    public int WithCohortSeries()
    {
        var evaluation = WithTrends.Evaluate(Data);
        return evaluation.Cards.Length + evaluation.Series.Length;
    }

    internal static PracticeDataSet Generate(int patients, Random random)
    {
        DateOnly Day() => new DateOnly(2025, 1, 1).AddDays(random.Next(365));
        var referrals = Enumerable.Range(0, patients * 2).Select(i =>
        {
            var on = Day();
            return new Referral($"R{i}", $"P{random.Next(patients)}", Lines[i % 3], "cardiology", on,
                random.Next(4) == 0 ? null : on.AddDays(random.Next(0, 90))) { ClosureUnknown = random.Next(50) == 0 };
        });
        var jobs = Enumerable.Range(0, patients * 4).Select(i =>
        {
            var assigned = Day();
            return new PatientJob($"J{i}", $"P{random.Next(patients)}", Lines[i % 3], Kinds[i % 3], assigned, assigned.AddDays(random.Next(0, 21)),
                random.Next(5) == 0 ? null : assigned.AddDays(random.Next(0, 40)));
        });
        return new PracticeDataSet(PracticeDataSet.CurrentSchemaVersion, "Benchmark practice", "America/Chicago",
            new MeasurementPeriod(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)),
            [.. Lines.Select(l => new ServiceLine(l, l))], [], [], [], [], [], [])
        {
            Referrals = [.. referrals],
            Jobs = [.. jobs],
        };
    }
}
