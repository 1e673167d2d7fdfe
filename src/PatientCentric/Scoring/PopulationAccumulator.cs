using System.Collections.Frozen;
using System.Collections.Immutable;
using PatientCentric.Jobs;
using PatientCentric.Serialization;
using static PatientCentric.Scoring.InvariantText;

namespace PatientCentric.Scoring;

/// <summary>The population rates of the job scorers in the accumulate–merge–finish shape (docs/scale.md#population-cards):
/// per measure key, Σ numerator ÷ Σ denominator over the patients' cards, the patients' own values (an exact run-length
/// multiset, each distinct value once with its count, for exact type 7 quantiles), the patients' exclusions by reason code and whether every patient card lacks the input
/// entirely. Patients may be added in any shards, merged in any grouping and order: finishing gives the cards of one pass.</summary>
/// <remarks>Exclusion reason codes are listed by the first patient (in ordinal order of patient key) that has the code,
/// then by the code's place among that patient's exclusions; on patients added in key order this is first-seen order.
/// Each patient is added once, to one accumulator. An accumulator belongs to one thread at a time.</remarks>
internal sealed class PopulationAccumulator
{
    // Exclusion codes of job-scorer records that lack an input the source does not record at all (absent, not invalid).
    private static readonly FrozenSet<string> InputNotRecordedCodes = FrozenSet.ToFrozenSet([ReferralClosureScorer.ClosureNotRecordedCode], StringComparer.Ordinal);

    private readonly Dictionary<string, MeasureState> _measures = new(StringComparer.Ordinal);

    private PopulationAccumulator()
    {
    }

    /// <summary>Creates an empty accumulator.</summary>
    /// <returns>A new, empty accumulator.</returns>
    public static PopulationAccumulator Create() => new();

    /// <summary>Adds one patient's job-scorer cards.</summary>
    /// <param name="patientKey">The patient's key; it orders the exclusion reason codes.</param>
    /// <param name="patientCards">The patient's cards, in the order the scorers gave them.</param>
    /// <returns>This accumulator.</returns>
    public PopulationAccumulator Add(string patientKey, ImmutableArray<ScoreCard> patientCards)
    {
        ArgumentNullException.ThrowIfNull(patientKey);
        if (patientCards.IsDefault)
            throw new ArgumentNullException(nameof(patientCards));
        var sequence = _sequence;   // per measure key: the patient's cards and exclusions so far (a patient has few keys)
        sequence.Clear();
        foreach (var card in patientCards)
        {
            if (!_measures.TryGetValue(card.MeasureKey, out var m))
                _measures.Add(card.MeasureKey, m = new MeasureState());
            int at = SequenceIndex(sequence, card.MeasureKey);
            int seq = sequence[at].Next;
            var cardRank = new Rank(patientKey, seq++);
            if (m.FirstCard is not { } first || cardRank.CompareTo(first) < 0)
                (m.FirstCard, m.FirstReason) = (cardRank, card.StatusReason);
            m.Patients++;
            m.Excluded += card.ExcludedCount;
            m.Numerator += (long)(Named(card.Components, "numerator")?.InputValue ?? 0);
            m.Denominator += (long)(Named(card.Components, "denominator")?.InputValue ?? 0);
            m.AllLackInput &= LacksInputEntirely(card);
            if (card.Value is { } v)
                m.Values.Add(v);
            foreach (var x in card.Components)
            {
                if (x.Name.StartsWith(ScoreComponent.ExclusionPrefix, StringComparison.Ordinal))
                    m.AddExclusion(x.Name, (long)(x.InputValue ?? 0), x.Reason, new Rank(patientKey, seq++));
            }
            sequence[at] = (card.MeasureKey, seq);
        }
        return this;
    }

    // Add's per-patient sequence numbers by measure key, reused from patient to patient (Add is not thread-safe anyway).
    private readonly List<(string Key, int Next)> _sequence = [];

    // The index of the key's entry in the sequence, added at 0 when new.
    private static int SequenceIndex(List<(string Key, int Next)> sequence, string key)
    {
        for (int i = 0; i < sequence.Count; i++)
        {
            if (string.Equals(sequence[i].Key, key, StringComparison.Ordinal))
                return i;
        }
        sequence.Add((key, 0));
        return sequence.Count - 1;
    }

    // The first component with the name (ordinal), as FirstOrDefault would give it.
    private static ScoreComponent? Named(ImmutableArray<ScoreComponent> components, string name)
    {
        foreach (var c in components)
        {
            if (c.Name == name)
                return c;
        }
        return null;
    }

    /// <summary>Adds the cohort counts that the per-record job scorers routed while scoring the patients already added
    /// (docs/spc.md#every-measure-over-time); each measure of <paramref name="cohorts"/> has those patients' cards here.</summary>
    /// <param name="cohorts">The tally of the same patients.</param>
    /// <returns>This accumulator.</returns>
    public PopulationAccumulator AddCohorts(CohortTally cohorts)
    {
        ArgumentNullException.ThrowIfNull(cohorts);
        foreach (var (key, counts) in cohorts.Measures)
        {
            var m = _measures[key];   // a scorer routes a record only when it gives the patient a card of that measure
            m.Cohorts = m.Cohorts is null ? counts.Copy() : m.Cohorts.Merge(counts);
        }
        return this;
    }

    /// <summary>Finishes the period cards of every measure with cohort counts: per measure key in ordinal order, one card
    /// (or <see langword="null"/> for a bucket with no record) per period bucket.</summary>
    /// <param name="context">The context: its scope and the profile's minimum rate events.</param>
    /// <returns>The measures' period cards.</returns>
    public IEnumerable<(string MeasureKey, ScoreCard?[] Cards)> FinishCohorts(ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (key, m) in _measures.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (m.Cohorts is { } cohorts)
                yield return (key, cohorts.Finish(key, context));
        }
    }

    /// <summary>Merges another accumulator of disjoint patients into this one.</summary>
    /// <param name="other">The other accumulator; it is read, never kept.</param>
    /// <returns>This accumulator, holding both.</returns>
    public PopulationAccumulator Merge(PopulationAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (key, o) in other._measures)
        {
            if (!_measures.TryGetValue(key, out var m))
                _measures.Add(key, m = new MeasureState());
            if (o.FirstCard is { } oFirst && (m.FirstCard is not { } first || oFirst.CompareTo(first) < 0))
                (m.FirstCard, m.FirstReason) = (oFirst, o.FirstReason);
            m.Patients += o.Patients;
            m.Excluded += o.Excluded;
            m.Numerator += o.Numerator;
            m.Denominator += o.Denominator;
            m.AllLackInput &= o.AllLackInput;
            m.Values.Merge(o.Values);
            if (o.Cohorts is { } oc)
                m.Cohorts = m.Cohorts is null ? oc.Copy() : m.Cohorts.Merge(oc);
            foreach (var (name, e) in o.Exclusions)
            {
                if (!m.Exclusions.TryGetValue(name, out var mine))
                {
                    m.Exclusions.Add(name, e with { });
                    continue;
                }
                mine.Count += e.Count;
                if (e.First.CompareTo(mine.First) < 0)
                    mine.First = e.First;
                if (e.Last.CompareTo(mine.Last) > 0)
                    (mine.Last, mine.Reason) = (e.Last, e.Reason);
            }
        }
        return this;
    }

    /// <summary>Finishes the population cards, one per measure key in ordinal order; the accumulator is not changed.</summary>
    /// <param name="context">The context: its scope and the profile's minimum rate events.</param>
    /// <returns>The population cards.</returns>
    public ImmutableArray<ScoreCard> Finish(ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        int minimum = context.Profile.MinimumEvidence.RateEvents;
        var cards = ImmutableArray.CreateBuilder<ScoreCard>(_measures.Count);
        foreach (var (key, m) in _measures.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var components = ImmutableArray.CreateBuilder<ScoreComponent>();
            components.Add(ScoreComponent.Describe("numerator", m.Numerator, ScoreScale.Count, "Summed over patients."));
            components.Add(ScoreComponent.Describe("denominator", m.Denominator, ScoreScale.Count, "Summed over patients."));
            components.Add(ScoreComponent.Describe("patients", m.Patients, ScoreScale.Count, "Patients with data for this measure."));
            if (m.Values.Count > 0)
            {
                // Read from the runs: bit for bit what Quantiles gives on the expanded sorted list (PopulationMergeTests).
                components.Add(ScoreComponent.Describe("patient-p25", m.Values.HyndmanFanType7(0.25), ScoreScale.Proportion, "25th percentile of the patients' own values."));
                components.Add(ScoreComponent.Describe("patient-median", m.Values.Median(), ScoreScale.Proportion, "Median of the patients' own values."));
                components.Add(ScoreComponent.Describe("patient-p75", m.Values.HyndmanFanType7(0.75), ScoreScale.Proportion, "75th percentile of the patients' own values."));
            }
            foreach (var (name, e) in m.Exclusions.OrderBy(p => p.Value.First))
                components.Add(ScoreComponent.Describe(name, e.Count, ScoreScale.Count, e.Reason));
            int evidence = (int)Math.Min(int.MaxValue, m.Denominator);
            if (m.Denominator == 0 && m.AllLackInput)
            {
                cards.Add(ScoreCard.WithoutValue(key, context.Scope, ScoreScale.Proportion, ScoreStatus.NotApplicable,
                    m.FirstReason!, 0, m.Excluded, components.ToImmutable()));
                continue;
            }
            cards.Add(m.Denominator == 0 || m.Denominator < minimum
                ? ScoreCard.WithoutValue(key, context.Scope, ScoreScale.Proportion, ScoreStatus.InsufficientData,
                    Inv($"Fewer events in the denominator than the minimum of {minimum}."), evidence, m.Excluded, components.ToImmutable())
                : ScoreCard.Ok(key, context.Scope, (double)m.Numerator / m.Denominator, ScoreScale.Proportion, evidence, m.Excluded, components.ToImmutable()));
        }
        return cards.ToImmutable();
    }

    /// <summary>Returns the accumulator as plain data, measures in ordinal order of key (docs/scale.md#the-serialized-partial);
    /// the patients' values are written as a list, every value as often as it occurs, in ascending order.</summary>
    public ImmutableArray<PopulationMeasureState> ToState() =>
        [.. _measures.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => new PopulationMeasureState(
            x.Key, x.Value.Numerator, x.Value.Denominator, x.Value.Excluded, x.Value.Patients, x.Value.AllLackInput,
            x.Value.FirstCard is { } f ? new PopulationRankState(f.PatientKey, f.Sequence) : null, x.Value.FirstReason, [.. x.Value.Values.ToSortedArray()],
            [.. x.Value.Exclusions.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new PopulationExclusionState(e.Key,
                new PopulationRankState(e.Value.First.PatientKey, e.Value.First.Sequence), new PopulationRankState(e.Value.Last.PatientKey, e.Value.Last.Sequence),
                e.Value.Reason, e.Value.Count))]) { Cohorts = x.Value.Cohorts?.ToState() })];

    /// <summary>Rebuilds an accumulator from <see cref="ToState"/>'s data, refusing negative counts, numbers that are not
    /// finite, and cohort counts that do not fit the trend grain or do not add up to the measure's counts.</summary>
    /// <param name="state">The measures.</param>
    /// <param name="path">The JSON path of <paramref name="state"/>, for errors.</param>
    /// <param name="bucketCount">The number of period buckets of the partial's trend grain; 0 when trends are off.</param>
    public static PopulationAccumulator FromState(ImmutableArray<PopulationMeasureState> state, string path, int bucketCount)
    {
        var result = new PopulationAccumulator();
        state = PartialFormat.Need(state, path);
        static Rank ToRank(PopulationRankState? r, string at) =>
            new(PartialFormat.Need(PartialFormat.Need(r, at).PatientKey, at + ".patientKey"), PartialFormat.Count(r!.Sequence, at + ".sequence"));
        for (int i = 0; i < state.Length; i++)
        {
            string at = PartialFormat.At(path, i);
            var x = PartialFormat.Need(state[i], at);
            var m = new MeasureState
            {
                Numerator = PartialFormat.Count(x.Numerator, at + ".numerator"),
                Denominator = PartialFormat.Count(x.Denominator, at + ".denominator"),
                Excluded = PartialFormat.Count(x.Excluded, at + ".excluded"),
                Patients = PartialFormat.Count(x.Patients, at + ".patients"),
                AllLackInput = x.AllLackInput,
                FirstCard = x.FirstCard is null ? null : ToRank(x.FirstCard, at + ".firstCard"),
                FirstReason = x.FirstReason,
            };
            if ((m.FirstCard is null) != (m.Patients == 0))
                throw PartialFormat.Field(at + ".firstCard", "the first card must be given exactly when the measure has patients.");
            foreach (double v in PartialFormat.Finite(PartialFormat.Need(x.Values, at + ".values"), at + ".values"))
                m.Values.Add(v);
            var exclusions = PartialFormat.Need(x.Exclusions, at + ".exclusions");
            for (int k = 0; k < exclusions.Length; k++)
            {
                string e = PartialFormat.At(at + ".exclusions", k);
                var ex = PartialFormat.Need(exclusions[k], e);
                var state1 = new ExclusionState(ToRank(ex.First, e + ".first"), ToRank(ex.Last, e + ".last"), PartialFormat.Need(ex.Reason, e + ".reason"),
                    PartialFormat.Count(ex.Count, e + ".count"));
                if (!m.Exclusions.TryAdd(PartialFormat.Need(ex.Name, e + ".name"), state1))
                    throw PartialFormat.Field(e + ".name", "an exclusion is listed twice.");
            }
            if (x.Cohorts is { } cohorts)
            {
                if (bucketCount == 0)
                    throw PartialFormat.Field(at + ".cohorts", "the partial has no trend grain (trends off), so no measure holds period buckets.");
                if (cohorts.Length != bucketCount)
                    throw PartialFormat.Field(at + ".cohorts", Inv($"the measure holds {cohorts.Length} period bucket(s) where the partial's trend grain and period call for {bucketCount}."));
                m.Cohorts = CohortCounts.FromState(cohorts, at + ".cohorts");
                if (m.Cohorts.SumNumerator() != m.Numerator || m.Cohorts.SumDenominator() != m.Denominator)
                    throw PartialFormat.Field(at + ".cohorts", "the period buckets' numerators and denominators must add up to the measure's.");
            }
            if (!result._measures.TryAdd(PartialFormat.Need(x.Measure, at + ".measure"), m))
                throw PartialFormat.Field(at + ".measure", "a measure is listed twice.");
        }
        return result;
    }

    // Whether a patient card is NotApplicable only because none of its records carries an input the source never records.
    private static bool LacksInputEntirely(ScoreCard card) =>
        card is { Status: ScoreStatus.NotApplicable, EvidenceCount: 0, ExcludedCount: > 0 }
        && card.Components.Where(c => c.Name.StartsWith(ScoreComponent.ExclusionPrefix, StringComparison.Ordinal))
            .All(c => InputNotRecordedCodes.Contains(c.Name[ScoreComponent.ExclusionPrefix.Length..]));

    // A place in the canonical order: the patient's key (ordinal), then the place among that patient's cards and exclusions.
    private readonly record struct Rank(string PatientKey, int Sequence) : IComparable<Rank>
    {
        public int CompareTo(Rank other)
        {
            int byPatient = string.CompareOrdinal(PatientKey, other.PatientKey);
            return byPatient != 0 ? byPatient : Sequence.CompareTo(other.Sequence);
        }
    }

    // One reason code's count, its first occurrence (which orders it) and the reason of its last (which one pass kept).
    private sealed record ExclusionState(Rank First, Rank Last, string Reason, long Count)
    {
        public Rank First { get; set; } = First;

        public Rank Last { get; set; } = Last;

        public string Reason { get; set; } = Reason;

        public long Count { get; set; } = Count;
    }

    private sealed class MeasureState
    {
        public long Numerator { get; set; }

        public long Denominator { get; set; }

        public int Excluded { get; set; }

        public int Patients { get; set; }

        public bool AllLackInput { get; set; } = true;

        public Rank? FirstCard { get; set; }

        public string? FirstReason { get; set; }

        // The patients' own values: each distinct value once with its count (rates repeat: 0, 1, 1/2, 29/30 ...), so memory
        // grows with the distinct values, not with the patients. Negative zero counts as zero.
        public DurationValues Values { get; } = new();

        // The counts per period bucket of a per-record job measure's cohorts; null for other measures or with trends off.
        public CohortCounts? Cohorts { get; set; }

        public Dictionary<string, ExclusionState> Exclusions { get; } = new(StringComparer.Ordinal);

        public void AddExclusion(string name, long count, string reason, Rank rank)
        {
            if (!Exclusions.TryGetValue(name, out var e))
            {
                Exclusions.Add(name, new ExclusionState(rank, rank, reason, count));
                return;
            }
            e.Count += count;
            if (rank.CompareTo(e.First) < 0)
                e.First = rank;
            if (rank.CompareTo(e.Last) > 0)
                (e.Last, e.Reason) = (rank, reason);
        }
    }
}

// One measure of a PopulationAccumulator as plain data (docs/scale.md#the-serialized-partial).
internal sealed record PopulationMeasureState(string Measure, long Numerator, long Denominator, int Excluded, int Patients, bool AllLackInput,
                                              PopulationRankState? FirstCard, string? FirstReason, ImmutableArray<double> Values,
                                              ImmutableArray<PopulationExclusionState> Exclusions)
{
    // With trends on, for a per-record job measure: its cohort counts per period bucket, in bucket order.
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableArray<PopulationCohortState>? Cohorts { get; init; }
}

// A place in a PopulationAccumulator's canonical order: the patient's key, then the place among that patient's cards.
internal sealed record PopulationRankState(string PatientKey, int Sequence);

// One exclusion reason of a population measure: where it first and last occurs, the last reason and the count.
internal sealed record PopulationExclusionState(string Name, PopulationRankState First, PopulationRankState Last, string Reason, long Count);
