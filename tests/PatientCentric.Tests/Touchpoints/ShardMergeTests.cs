using System.Collections.Immutable;
using System.Text.Json;
using FsCheck.Xunit;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Serialization;
using PatientCentric.Touchpoints;
using static PatientCentric.Tests.TestData;

namespace PatientCentric.Tests.Touchpoints;

/// <summary>Exactness of the accumulate–merge–finish contract (docs/scale.md#the-accumulator-contract): a data set's
/// patients split into random shards, each added to its own accumulator, merged in a random tree and order and finished,
/// give the cards of one pass, compared as the results JSON.</summary>
public sealed class ShardMergeTests
{
    private static readonly ImmutableArray<ITouchpointCombiner> Combiners =
        [
            new LeadTimeScorer(), new WaitToBeSeenScorer(), new CycleTimeScorer(), new OnTimeStartScorer(), new NoShowRateScorer(),
            new AccessRatesScorer(), new FollowUpContactScorer(), new PortalResponseScorer(), new TnaaScorer(), new NpsScorer(),
            new RatingScorer(), new CahpsCompositeScorer(), new ClaimsScorer(), new CallCenterScorer(),
            new BillingExperienceScorer(),
        ];

    private static readonly Lazy<PracticeDataSet> Sample = new(LoadSample);

    [Property(MaxTest = 300)]
    public bool Merge_OfRandomShardsOfASmallDataSet_EqualsOnePass(int seed)
    {
        var random = new Random(seed);
        var data = SmallDataSet(random);
        var context = Context() with { Role = random.Next(2) == 0 ? InteractionRole.Customer : InteractionRole.Partner };
        return Combiners.All(c => Sharded(c, data, context, random) == OnePass(c, data, context));
    }

    [Property(MaxTest = 12)]
    public bool Merge_OfRandomShardsOfTheBundledSample_EqualsOnePass(int seed)
    {
        var random = new Random(seed);
        var data = Sample.Value;
        var context = new ScoringContext(data.Period!.Value, new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero),
            TimeZoneInfo.FindSystemTimeZoneById(data.TimeZone), BuiltInProfiles.PrimaryCareValueBased);
        return Enum.GetValues<InteractionRole>().All(role =>   // survey scorers read the items about each role
            Combiners.All(c => Sharded(c, data, context with { Role = role }, random) == OnePass(c, data, context with { Role = role })));
    }

    [Fact]
    public void Score_OfABuiltInCombiner_IsCreateAddFinish()
    {
        var data = Data([Kept(Jan(6, 9), booked: Jan(1, 8)), Kept(Jan(7, 9), booked: Jan(7, 8)), With(Jan(8, 9), AppointmentOutcome.Cancelled)]);
        ITouchpointCombiner combiner = new LeadTimeScorer();
        var context = Context();
        Assert.Equal(Json(combiner.Finish(combiner.Add(combiner.CreateAccumulator(context), data, context), context)), Json(combiner.Score(data, context)));
        Assert.Equal(2.5, combiner.Score(data, context).Single().Value);   // lead times 5 and 0 days; the cancelled one is not counted
    }

    [Fact]
    public void Add_AnotherCombinersAccumulator_IsRejectedNamingBothTypes()
    {
        ITouchpointCombiner leadTime = new LeadTimeScorer(), cycleTime = new CycleTimeScorer();
        var context = Context();
        var error = Assert.Throws<ArgumentException>(() => leadTime.Add(cycleTime.CreateAccumulator(context), Data(), context));
        Assert.Equal("The accumulator is a Accumulator, not this combiner's Accumulator. (Parameter 'accumulator')", error.Message);
    }

    [Fact]
    public void Score_OfAHostCombiner_ComesFromTheContract()
    {
        ITouchpointScorer host = new KeptVisitCount();
        var data = Data([Kept(Jan(6, 9)), Kept(Jan(7, 9)), With(Jan(8, 9), AppointmentOutcome.NoShow)]);
        var card = Assert.Single(PracticeEvaluator.Score(host, data, Context()));
        Assert.Equal(2.0, card.Value);
        Assert.Equal(Json(host.Score(data, Context())), Json([card]));
    }

    // The one-pass cards.
    private static string OnePass(ITouchpointCombiner combiner, PracticeDataSet data, ScoringContext context) =>
        Json(combiner.Score(data, context));

    // Splits the patients into 1–8 random shards, adds each to its own accumulator, merges in a random tree and order.
    private static string Sharded(ITouchpointCombiner combiner, PracticeDataSet data, ScoringContext context, Random random)
    {
        var partials = Shards(data, random.Next(1, 9), random).Select(s => combiner.Add(combiner.CreateAccumulator(context), s, context)).ToList();
        while (partials.Count > 1)
        {
            int i = random.Next(partials.Count), j = random.Next(partials.Count - 1);
            if (j >= i) j++;
            object merged = combiner.Merge(partials[i], partials[j]);
            partials.RemoveAt(Math.Max(i, j));
            partials.RemoveAt(Math.Min(i, j));
            partials.Insert(random.Next(partials.Count + 1), merged);
        }
        return Json(combiner.Finish(partials[0], context));
    }

    // Each patient's appointments, outreach contacts, portal threads, survey returns, claims, price estimates and statements
    // go to one random shard, each availability snapshot, call and billing complaint to any shard; every shard keeps the data set's settings (time zone, opening hours, holidays).
    private static IEnumerable<PracticeDataSet> Shards(PracticeDataSet data, int count, Random random)
    {
        var shardOf = data.Appointments.Select(a => a.PatientKey).Concat(data.OutreachContacts.Select(c => c.PatientKey))
            .Concat(data.PortalThreads.Select(t => t.PatientKey)).Concat(data.SurveyReturns.Select(r => r.PatientKey))
            .Concat(data.Claims.Select(c => c.PatientKey)).Concat(data.PriceEstimates.Select(e => e.PatientKey))
            .Concat(data.Statements.Select(t => t.PatientKey))
            .Distinct(StringComparer.Ordinal).ToDictionary(p => p, _ => random.Next(count), StringComparer.Ordinal);
        var snapshotShard = data.AvailabilitySnapshots.Select(_ => random.Next(count)).ToArray();   // practice-level: any shard
        var callShard = data.Calls.Select(_ => random.Next(count)).ToArray();
        var complaintShard = data.BillingComplaints.Select(_ => random.Next(count)).ToArray();
        return Enumerable.Range(0, count).Select(k => data with
        {
            Appointments = [.. data.Appointments.Where(a => shardOf[a.PatientKey] == k)],
            OutreachContacts = [.. data.OutreachContacts.Where(c => shardOf[c.PatientKey] == k)],
            PortalThreads = [.. data.PortalThreads.Where(t => shardOf.GetValueOrDefault(t.PatientKey) == k)],
            SurveyReturns = [.. data.SurveyReturns.Where(r => shardOf.GetValueOrDefault(r.PatientKey) == k)],
            Claims = [.. data.Claims.Where(c => shardOf.GetValueOrDefault(c.PatientKey) == k)],
            Calls = [.. data.Calls.Where((_, i) => callShard[i] == k)],
            PriceEstimates = [.. data.PriceEstimates.Where(e => shardOf.GetValueOrDefault(e.PatientKey) == k)],
            Statements = [.. data.Statements.Where(t => shardOf.GetValueOrDefault(t.PatientKey) == k)],
            BillingComplaints = [.. data.BillingComplaints.Where((_, i) => complaintShard[i] == k)],
            AvailabilitySnapshots = [.. data.AvailabilitySnapshots.Where((_, i) => snapshotShard[i] == k)],
        });
    }

    // Up to 6 patients and 40 appointments in January, starts drawn from few instants (so ties are common), with every
    // outcome, visit-only and telehealth visits, missing, early, late or impossible times (so every exclusion and
    // NotApplicable path is reached), none or some outreach contacts, and portal threads answered early, late, never or
    // before they were sent, survey returns (some out of period, some answers not a category) to 0–10 and CAHPS items, and calls answered,
    // abandoned, both, neither or before they queued, at instants and ids that tie.
    internal static PracticeDataSet SmallDataSet(Random random)
    {
        int patients = random.Next(1, 7);
        var appointments = new List<Appointment>();
        for (int n = random.Next(0, 41), i = 0; i < n; i++)
        {
            var start = Jan(random.Next(1, 32), 8 + random.Next(3), 15 * random.Next(2));
            DateTimeOffset? Maybe(double minutes) => random.Next(5) == 0 ? null : start.AddMinutes(minutes);
            var outcome = (AppointmentOutcome)random.Next(Enum.GetValues<AppointmentOutcome>().Length);
            appointments.Add(new Appointment($"A{random.Next(1000)}", $"P{random.Next(patients)}", "primary-care", "C1",
                start.AddDays(-random.Next(-2, 20)).AddMinutes(random.Next(60)), start, outcome,
                outcome == AppointmentOutcome.Cancelled ? start.AddDays(-random.Next(3)) : null,
                outcome == AppointmentOutcome.Cancelled ? (CancellationInitiator)random.Next(2) : null,
                ArrivedAt: Maybe(random.Next(-30, 30)), SeenAt: Maybe(random.Next(-40, 90) + random.NextDouble()),
                DepartedAt: Maybe(random.Next(-60, 900)))
            {
                BookingUnknown = random.Next(8) == 0,
                VisitOnly = random.Next(10) == 0,
                Mode = random.Next(4) == 0 ? VisitMode.Telehealth : VisitMode.InPerson,
            });
        }
        var contacts = Enumerable.Range(0, random.Next(0, 3) == 0 ? 0 : random.Next(1, 20)).Select(i => new OutreachContact(
            $"O{i}", $"P{random.Next(patients)}", "primary-care", Jan(random.Next(1, 32), 8 + random.Next(9)), random.Next(3) > 0));
        var threads = Enumerable.Range(0, random.Next(0, 15)).Select(i =>
        {
            var sent = Jan(random.Next(1, 32), random.Next(24), random.Next(60));
            return new PortalThread($"T{i}", $"P{random.Next(patients)}", "primary-care", sent,
                random.Next(4) == 0 ? null : sent.AddMinutes(random.Next(-120, 6000)));
        });
        SurveyItem[] items =
        [
            new("recommend", "Recommend the practice?", SurveyItemKind.LikelihoodToRecommend, ZeroToTen, InteractionRole.Customer),
            new("rate-visit", "Rate the visit", SurveyItemKind.Rating, ZeroToTen, InteractionRole.Customer),
            new("rate-care", "Rate the care", SurveyItemKind.Rating, ZeroToTen, InteractionRole.Partner),
            new("listened", "Listened carefully?", SurveyItemKind.Report, Frequency, InteractionRole.Partner, "communication"),
            new("explained", "Explained clearly?", SurveyItemKind.Report, Frequency, InteractionRole.Partner, "communication"),
            new("on-time", "Seen on time?", SurveyItemKind.Report, Frequency, InteractionRole.Customer),
        ];
        var returns = Enumerable.Range(0, random.Next(0, 30)).Select(i => new SurveyReturn($"S{i}", $"P{random.Next(patients)}", "primary-care",
            new DateOnly(2025, 1, random.Next(1, 32)).AddDays(random.Next(4) == 0 ? 31 : 0),
            items.Where(_ => random.Next(3) > 0).ToImmutableSortedDictionary(item => item.Key,
                item => random.Next(12) == 0 ? "n/a" : item.Categories[random.Next(item.Categories.Length)], StringComparer.Ordinal)));
        var calls = Enumerable.Range(0, random.Next(0, 25)).Select(i =>
        {
            var queued = Jan(random.Next(1, 32), 8 + random.Next(9), random.Next(60)).AddSeconds(random.Next(60));
            int outcome = random.Next(6);
            return new CallRecord($"K{random.Next(100)}", "primary-care", queued,
                outcome is 0 or 1 or 5 ? queued.AddSeconds(random.Next(-5, 120) + random.NextDouble()) : null,
                outcome is 2 or 3 or 5 ? queued.AddSeconds(random.Next(-5, 60)) : null);
        });
        return Data(appointments, items, returns) with { OutreachContacts = [.. contacts], PortalThreads = [.. threads], Calls = [.. calls] };
    }

    private static string Json(ImmutableArray<ScoreCard> cards) =>
        JsonSerializer.Serialize(cards, PatientCentricJsonContext.Default.ImmutableArrayScoreCard);

    internal static PracticeDataSet LoadSample()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, "src", "PatientCentric.Cli", "Sample", "sample-practice.json");
            if (File.Exists(path))
            {
                using var stream = File.OpenRead(path);
                return PracticeDataSetReader.Read(stream, "sample-practice.json");
            }
        }
        throw new InvalidOperationException("The bundled sample (src/PatientCentric.Cli/Sample/sample-practice.json) was not found above the test binaries.");
    }

    // A host's combiner, written as docs/extending.md shows: it implements only the generic contract.
    private sealed class KeptVisitCount : ITouchpointCombiner<KeptVisitCount.Tally>
    {
        public string Key => "kept-visit-count";

        public TouchpointKind Kind => TouchpointKind.Access;

        public MeasureCategory Category => MeasureCategory.Operational;

        public Tally CreateAccumulator(ScoringContext context) => new();

        public Tally Add(Tally accumulator, PracticeDataSet shard, ScoringContext context)
        {
            accumulator.Visits += shard.Appointments.Count(a => a.Outcome == AppointmentOutcome.Kept && context.Period.Contains(context.LocalDate(a.Start)));
            return accumulator;
        }

        public Tally Merge(Tally left, Tally right)
        {
            left.Visits += right.Visits;
            return left;
        }

        public ImmutableArray<ScoreCard> Finish(Tally accumulator, ScoringContext context) =>
            [ScoreCard.Ok(Key, context.Scope, accumulator.Visits, ScoreScale.Count, accumulator.Visits, 0, [])];

        public sealed class Tally
        {
            public int Visits { get; set; }
        }
    }
}
