using System.Collections.Immutable;
using static PatientCentric.Scoring.InvariantText;

namespace PatientCentric.Scoring;

/// <summary>What one record of a per-record job measure (a referral, a job) does in the measure: left out with a reason
/// code, not counted yet (its window is still open at the evaluation date), counted in the denominator only, or counted
/// in both numerator and denominator.</summary>
internal enum CohortOutcome
{
    Excluded,
    Pending,
    Counted,
    CountedInNumerator,
}

/// <summary>The cohort series of the per-record job measures (docs/spc.md#every-measure-over-time): per measure key, the
/// records of each period bucket whose cohort date (a referral's date, a job's due date) falls in it, counted exactly as
/// the whole-period measure counts them. The scorer routes each record here while it scores it, so there is one pass
/// over the records and no period is scanned again. An instance belongs to one thread at a time.</summary>
internal sealed class CohortTally(PeriodBuckets buckets)
{
    private readonly Dictionary<string, CohortCounts> _measures = new(StringComparer.Ordinal);

    public PeriodBuckets Buckets { get; } = buckets;

    public IReadOnlyDictionary<string, CohortCounts> Measures => _measures;

    /// <summary>Routes one record of <paramref name="measureKey"/> to the bucket of <paramref name="cohortDate"/> (a date
    /// in the measurement period: the scorer counts no other record).</summary>
    public void Add(string measureKey, DateOnly cohortDate, CohortOutcome outcome)
    {
        if (!_measures.TryGetValue(measureKey, out var counts))
            _measures.Add(measureKey, counts = new CohortCounts(Buckets.Count));
        counts.Add(Buckets.IndexOf(cohortDate), outcome);
    }
}

/// <summary>One per-record measure's counts per period bucket; merging adds them bucket by bucket, so shards merged in any
/// grouping and order give the counts of one pass.</summary>
internal sealed class CohortCounts
{
    private readonly long[] _numerator, _denominator, _pending, _excluded;

    public CohortCounts(int bucketCount)
    {
        _numerator = new long[bucketCount];
        _denominator = new long[bucketCount];
        _pending = new long[bucketCount];
        _excluded = new long[bucketCount];
    }

    public int Count => _numerator.Length;

    public long Numerator(int bucket) => _numerator[bucket];

    public long Denominator(int bucket) => _denominator[bucket];

    public void Add(int bucket, CohortOutcome outcome)
    {
        switch (outcome)
        {
            case CohortOutcome.Excluded:
                _excluded[bucket]++;
                break;
            case CohortOutcome.Pending:
                _pending[bucket]++;
                break;
            case CohortOutcome.CountedInNumerator:
                _numerator[bucket]++;
                _denominator[bucket]++;
                break;
            default:
                _denominator[bucket]++;
                break;
        }
    }

    /// <summary>Adds <paramref name="other"/>'s counts (same buckets) into these.</summary>
    public CohortCounts Merge(CohortCounts other)
    {
        if (other.Count != Count)
            throw new ArgumentException("The cohort counts have different period buckets.", nameof(other));
        for (int i = 0; i < Count; i++)
        {
            _numerator[i] += other._numerator[i];
            _denominator[i] += other._denominator[i];
            _pending[i] += other._pending[i];
            _excluded[i] += other._excluded[i];
        }
        return this;
    }

    public CohortCounts Copy() => new CohortCounts(Count).Merge(this);

    /// <summary>The period card of each bucket, or <see langword="null"/> for a bucket holding no record of the measure
    /// (a gap on the chart, never a zero). A bucket whose records are all pending or excluded, or whose denominator is
    /// under the profile's minimum rate events, has no value and says why, as the whole-period population card does.</summary>
    public ScoreCard?[] Finish(string measureKey, ScoringContext context)
    {
        int minimum = context.Profile.MinimumEvidence.RateEvents;
        var cards = new ScoreCard?[Count];
        for (int i = 0; i < Count; i++)
        {
            long n = _numerator[i], d = _denominator[i], pending = _pending[i], excluded = _excluded[i];
            if (d + pending + excluded == 0)
                continue;
            ImmutableArray<ScoreComponent> components =
            [
                ScoreComponent.Describe("numerator", n, ScoreScale.Count, "Summed over the period's cohort."),
                ScoreComponent.Describe("denominator", d, ScoreScale.Count, "Summed over the period's cohort."),
                ScoreComponent.Describe("pending", pending, ScoreScale.Count, "Not counted yet at the evaluation date."),
                ScoreComponent.Describe("excluded", excluded, ScoreScale.Count, "Left out with a reason code, as on the whole-period card."),
            ];
            int evidence = (int)Math.Min(int.MaxValue, d);
            int excludedCount = (int)Math.Min(int.MaxValue, excluded);
            cards[i] = d == 0
                ? ScoreCard.WithoutValue(measureKey, context.Scope, ScoreScale.Proportion, ScoreStatus.InsufficientData,
                    Inv($"None of this period's {pending + excluded} record(s) is counted yet: {pending} pending at the evaluation date, {excluded} excluded."),
                    0, excludedCount, components)
                : d < minimum
                ? ScoreCard.WithoutValue(measureKey, context.Scope, ScoreScale.Proportion, ScoreStatus.InsufficientData,
                    Inv($"Fewer events in the denominator than the minimum of {minimum}."), evidence, excludedCount, components)
                : ScoreCard.Ok(measureKey, context.Scope, (double)n / d, ScoreScale.Proportion, evidence, excludedCount, components);
        }
        return cards;
    }

    /// <summary>Returns the counts as plain data, one entry per bucket (docs/scale.md#the-serialized-partial).</summary>
    public ImmutableArray<PopulationCohortState> ToState() =>
        [.. Enumerable.Range(0, Count).Select(i => new PopulationCohortState(_numerator[i], _denominator[i], _pending[i], _excluded[i]))];

    /// <summary>Rebuilds counts from <see cref="ToState"/>'s data, refusing (PC0123) negative counts and a numerator above
    /// its denominator.</summary>
    public static CohortCounts FromState(ImmutableArray<PopulationCohortState> state, string path)
    {
        var result = new CohortCounts(state.Length);
        for (int i = 0; i < state.Length; i++)
        {
            string at = Serialization.PartialFormat.At(path, i);
            var x = Serialization.PartialFormat.Need(state[i], at);
            result._numerator[i] = Serialization.PartialFormat.Count(x.Numerator, at + ".numerator");
            result._denominator[i] = Serialization.PartialFormat.Count(x.Denominator, at + ".denominator");
            result._pending[i] = Serialization.PartialFormat.Count(x.Pending, at + ".pending");
            result._excluded[i] = Serialization.PartialFormat.Count(x.Excluded, at + ".excluded");
            if (x.Numerator > x.Denominator)
                throw Serialization.PartialFormat.Field(at + ".numerator", "the numerator must not exceed the denominator.");
        }
        return result;
    }

    public long SumNumerator() => _numerator.Sum();

    public long SumDenominator() => _denominator.Sum();
}

// One period bucket of a per-record job measure's cohort counts (docs/scale.md#the-serialized-partial).
internal sealed record PopulationCohortState(long Numerator, long Denominator, long Pending, long Excluded);
