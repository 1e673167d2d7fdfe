using System.Collections.Immutable;
using PatientCentric.Control;
using PatientCentric.Records;
using PatientCentric.Touchpoints;
using static PatientCentric.Scoring.InvariantText;

namespace PatientCentric.Scoring;

// Every measure over time and funnels across units (docs/spc.md#every-measure-over-time, docs/funnel.md#funnels-in-the-evaluation).
public sealed partial class PracticeEvaluator
{
    private const string NoRecordsReason = "No record in this period bears on the measure.";

    // One series per whole-period card that has a kind and a direction, in card order; none for cards whose input is
    // absent or that a guardrail blocked, and none for PDC and commitment cards, which the recorder never saw (the
    // per-record job measures, referral closure and job timeliness, reach it as cohort series).
    private ImmutableArray<MeasureSeries> BuildSeries(IEnumerable<ScoreCard> cards, SeriesRecorder recorder, Profile profile)
    {
        var series = ImmutableArray.CreateBuilder<MeasureSeries>();
        var done = new HashSet<(ScoreScope, string)>();
        foreach (var card in cards)
        {
            if (card.Status is ScoreStatus.NotApplicable or ScoreStatus.GuardrailBlocked || !done.Add((card.Scope, card.MeasureKey))
                || recorder.Find(card.Scope, card.MeasureKey) is not { } bucketCards || _traits.Resolve(card.MeasureKey) is not { } traits)
                continue;
            double? target = profile.Targets.TryGetValue(card.MeasureKey, out var t) ? t.Target : null;
            series.Add(Series(card.MeasureKey, card.Scope, recorder.Buckets, _trends.Grain, bucketCards, traits, target));
        }
        return series.ToImmutable();
    }

    internal static MeasureSeries Series(string measureKey, ScoreScope scope, PeriodBuckets buckets, PeriodGrain grain, ScoreCard?[] bucketCards,
                                         (MeasureKind Kind, ImprovementDirection Direction, SpcChartKind Chart) traits, double? target)
    {
        bool counted = traits.Kind is MeasureKind.Proportion or MeasureKind.RatePer1000;
        var points = new SeriesPoint[buckets.Count];
        bool countsMissing = false;
        for (int i = 0; i < points.Length; i++)
        {
            var card = bucketCards[i];
            if (card is null)
            {
                points[i] = new SeriesPoint(buckets.Periods[i], buckets.IsPartial[i], null, null, null, ScoreStatus.InsufficientData, 0, NoRecordsReason);
                continue;
            }
            double? value = card.Status == ScoreStatus.Ok ? card.Value : null;
            double? numerator = null, denominator = null;
            if (counted && value is not null)
            {
                (numerator, denominator) = Counts(card);
                countsMissing |= numerator is null || denominator is null;
            }
            points[i] = new SeriesPoint(buckets.Periods[i], buckets.IsPartial[i], value, numerator, denominator, card.Status, card.EvidenceCount, card.StatusReason);
        }
        var (chart, reason) = countsMissing && traits.Chart is not (SpcChartKind.I or SpcChartKind.IMedian or SpcChartKind.IMedianMR
                                                                   or SpcChartKind.C or SpcChartKind.G or SpcChartKind.T)
            ? (null, "The period cards do not carry the numerator and denominator the chart needs.")
            : Chart(points, traits.Kind, traits.Direction, traits.Chart, target);
        return new MeasureSeries(measureKey, scope, grain, traits.Kind, traits.Direction, ImmutableArray.Create(points), chart, reason, target);
    }

    // The chart over the points, or why there is none. Proportions and rates are charted from their counts (a rate per
    // 1,000 with multiplier 1,000); statistics and scores from one value per period. A point without a value is a gap.
    private static (SpcChartResult? Chart, string? Reason) Chart(SeriesPoint[] points, MeasureKind kind, ImprovementDirection direction,
                                                                 SpcChartKind chart, double? target)
    {
        bool fromCounts = chart is SpcChartKind.P or SpcChartKind.PPrime or SpcChartKind.U or SpcChartKind.UPrime
                          || (chart == SpcChartKind.Run && kind is MeasureKind.Proportion or MeasureKind.RatePer1000);
        int n = points.Length, withValue = 0, pairs = 0;
        var numerators = new double[n];
        var denominators = fromCounts ? new double[n] : [];
        for (int i = 0; i < n; i++)
        {
            var p = points[i];
            bool has = p.Value is not null && (!fromCounts || (p.Numerator is not null && p.Denominator is > 0));
            numerators[i] = !has ? SpcChart.NoData : fromCounts ? p.Numerator!.Value : p.Value!.Value;
            if (fromCounts)
                denominators[i] = has ? p.Denominator!.Value : 1;
            if (has)
            {
                withValue++;
                if (i > 0 && !double.IsNaN(numerators[i - 1]))
                    pairs++;
            }
        }
        bool needsPair = chart is SpcChartKind.I or SpcChartKind.IMedian or SpcChartKind.IMedianMR or SpcChartKind.T or SpcChartKind.PPrime or SpcChartKind.UPrime;
        if (withValue == 0)
            return (null, "No period has a value, so there is nothing to chart.");
        if (needsPair && pairs == 0)
            return (null, Inv($"The {chart} chart needs at least 2 consecutive periods with a value; {withValue} of {n} periods have one."));
        var options = new SpcChartOptions
        {
            ImprovementDirection = direction,
            Target = target,
            Multiplier = fromCounts && kind == MeasureKind.RatePer1000 ? 1000 : 1,
        };
        try
        {
            return (SpcChart.Compute(chart, numerators, denominators, options), null);
        }
        catch (ArgumentException e)
        {
            string message = e.ParamName is { } name ? e.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : e.Message;
            return (null, $"The {chart} chart cannot be computed from these periods: {message}");
        }
    }

    // The exact counts behind a proportion or rate card, from its components: the numerator (no-shows, complaints) and
    // the denominator (statements); never rebuilt from the value.
    internal static (double? Numerator, double? Denominator) Counts(ScoreCard card)
    {
        double? numerator = null, denominator = null;
        foreach (var c in card.Components)
        {
            switch (c.Name)
            {
                case "numerator" or "no-shows" or "complaints":
                    numerator ??= c.InputValue;
                    break;
                case "denominator" or "statements":
                    denominator ??= c.InputValue;
                    break;
            }
        }
        return (numerator, denominator);
    }

    // A funnel per proportion or rate measure across clinicians and across service lines, on the whole-period cards with a
    // value: pooled target, 95 % and 99.8 % limits, multiplicative overdispersion winsorised at 10 % (docs/funnel.md).
    private ImmutableArray<MeasureFunnel> BuildFunnels(IReadOnlyList<ScoreCard> cards)
    {
        var funnels = ImmutableArray.CreateBuilder<MeasureFunnel>();
        foreach (var level in (ReadOnlySpan<ScopeLevel>)[ScopeLevel.Clinician, ScopeLevel.ServiceLine])
        {
            foreach (var group in cards.Where(c => c.Scope.Level == level).GroupBy(c => c.MeasureKey, StringComparer.Ordinal))
            {
                if (_traits.Resolve(group.Key) is not { Kind: MeasureKind.Proportion or MeasureKind.RatePer1000 } traits
                    || Funnel(group.Key, level, traits.Kind, [.. group]) is not { } funnel)
                    continue;
                funnels.Add(funnel);
            }
        }
        return funnels.ToImmutable();
    }

    internal static MeasureFunnel? Funnel(string measureKey, ScopeLevel level, MeasureKind kind, IReadOnlyList<ScoreCard> unitCards)
    {
        var keys = new List<string>();
        var numerators = new List<double>();
        var denominators = new List<double>();
        int without = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var card in unitCards)
        {
            if (!seen.Add(card.Scope.Key))
                continue;   // one unit, one point (a second role's card for the same key is not a second unit)
            var (o, d) = card.Status == ScoreStatus.Ok ? Counts(card) : (null, null);
            if (o is not { } numerator || d is not { } denominator || !(denominator > 0))
            {
                without++;
                continue;
            }
            keys.Add(card.Scope.Key);
            numerators.Add(numerator);
            denominators.Add(denominator);
        }
        if (keys.Count < 2)
            return null;
        var type = kind == MeasureKind.Proportion ? FunnelDataType.Proportion : FunnelDataType.Rate;
        var options = new FunnelOptions { Overdispersion = FunnelOverdispersion.Multiplicative, Multiplier = kind == MeasureKind.RatePer1000 ? 1000 : 1 };
        FunnelResult result;
        try
        {
            result = FunnelPlot.Compute(type, [.. numerators], [.. denominators], options);
        }
        catch (ArgumentException)
        {
            return null;   // a rate with no event in any unit has no log-scale target: no funnel to draw
        }
        var outside = keys.Where((_, i) => result.Units[i].Outside998).ToImmutableArray();
        return new MeasureFunnel(measureKey, level, type, [.. keys], [.. numerators], [.. denominators], result, outside, without);
    }

    /// <summary>Collects each scope's cards per period bucket, by measure key.</summary>
    private sealed class SeriesRecorder(PeriodBuckets buckets)
    {
        private readonly Dictionary<(ScoreScope, string), ScoreCard?[]> _cards = [];

        public PeriodBuckets Buckets { get; } = buckets;

        public void Record(ScoreScope scope, int bucket, ImmutableArray<ScoreCard> cards)
        {
            foreach (var card in cards)
            {
                if (!_cards.TryGetValue((scope, card.MeasureKey), out var perBucket))
                    _cards.Add((scope, card.MeasureKey), perBucket = new ScoreCard?[Buckets.Count]);
                perBucket[bucket] ??= card;   // the first role's card, as for the whole period
            }
        }

        public ScoreCard?[]? Find(ScoreScope scope, string measureKey) => _cards.GetValueOrDefault((scope, measureKey));
    }
}
