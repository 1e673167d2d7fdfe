using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using PatientCentric.Jobs;
using PatientCentric.Records;
using PatientCentric.Serialization;
using PatientCentric.Touchpoints;

namespace PatientCentric.Scoring;

public sealed partial class PracticeEvaluator
{
    /// <summary>Scores one shard of a practice's data into a partial evaluation: every combiner's accumulator per scope,
    /// scorer and role, the job scorers' population accumulators, the shard's patient cards and support plans, its reviews
    /// and loyalty-driver inputs, and the practice-level assessments (docs/scale.md#the-evaluation-in-pieces).</summary>
    /// <param name="shard">Some of the practice's patients with all their records, and any of its practice-level records,
    /// with the practice's whole configuration (time zone, calendar, survey items, service lines).</param>
    /// <param name="period">The measurement period; <see langword="null"/> uses the data's own period.</param>
    /// <param name="profile">The profile; <see langword="null"/> uses the one in force.</param>
    /// <param name="cancellationToken">Checked before each strategy runs on each scope and patient.</param>
    /// <returns>The partial evaluation of the shard.</returns>
    /// <exception cref="ArgumentException">The data's time zone is unknown, or neither <paramref name="period"/> nor the data states a period.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public EvaluationPartial Accumulate(PracticeDataSet shard, MeasurementPeriod? period = null, Profile? profile = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shard);
        profile ??= _profiles.Active;
        var p = period ?? shard.Period ?? throw new ArgumentException("Neither the call nor the data set states a measurement period.", nameof(period));
        var context = new ScoringContext(p, _time.GetUtcNow(), FindTimeZone(shard.TimeZone), profile);
        return new EvaluationPartial(AccumulateCore(shard, context, cancellationToken));
    }

    private PartialState AccumulateCore(PracticeDataSet data, ScoringContext context, CancellationToken ct)
    {
        var p = context.Period;
        var scopes = ImmutableArray.CreateBuilder<ScopePartial>();
        var populations = ImmutableDictionary.CreateBuilder<ScoreScope, PopulationAccumulator>();
        var buckets = _trends.Enabled ? PeriodBuckets.Create(p, _trends.Grain) : null;
        scopes.Add(ScoreScope(data, context, buckets, ct));
        var cohorts = buckets is null ? null : new CohortTally(buckets);
        var patientCards = ScorePatients(data.ToTimelines(), context, cohorts, ct);
        populations.Add(context.Scope, Population(patientCards, cohorts));
        foreach (var line in data.ServiceLines)
        {
            var lineData = data.ForServiceLine(line.Key);
            var lineContext = context with { Scope = Scoring.ScoreScope.ServiceLine(line.Key) };
            scopes.Add(ScoreScope(lineData, lineContext, buckets, ct));
            var lineCohorts = buckets is null ? null : new CohortTally(buckets);
            populations.Add(lineContext.Scope, Population(ScorePatients(lineData.ToTimelines(), context, lineCohorts, ct), lineCohorts));
        }
        foreach (var (key, clinicianData) in data.ByClinician())   // what ForClinician gives, for every clinician key, in ordinal order
            scopes.Add(ScoreScope(clinicianData, context with { Scope = new ScoreScope(ScopeLevel.Clinician, key) }, buckets, ct));
        var ranks = PatientRanks(data);
        var patients = new PatientPartial[patientCards.Count];
        for (int i = 0; i < patients.Length; i++)
        {
            var (timeline, cards) = patientCards[i];
            patients[i] = new PatientPartial(ranks[timeline.PatientKey], cards, SupportPlanner.Plan(timeline, cards, _jobs));
        }
        // Every rank ends with its patient's key, and the timelines' keys are distinct: no two ranks tie, so this sort
        // gives the order a stable one would.
        Array.Sort(patients, static (x, y) => x.Rank.CompareTo(y.Rank));
        var reviews = data.Reviews.Where(r => p.Contains(r.WrittenOn)).Select(r => new ReviewPartial(r.WrittenOn, r.Id, r.Text))
            .OrderBy(r => r.WrittenOn).ThenBy(r => r.Id, StringComparer.Ordinal).ToImmutableArray();
        var rows = Value.LoyaltyDrivers.CodeRows(data, p).Select(r => new SurveyRowPartial(r.Return.ReturnedOn, r.Return.Id, ImmutableCollectionsMarshal.AsImmutableArray(r.Codes)))   // each row's codes are a fresh array
            .OrderBy(r => r.ReturnedOn).ThenBy(r => r.Id, StringComparer.Ordinal).ToImmutableArray();
        PracticeLevelPartial? practiceLevel = data.PrimaryCustomer is null && data.AssumptionBindings.IsEmpty && data.KpiSeries.IsEmpty
            ? null
            : new PracticeLevelPartial(data.PrimaryCustomer, data.AssumptionBindings, data.KpiSeries, PracticeLevelDigest(data));
        return new PartialState
        {
            PracticeName = data.PracticeName,
            TimeZone = data.TimeZone,
            Period = p,
            Profile = context.Profile,
            AsOf = context.AsOf,
            Fingerprint = Fingerprint(data, context.Profile),
            SurveyItems = data.SurveyItems,
            ServiceLines = data.ServiceLines,
            Scopes = scopes.ToImmutable(),
            Populations = populations.ToImmutable(),
            Patients = ImmutableCollectionsMarshal.AsImmutableArray(patients),
            Reviews = reviews,
            SurveyRows = rows,
            PracticeLevel = practiceLevel,
            TrendGrain = buckets is null ? null : _trends.Grain,
        };
    }

    private static PopulationAccumulator Population(List<(PatientTimeline Timeline, ImmutableArray<ScoreCard> Cards)> patients, CohortTally? cohorts)
    {
        var accumulator = PopulationAccumulator.Create();
        foreach (var (timeline, cards) in patients)
            accumulator.Add(timeline.PatientKey, cards);
        return cohorts is null ? accumulator : accumulator.AddCohorts(cohorts);
    }

    // Every enabled touchpoint scorer on one scope's data, per role: accumulated, not yet finished.
    private ScopePartial ScoreScope(PracticeDataSet data, ScoringContext context, PeriodBuckets? buckets, CancellationToken ct)
    {
        var slots = ImmutableArray.CreateBuilder<SlotPartial>();
        foreach (var scorer in _registry.TouchpointScorers)
        {
            if (!context.Profile.IsEnabled(scorer.Key))
                continue;
            ct.ThrowIfCancellationRequested();
            foreach (var role in RolesIn(scorer, data))
                slots.Add(AccumulateScorer(scorer, data, context with { Role = role }, buckets));
        }
        return new ScopePartial(context.Scope, slots.ToImmutable());
    }

    // One scorer, one scope, one role: create an accumulator and add the scope's data to it (the guardrail first). With
    // trends on, a built-in combiner routes each record to the accumulator of its period bucket in one pass
    // (IPeriodRoutedCombiner), and the whole period is the merge of the buckets, exactly (docs/spc.md#every-measure-over-time);
    // a host combiner, whose period membership the library does not know, adds the whole data to the whole-period
    // accumulator and again to each bucket's, where its own period test counts what belongs there; a scorer that is not a
    // combiner is scored per bucket.
    private static SlotPartial AccumulateScorer(ITouchpointScorer scorer, PracticeDataSet data, ScoringContext context, PeriodBuckets? buckets)
    {
        bool permitted = RoleGuardrail.Permits(scorer.Category, context.Role, out _);
        if (!permitted)
            return new SlotPartial(scorer.Key, context.Role, SlotKind.Blocked, null, Score(scorer, data, context));
        if (scorer is not ITouchpointCombiner combiner)
        {
            var whole = new SlotPartial(scorer.Key, context.Role, SlotKind.Whole, null, Score(scorer, data, context));
            return buckets is null ? whole : whole with
            {
                BucketCards = [.. buckets.Periods.Select(b => Score(scorer, data, context with { Period = b }))],
            };
        }
        if (buckets is null)
            return new SlotPartial(scorer.Key, context.Role, SlotKind.Combiner, combiner.Add(combiner.CreateAccumulator(context), data, context), []) { Scorer = combiner };
        var perBucket = new object[buckets.Count];
        for (int i = 0; i < perBucket.Length; i++)
            perBucket[i] = combiner.CreateAccumulator(context with { Period = buckets.Periods[i] });
        object? wholeAccumulator = null;
        if (combiner is IPeriodRoutedCombiner routed)
        {
            routed.AddByPeriod(perBucket, data, context, buckets);
        }
        else
        {
            for (int i = 0; i < perBucket.Length; i++)
                perBucket[i] = combiner.Add(perBucket[i], data, context with { Period = buckets.Periods[i] });
            wholeAccumulator = combiner.Add(combiner.CreateAccumulator(context), data, context);
        }
        return new SlotPartial(scorer.Key, context.Role, SlotKind.Combiner, wholeAccumulator, []) { Scorer = combiner, Buckets = ImmutableArray.Create(perBucket) };
    }

    // The canonical place of each patient in the outputs: on records in time order, as adapters and the bundled sample
    // give them, this is the order of each patient's first appearance (PracticeDataSet.ToTimelines).
    private static Dictionary<string, PatientRank> PatientRanks(PracticeDataSet data)
    {
        var ranks = new Dictionary<string, PatientRank>(StringComparer.Ordinal);
        void Offer(int category, string patientKey, DateOnly on, string tiebreak)
        {
            var rank = new PatientRank(category, on, tiebreak, patientKey);
            if (!ranks.TryGetValue(patientKey, out var known) || rank.CompareTo(known) < 0)
                ranks[patientKey] = rank;
        }
        foreach (var f in data.MedicationFills) Offer(0, f.PatientKey, f.DateOfService, f.Id);
        foreach (var r in data.Referrals) Offer(1, r.PatientKey, r.AuthoredOn, r.Id);
        foreach (var j in data.Jobs) Offer(2, j.PatientKey, j.DueOn, j.Id);
        foreach (var r in data.ClinicianRatings) Offer(3, r.PatientKey, r.RatedOn, r.PatientKey);
        foreach (var b in data.Barriers) Offer(4, b.PatientKey, b.ReportedOn, b.PatientKey);
        return ranks;
    }

    // The practice configuration two partials must share to merge: survey items, calendar and the profile. The service
    // lines are not in it: Merge takes their union (MergeServiceLines).
    private static string Fingerprint(PracticeDataSet data, Profile profile)
    {
        var options = PatientCentricJsonContext.Default.Options;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            JsonSerializer.Serialize(writer, data.SurveyItems, options.GetTypeInfo(typeof(ImmutableArray<SurveyItem>)));
            JsonSerializer.Serialize(writer, data.OpeningHours, options.GetTypeInfo(typeof(ImmutableArray<OpeningInterval>)));
            JsonSerializer.Serialize(writer, data.Holidays, options.GetTypeInfo(typeof(ImmutableArray<DateOnly>)));
            JsonSerializer.Serialize(writer, profile, options.GetTypeInfo(typeof(Profile)));
            writer.WriteEndArray();
        }
        return Convert.ToHexString(SHA256.HashData(buffer.ToArray()));
    }

    private static string PracticeLevelDigest(PracticeDataSet data)
    {
        var options = PatientCentricJsonContext.Default.Options;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            JsonSerializer.Serialize(writer, data.PrimaryCustomer, options.GetTypeInfo(typeof(Customers.StakeholderAssessments)));
            JsonSerializer.Serialize(writer, data.AssumptionBindings, options.GetTypeInfo(typeof(ImmutableArray<Control.AssumptionBinding>)));
            JsonSerializer.Serialize(writer, data.KpiSeries, options.GetTypeInfo(typeof(ImmutableArray<Control.KpiSeries>)));
            writer.WriteEndArray();
        }
        return Convert.ToHexString(SHA256.HashData(buffer.ToArray()));
    }

    /// <summary>Merges the partial evaluations of two disjoint shards; the result does not depend on order or grouping.
    /// The shards may declare different service lines (FHIR shards derive them from their own records): the merged partial
    /// holds their union, and a scope (service line or clinician) that one shard lacks counts as empty there
    /// (docs/scale.md#the-evaluation-in-pieces).</summary>
    /// <param name="left">One partial; never changed.</param>
    /// <param name="right">The other; never changed.</param>
    /// <returns>A new partial holding both.</returns>
    /// <exception cref="Serialization.PatientCentricDataException">The partials cannot be merged: different practice
    /// configuration, period, profile or instant, a service line key with a different name in each, a patient in both,
    /// differing practice-level assessments, or a scorer that is not a combiner (code PC0113; the message names what
    /// differs, never a record's value).</exception>
    public EvaluationPartial Merge(EvaluationPartial left, EvaluationPartial right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        PartialState a = left.State, b = right.State;
        if (a.PracticeName != b.PracticeName) throw MergeError("the practice names differ");
        if (a.TimeZone != b.TimeZone) throw MergeError("the time zones differ");
        if (a.Period != b.Period) throw MergeError("the measurement periods differ");
        if (a.Profile.Key != b.Profile.Key) throw MergeError($"the profiles differ (\"{a.Profile.Key}\" and \"{b.Profile.Key}\")");
        if (a.AsOf != b.AsOf) throw MergeError("the evaluation instants (as-of) differ");
        if (a.TrendGrain != b.TrendGrain) throw MergeError("the trend settings differ (series on or off, or the period grain)");
        if (a.Fingerprint != b.Fingerprint) throw MergeError("the practice configurations differ (survey items, opening hours, holidays or the profile's settings)");
        var serviceLines = MergeServiceLines(a.ServiceLines, b.ServiceLines);
        foreach (var slot in a.Scopes.Concat(b.Scopes).SelectMany(s => s.Slots).Where(s => s.Kind == SlotKind.Whole))
            throw MergeError($"the scorer \"{slot.ScorerKey}\" is not a combiner (ITouchpointCombiner<TAccumulator>), so its cards cannot be merged across shards; score the whole data set in one Accumulate");
        var context = new ScoringContext(a.Period, a.AsOf, FindTimeZone(a.TimeZone), a.Profile);
        var buckets = a.TrendGrain is { } grain ? PeriodBuckets.Create(a.Period, grain) : null;
        var scopes = MergeScopes(a.Scopes, b.Scopes, serviceLines, context, buckets);
        var populations = a.Populations.Keys.Union(b.Populations.Keys).ToImmutableDictionary(k => k, k =>
        {
            var merged = PopulationAccumulator.Create();
            if (a.Populations.TryGetValue(k, out var x)) merged.Merge(x);
            if (b.Populations.TryGetValue(k, out var y)) merged.Merge(y);
            return merged;
        });
        var keys = new HashSet<string>(a.Patients.Select(x => x.Rank.PatientKey), StringComparer.Ordinal);
        if (b.Patients.Any(x => keys.Contains(x.Rank.PatientKey)))
            throw MergeError("a patient's records are in both shards; shards must split the data by patient");
        PracticeLevelPartial? practiceLevel = (a.PracticeLevel, b.PracticeLevel) switch
        {
            (null, var y) => y,
            (var x, null) => x,
            var (x, y) when x.Digest == y.Digest => x,
            _ => throw MergeError("the primary-customer assessments, assumption bindings or KPI series differ; practice-level records must be the same in every shard that has them"),
        };
        return new EvaluationPartial(new PartialState
        {
            PracticeName = a.PracticeName,
            TimeZone = a.TimeZone,
            Period = a.Period,
            Profile = a.Profile,
            AsOf = a.AsOf,
            Fingerprint = a.Fingerprint,
            SurveyItems = a.SurveyItems,
            ServiceLines = serviceLines,
            Scopes = scopes,
            Populations = populations,
            Patients = [.. a.Patients.Concat(b.Patients).OrderBy(x => x.Rank)],
            Reviews = [.. a.Reviews.Concat(b.Reviews).OrderBy(r => r.WrittenOn).ThenBy(r => r.Id, StringComparer.Ordinal)],
            SurveyRows = [.. a.SurveyRows.Concat(b.SurveyRows).OrderBy(r => r.ReturnedOn).ThenBy(r => r.Id, StringComparer.Ordinal)],
            PracticeLevel = practiceLevel,
            TrendGrain = a.TrendGrain,
        });
    }

    // The service lines of two partials: their union, a key with two names refused. A partial that holds every line of the
    // union gives the order: that of its data set, which one pass over the union lists (every shard of a JSON data set,
    // split by patient, holds them all). When neither does (FHIR shards derive their lines from their own records), ordinal
    // key order: the order the FHIR adapter gives a data set's lines. Two partials with the same lines in different orders
    // take the one that is not key order, or else the lesser by key. So the result does not depend on grouping or order:
    // it is the order of a shard that holds the union's lines (the lesser of two that differ), else key order.
    private static ImmutableArray<ServiceLine> MergeServiceLines(ImmutableArray<ServiceLine> a, ImmutableArray<ServiceLine> b)
    {
        var inA = a.ToDictionary(l => l.Key, l => l.Name, StringComparer.Ordinal);
        var inB = b.ToDictionary(l => l.Key, l => l.Name, StringComparer.Ordinal);
        foreach (var line in b)
        {
            if (inA.TryGetValue(line.Key, out var name) && !string.Equals(name, line.Name, StringComparison.Ordinal))
                throw MergeError($"the service line \"{line.Key}\" has a different name in each partial; every shard must name a service line alike");
        }
        bool aHoldsAll = b.All(l => inA.ContainsKey(l.Key)), bHoldsAll = a.All(l => inB.ContainsKey(l.Key));
        if (aHoldsAll && bHoldsAll)
        {
            if (a.Select(l => l.Key).SequenceEqual(b.Select(l => l.Key), StringComparer.Ordinal)) return a;
            if (InKeyOrder(a)) return b;
            if (InKeyOrder(b)) return a;
            return CompareKeys(a, b) <= 0 ? a : b;
        }
        if (aHoldsAll) return a;
        if (bHoldsAll) return b;
        return [.. a.Concat(b.Where(l => !inA.ContainsKey(l.Key))).OrderBy(l => l.Key, StringComparer.Ordinal)];

        static bool InKeyOrder(ImmutableArray<ServiceLine> lines)
        {
            for (int i = 1; i < lines.Length; i++)
                if (string.CompareOrdinal(lines[i - 1].Key, lines[i].Key) > 0) return false;
            return true;
        }

        static int CompareKeys(ImmutableArray<ServiceLine> x, ImmutableArray<ServiceLine> y)
        {
            for (int i = 0; i < x.Length; i++)
                if (string.CompareOrdinal(x[i].Key, y[i].Key) is var c && c != 0) return c;
            return 0;
        }
    }

    // Scopes by key union, in canonical order (practice, service lines in the merged lines' order, clinicians by key); a
    // scope one side lacks is an empty accumulator, created in that scope's context, there. Accumulators are merged into
    // fresh ones, so neither partial changes.
    private ImmutableArray<ScopePartial> MergeScopes(ImmutableArray<ScopePartial> a, ImmutableArray<ScopePartial> b, ImmutableArray<ServiceLine> serviceLines,
                                                     ScoringContext context, PeriodBuckets? buckets)
    {
        var scorers = _registry.TouchpointScorers.GroupBy(s => s.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var fromB = b.ToDictionary(s => s.Scope);
        var result = new List<ScopePartial>();
        foreach (var x in a)
            result.Add(fromB.Remove(x.Scope, out var y) ? MergeScope(x, y, scorers, context, buckets) : MergeScope(x, null, scorers, context, buckets));
        foreach (var y in b.Where(s => fromB.ContainsKey(s.Scope)))
            result.Add(MergeScope(y, null, scorers, context, buckets));
        var practice = result.Where(s => s.Scope.Level == ScopeLevel.Practice);
        var lineOrder = serviceLines.Select((l, i) => (l.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        var lines = result.Where(s => s.Scope.Level == ScopeLevel.ServiceLine).OrderBy(s => lineOrder.GetValueOrDefault(s.Scope.Key, int.MaxValue));
        var clinicians = result.Where(s => s.Scope.Level == ScopeLevel.Clinician).OrderBy(s => s.Scope.Key, StringComparer.Ordinal);
        return [.. practice, .. lines, .. clinicians];
    }

    private static ScopePartial MergeScope(ScopePartial x, ScopePartial? y, Dictionary<string, ITouchpointScorer> scorers, ScoringContext context, PeriodBuckets? buckets)
    {
        if (y is not null && (x.Slots.Length != y.Slots.Length || x.Slots.Zip(y.Slots).Any(p => p.First.ScorerKey != p.Second.ScorerKey || p.First.Role != p.Second.Role || p.First.Kind != p.Second.Kind)))
            throw MergeError($"the scorers of scope {x.Scope} differ between the partials");
        var slots = ImmutableArray.CreateBuilder<SlotPartial>(x.Slots.Length);
        for (int i = 0; i < x.Slots.Length; i++)
        {
            var slot = x.Slots[i];
            if (slot.Kind != SlotKind.Combiner)
            {
                slots.Add(slot);
                continue;
            }
            if (!scorers.TryGetValue(slot.ScorerKey, out var scorer) || scorer is not ITouchpointCombiner combiner)
                throw MergeError($"the scorer \"{slot.ScorerKey}\" is not a combiner registered with this evaluator");
            var slotContext = context with { Scope = x.Scope, Role = slot.Role };
            var other = y?.Slots[i];
            if ((other is not null && other.Buckets.Length != slot.Buckets.Length) || (buckets is not null && slot.Buckets.Length != buckets.Count))
                throw MergeError($"the period buckets of the scorer \"{slot.ScorerKey}\" in scope {x.Scope} differ between the partials");
            object? Copy(object? left, object? right, ScoringContext c)
            {
                if (left is null)
                    return null;
                object merged = combiner.Merge(combiner.CreateAccumulator(c), Resolve(left, slot, combiner, c));
                return right is null ? merged : combiner.Merge(merged, Resolve(right, other!, combiner, c));
            }
            var mergedBuckets = slot.Buckets.IsEmpty ? slot.Buckets
                : ImmutableArray.CreateRange(slot.Buckets.Select((acc, k) => Copy(acc, other?.Buckets[k], slotContext with { Period = buckets!.Periods[k] })!));
            slots.Add(slot with { Accumulator = Copy(slot.Accumulator, other?.Accumulator, slotContext), Buckets = mergedBuckets, Scorer = combiner });
        }
        return new ScopePartial(x.Scope, slots.ToImmutable());
    }

    // A slot's accumulator, ready for its combiner: a host accumulator read from a stream is read now, with the type
    // information of the combiner registered under its key; an accumulator of another combiner's type is refused.
    private static object Resolve(object accumulator, SlotPartial slot, ITouchpointCombiner combiner, ScoringContext context)
    {
        if (accumulator is PendingAccumulator pending)
        {
            return combiner is ISerializableTouchpointCombiner serializable
                ? PartialSerializer.ReadHost(pending, serializable)
                : throw PartialFormat.Field(pending.Path, $"the scorer \"{slot.ScorerKey}\" registered with this evaluator does not implement ISerializableTouchpointCombiner<TAccumulator>, so it cannot read its serialized accumulator.");
        }
        if (slot.Scorer is null && accumulator.GetType() != combiner.CreateAccumulator(context).GetType())
            throw PartialFormat.Field("$", $"the partial's accumulator of the scorer \"{slot.ScorerKey}\" is not of the type that scorer's combiner in this evaluator uses.");
        return accumulator;
    }

    private static PatientCentricDataException MergeError(string what) =>
        new([new DataError("PC0113", "partial", null, "$", $"the partials cannot be merged: {what}.")]);

    /// <summary>Finishes a partial evaluation into the evaluation of the shards it holds: exactly what
    /// <see cref="Evaluate(PracticeDataSet, MeasurementPeriod?, Profile?, CancellationToken)"/> gives on their union.</summary>
    /// <param name="partial">The partial; never changed.</param>
    /// <param name="cancellationToken">Checked before each scope is finished.</param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="Serialization.PatientCentricDataException">The primary-customer assessments do not give the
    /// configured strategy what it needs (code PC0112).</exception>
    public PracticeEvaluation Finish(EvaluationPartial partial, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partial);
        return FinishCore(partial.State, null, cancellationToken);
    }

    /// <summary>Finishes a partial whose coded survey rows went to storage (<see cref="EvaluationPartial.WriteSurveyRowsTo"/>,
    /// then <see cref="EvaluationPartial.WithoutSurveyRows"/>): as <see cref="Finish(EvaluationPartial, CancellationToken)"/>
    /// of the partial with its rows, the loyalty drivers reading the partial's own rows and those of
    /// <paramref name="surveyRows"/> merged into the canonical order one line of each stream at a time, so they see the same
    /// rows in the same order and give the same numbers bit for bit (docs/scale.md#per-patient-outputs-on-disk).</summary>
    /// <param name="partial">The merged partial.</param>
    /// <param name="surveyRows">One readable stream per partial of a disjoint shard, as <see cref="EvaluationPartial.WriteSurveyRowsTo"/>
    /// wrote it, in the order the partials were merged (left to right); each read to its end at most once; left open.</param>
    /// <param name="cancellationToken">Checked before each scope is finished.</param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="partial"/>, <paramref name="surveyRows"/> or one of the
    /// streams is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="Serialization.PatientCentricDataException">The primary-customer assessments do not give the
    /// configured strategy what it needs (code PC0112), or a line of <paramref name="surveyRows"/> is not a coded survey
    /// row as written or is out of order (code PC0123; the error names the line, never a value).</exception>
    public PracticeEvaluation Finish(EvaluationPartial partial, IReadOnlyList<Stream> surveyRows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partial);
        ArgumentNullException.ThrowIfNull(surveyRows);
        foreach (var s in surveyRows)
            ArgumentNullException.ThrowIfNull(s, nameof(surveyRows));
        return FinishCore(partial.State, surveyRows, cancellationToken);
    }

    private PracticeEvaluation FinishCore(PartialState state, IReadOnlyList<Stream>? surveyRows, CancellationToken ct)
    {
        var profile = state.Profile;
        var context = new ScoringContext(state.Period, state.AsOf, FindTimeZone(state.TimeZone), profile);
        var scorers = _registry.TouchpointScorers.GroupBy(s => s.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var cards = ImmutableArray.CreateBuilder<ScoreCard>();
        var recorder = state.TrendGrain is { } grain ? new SeriesRecorder(PeriodBuckets.Create(state.Period, grain)) : null;
        foreach (var scope in state.Scopes)
        {
            ct.ThrowIfCancellationRequested();
            foreach (var slot in scope.Slots)
            {
                if (slot.Kind != SlotKind.Combiner)
                {
                    cards.AddRange(slot.Cards);
                    for (int i = 0; recorder is not null && i < slot.BucketCards.Length; i++)
                        recorder.Record(scope.Scope, i, slot.BucketCards[i]);
                    continue;
                }
                if (!scorers.TryGetValue(slot.ScorerKey, out var scorer) || scorer is not ITouchpointCombiner combiner)
                    throw PartialFormat.Field("$", $"the partial holds an accumulator of the scorer \"{slot.ScorerKey}\", which is not a combiner registered with this evaluator.");
                var slotContext = context with { Scope = scope.Scope, Role = slot.Role };
                object? whole = slot.Accumulator is null ? null : Resolve(slot.Accumulator, slot, combiner, slotContext);
                bool mergeBuckets = slot.Accumulator is null;   // a built-in combiner: the whole period is the merge of its buckets
                for (int i = 0; i < slot.Buckets.Length; i++)
                {
                    var bucketContext = slotContext with { Period = recorder!.Buckets.Periods[i] };
                    object bucket = Resolve(slot.Buckets[i], slot, combiner, bucketContext);
                    recorder.Record(scope.Scope, i, combiner.Finish(bucket, bucketContext));
                    if (mergeBuckets)
                        whole = combiner.Merge(whole ?? combiner.CreateAccumulator(slotContext), bucket);
                }
                cards.AddRange(combiner.Finish(whole ?? combiner.CreateAccumulator(slotContext), slotContext));
            }
            if (scope.Scope.Level != ScopeLevel.Clinician)
            {
                var population = state.Populations.TryGetValue(scope.Scope, out var p) ? p : PopulationAccumulator.Create();
                cards.AddRange(population.Finish(context with { Scope = scope.Scope }));
                if (recorder is not null)
                {
                    // The per-record job measures' cohort series: each bucket's card finished in the whole period's
                    // context, as each of its records was scored (same window, exclusions and as-of date).
                    foreach (var (_, bucketCards) in population.FinishCohorts(context with { Scope = scope.Scope }))
                    {
                        for (int i = 0; i < bucketCards.Length; i++)
                        {
                            if (bucketCards[i] is { } bucketCard)
                                recorder.Record(scope.Scope, i, [bucketCard]);
                        }
                    }
                }
            }
        }
        var themes = state.Reviews.IsEmpty ? [] : _reviews.Classify([.. state.Reviews.Select(r => r.Text)]);
        var commitments = Enum.GetValues<Commitment>().Select(c => CommitmentRubric.Score(c, _rubric[c].Select(m => new RubricMeasure(m.Key,
            m.Key == CommitmentRubric.ReviewsKey ? ReviewShare(themes, c) : cards.FirstOrDefault(x => x.MeasureKey == m.Key && x.Scope == context.Scope)?.Value,
            m.Worst, m.Best, m.Weight)), context.Scope)).ToList();
        if (commitments.Any(c => c.Status == ScoreStatus.Ok))
            cards.AddRange(commitments);   // data with none of the rubrics' inputs gets no commitment cards at all
        Customers.PrimaryCustomerDecision? decision = null;
        ImmutableArray<Control.AssumptionChart> charts = [];
        ImmutableArray<Control.AssumptionAlert> alerts = [];
        if (state.PracticeLevel is { PrimaryCustomer: { } assessments } level)
        {
            ct.ThrowIfCancellationRequested();
            decision = Decide(assessments, context);
            (charts, alerts) = Control.AssumptionMonitor.Check(decision, level.AssumptionBindings, level.KpiSeries);
        }
        return new PracticeEvaluation(state.PracticeName, profile, state.Period, state.AsOf, state.TimeZone, [.. cards.Select(c => WithTarget(c, profile))])
        {
            PatientCards = [.. state.Patients.SelectMany(p => p.Cards)],
            SupportPlans = [.. state.Patients.Select(p => p.Plan).OfType<SupportPlan>()],
            Decision = decision,
            AssumptionCharts = charts,
            AssumptionAlerts = alerts,
            LoyaltyDrivers = Value.LoyaltyDrivers.FromRows(state.SurveyItems, surveyRows is null
                ? state.SurveyRows.Select(r => ImmutableCollectionsMarshal.AsArray(r.Codes)!)   // read, never written
                : PartialSerializer.ReadSurveyRows(state.SurveyRows, surveyRows, Value.LoyaltyDrivers.Width(state.SurveyItems))),
            ReviewThemes = themes,
            Series = recorder is null ? [] : BuildSeries(cards, recorder, profile),
            Funnels = recorder is null ? [] : BuildFunnels(cards),
        };
    }
}
