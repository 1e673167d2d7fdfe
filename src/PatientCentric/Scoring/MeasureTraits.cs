using System.Collections.Frozen;
using PatientCentric.Control;

namespace PatientCentric.Scoring;

/// <summary>Resolves, in one place, each measure's kind, improvement direction and chart over time: the host's override
/// (<see cref="TrendOptions.Measures"/>: the measure's own entry, else its family's) wins over the library's declaration
/// (<see cref="MeasureCatalog"/>); the chart is the override's, else the kind's default (docs/spc.md#every-measure-over-time).</summary>
internal sealed class MeasureTraits
{
    private readonly FrozenDictionary<string, TrendMeasureOptions> _overrides;

    public MeasureTraits(TrendOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _overrides = options.Measures.Where(e => e.Value is not null).ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The traits of <paramref name="measureKey"/>, or <see langword="null"/> when neither the catalog nor an
    /// override gives both its kind and its direction.</summary>
    public (MeasureKind Kind, ImprovementDirection Direction, SpcChartKind Chart)? Resolve(string measureKey)
    {
        var own = _overrides.GetValueOrDefault(measureKey);
        int colon = measureKey.IndexOf(':', StringComparison.Ordinal);
        var family = colon > 0 ? _overrides.GetValueOrDefault(measureKey[..colon]) : null;
        var kind = own?.Kind ?? family?.Kind ?? MeasureCatalog.KindOf(measureKey);
        var direction = own?.Direction ?? family?.Direction ?? MeasureCatalog.DirectionOf(measureKey);
        if (kind is not { } k || direction is not { } d)
            return null;
        return (k, d, own?.Chart ?? family?.Chart ?? DefaultChart(k));
    }

    /// <summary>The chart a kind gets unless a host asks for another: p′ for proportions, u′ for rates, i (XmR) otherwise.</summary>
    public static SpcChartKind DefaultChart(MeasureKind kind) => kind switch
    {
        MeasureKind.Proportion => SpcChartKind.PPrime,
        MeasureKind.RatePer1000 => SpcChartKind.UPrime,
        _ => SpcChartKind.I,
    };

    /// <summary>Whether <paramref name="chart"/> can show a measure of <paramref name="kind"/>: p or p′ (or a run chart) for a
    /// proportion; u or u′ (or a run chart) for a rate; for a per-period statistic or score a chart of one value per period
    /// (i, i-median, i-median-mr, run, c, g or t).</summary>
    public static bool Fits(MeasureKind kind, SpcChartKind chart) => kind switch
    {
        MeasureKind.Proportion => chart is SpcChartKind.P or SpcChartKind.PPrime or SpcChartKind.Run,
        MeasureKind.RatePer1000 => chart is SpcChartKind.U or SpcChartKind.UPrime or SpcChartKind.Run,
        _ => chart is SpcChartKind.I or SpcChartKind.IMedian or SpcChartKind.IMedianMR or SpcChartKind.Run
                   or SpcChartKind.C or SpcChartKind.G or SpcChartKind.T,
    };

    /// <summary>The charts that fit <paramref name="kind"/>, for error messages.</summary>
    public static IEnumerable<SpcChartKind> ChartsFor(MeasureKind kind) => Enum.GetValues<SpcChartKind>().Where(c => Fits(kind, c));
}
