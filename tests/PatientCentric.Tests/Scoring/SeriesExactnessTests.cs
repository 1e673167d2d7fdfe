using System.Collections.Immutable;
using System.Text.Json;
using FsCheck.Xunit;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Serialization;
using PatientCentric.Touchpoints;
using static PatientCentric.Tests.TestData;
using ShardMergeTests = PatientCentric.Tests.Touchpoints.ShardMergeTests;

namespace PatientCentric.Tests.Scoring;

/// <summary>The series' one pass is exact (docs/spc.md#every-measure-over-time): routing a scope's records to the
/// accumulators of their period buckets, finishing each bucket in its context and the merge of the buckets in the whole
/// period's context gives byte for byte the card of one pass, for every built-in combiner, any grain and periods not
/// aligned to months.</summary>
public sealed class SeriesExactnessTests
{
    private static readonly ImmutableArray<IPeriodRoutedCombiner> Combiners =
        [
            new LeadTimeScorer(), new WaitToBeSeenScorer(), new CycleTimeScorer(), new OnTimeStartScorer(), new NoShowRateScorer(),
            new AccessRatesScorer(), new FollowUpContactScorer(), new PortalResponseScorer(), new TnaaScorer(), new NpsScorer(),
            new RatingScorer(), new CahpsCompositeScorer(), new ClaimsScorer(), new CallCenterScorer(),
            new BillingExperienceScorer(),
        ];

    private static readonly Lazy<PracticeDataSet> Sample = new(ShardMergeTests.LoadSample);

    [Property(MaxTest = 300)]
    public bool MergedBuckets_OfASmallDataSet_EqualOnePass_ForEveryCombiner(int seed)
    {
        var random = new Random(seed);
        var data = WithBilling(ShardMergeTests.SmallDataSet(random), random);
        var (context, buckets) = RandomPeriod(random);
        context = context with { Role = random.Next(2) == 0 ? InteractionRole.Customer : InteractionRole.Partner };
        return Combiners.All(c => Bucketed(c, data, context, buckets).Merged == Json(c.Score(data, context)));
    }

    [Property(MaxTest = 100)]
    public bool EveryBucket_OfASmallDataSet_IsTheMeasureOverThatPeriodAlone(int seed)
    {
        // Claims are left out: the claims scorer counts a claim adjudicated before its submission as invalid whatever the
        // period, and routing gives such a claim to one bucket only, so the merge counts it once.
        var random = new Random(seed);
        var data = ShardMergeTests.SmallDataSet(random);
        var (context, buckets) = RandomPeriod(random);
        return Combiners.Where(c => c is not ClaimsScorer).All(c =>
        {
            var points = Bucketed(c, data, context, buckets).Points;
            return Enumerable.Range(0, buckets.Count).All(i =>
            {
                var alone = c.Score(data, context with { Period = buckets.Periods[i] });
                return Json(points[i]) == Json(alone);
            });
        });
    }

    [Property(MaxTest = 6)]
    public bool MergedBuckets_OfTheBundledSample_EqualOnePass(int seed)
    {
        var random = new Random(seed);
        var data = Sample.Value;
        var start = data.Period!.Value.Start.AddDays(random.Next(0, 60));
        var period = new MeasurementPeriod(start, data.Period.Value.End.AddDays(-random.Next(0, 60)));
        var context = new ScoringContext(period, new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero),
            TimeZoneInfo.FindSystemTimeZoneById(data.TimeZone), BuiltInProfiles.PrimaryCareValueBased);
        var buckets = PeriodBuckets.Create(period, (PeriodGrain)random.Next(3));
        return Enum.GetValues<InteractionRole>().All(role =>
            Combiners.All(c => Bucketed(c, data, context with { Role = role }, buckets).Merged == Json(c.Score(data, context with { Role = role }))));
    }

    [Property(MaxTest = 60)]
    public bool EveryBucket_OfEachServiceLineAndClinician_IsTheMeasureOverThatPeriodAlone(int seed)
    {
        // Each narrower scope routes its own records: a line's or clinician's bucket is that scope's measure over the period.
        var random = new Random(seed);
        var data = Spread(WithBilling(ShardMergeTests.SmallDataSet(random), random), random);
        var (context, buckets) = RandomPeriod(random);
        context = context with { Role = random.Next(2) == 0 ? InteractionRole.Customer : InteractionRole.Partner };
        var scopes = Lines.Select(data.ForServiceLine).Concat(Clinicians.Select(data.ForClinician));
        return scopes.All(scope => Combiners.Where(c => c is not ClaimsScorer).All(c =>
        {
            var points = Bucketed(c, scope, context, buckets).Points;
            return Enumerable.Range(0, buckets.Count).All(i => Json(points[i]) == Json(c.Score(scope, context with { Period = buckets.Periods[i] })));
        }));
    }

    private static readonly string[] Lines = ["primary-care", "dermatology", "aesthetics"];
    private static readonly string[] Clinicians = ["C1", "C2", "C3"];

    // The records spread over three configured service lines (and, rarely, one not configured) and three clinicians (or none).
    private static PracticeDataSet Spread(PracticeDataSet data, Random random)
    {
        string Line() => random.Next(12) == 0 ? "not-configured" : Lines[random.Next(Lines.Length)];
        return data with
        {
            ServiceLines = [.. Lines.Select(l => new ServiceLine(l, l))],
            Appointments = [.. data.Appointments.Select(a => a with { ServiceLine = Line(), ClinicianKey = random.Next(8) == 0 ? null : Clinicians[random.Next(3)] })],
            OutreachContacts = [.. data.OutreachContacts.Select(c => c with { ServiceLine = Line() })],
            PortalThreads = [.. data.PortalThreads.Select(t => t with { ServiceLine = Line() })],
            SurveyReturns = [.. data.SurveyReturns.Select(r => r with { ServiceLine = Line() })],
            Calls = [.. data.Calls.Select(c => c with { ServiceLine = Line() })],
            Claims = [.. data.Claims.Select(c => c with { ServiceLine = Line() })],
            PriceEstimates = [.. data.PriceEstimates.Select(e => e with { ServiceLine = Line() })],
            Statements = [.. data.Statements.Select(x => x with { ServiceLine = Line() })],
            BillingComplaints = [.. data.BillingComplaints.Select(c => c with { ServiceLine = Line() })],
        };
    }

    // A period from mid-December to late February at most, cut at a random grain: buckets rarely align with months.
    private static (ScoringContext Context, PeriodBuckets Buckets) RandomPeriod(Random random)
    {
        var start = new DateOnly(2025, 1, 1).AddDays(random.Next(-20, 25));
        var period = new MeasurementPeriod(start, start.AddDays(random.Next(0, 60)));
        return (Context() with { Period = period }, PeriodBuckets.Create(period, (PeriodGrain)random.Next(3)));
    }

    // What PracticeEvaluator does per scope: route every record to its bucket's accumulator, finish each bucket, merge, finish.
    private static (string Merged, ImmutableArray<ScoreCard>[] Points) Bucketed(IPeriodRoutedCombiner combiner, PracticeDataSet data,
                                                                              ScoringContext context, PeriodBuckets buckets)
    {
        var accumulators = new object[buckets.Count];
        for (int i = 0; i < buckets.Count; i++)
            accumulators[i] = combiner.CreateAccumulator(context with { Period = buckets.Periods[i] });
        combiner.AddByPeriod(accumulators, data, context, buckets);
        var points = new ImmutableArray<ScoreCard>[buckets.Count];
        for (int i = 0; i < buckets.Count; i++)
            points[i] = combiner.Finish(accumulators[i], context with { Period = buckets.Periods[i] });
        object merged = accumulators[0];
        for (int i = 1; i < accumulators.Length; i++)
            merged = combiner.Merge(merged, accumulators[i]);
        return (Json(combiner.Finish(merged, context)), points);
    }

    // Claims (some pending, some adjudicated before they were submitted), price estimates, statements and complaints
    // from mid-December to February, so the billing and claims scorers see records on both sides of every bucket edge.
    private static PracticeDataSet WithBilling(PracticeDataSet data, Random random)
    {
        DateOnly Day() => new DateOnly(2024, 12, 15).AddDays(random.Next(0, 80));
        var claims = Enumerable.Range(0, random.Next(0, 20)).Select(i =>
        {
            var submitted = Day();
            DateOnly? adjudicated = random.Next(4) == 0 ? null : submitted.AddDays(random.Next(-3, 40));
            return new Claim($"C{i}", $"P{random.Next(4)}", "primary-care", submitted, random.Next(3) > 0, adjudicated,
                adjudicated is null ? null : random.Next(5) == 0, 100m) { EditsUnknown = random.Next(6) == 0 };
        });
        var estimates = Enumerable.Range(0, random.Next(0, 15)).Select(i => new PriceEstimate($"E{i}", $"P{random.Next(4)}", "primary-care", Day(),
            random.Next(50, 500), random.Next(4) == 0 ? null : random.Next(40, 600), random.Next(2) == 0));
        var statements = Enumerable.Range(0, random.Next(0, 15)).Select(i =>
        {
            var sent = Day();
            return new PatientStatement($"T{i}", $"P{random.Next(4)}", "primary-care", sent, random.Next(4) == 0 ? null : sent.AddDays(random.Next(-2, 60)));
        });
        var complaints = Enumerable.Range(0, random.Next(0, 6)).Select(i => new BillingComplaint($"B{i}", "primary-care", Day()));
        return data with { Claims = [.. claims], PriceEstimates = [.. estimates], Statements = [.. statements], BillingComplaints = [.. complaints] };
    }

    private static string Json(ImmutableArray<ScoreCard> cards) =>
        JsonSerializer.Serialize(cards, PatientCentricJsonContext.Default.ImmutableArrayScoreCard);
}
