namespace PatientCentric.Control;

/// <summary>The kinds of control chart <see cref="SpcChart"/> computes; the eval key of each is given in brackets.
/// docs/spc.md gives every formula and when to use each chart.</summary>
public enum SpcChartKind
{
    /// <summary>Run chart (<c>run</c>): the median as centre line, no limits; only the trend and shift rules apply.</summary>
    Run,

    /// <summary>Individuals chart (<c>i</c>): centre the mean, σ = mean moving range ÷ 1.128.</summary>
    I,

    /// <summary>Individuals chart with a median centre line (<c>i-median</c>): centre the median, σ = mean moving range ÷ 1.128.</summary>
    IMedian,

    /// <summary>Individuals chart with median centre and median moving range (<c>i-median-mr</c>): σ = median moving range ÷ 1.128.</summary>
    IMedianMR,

    /// <summary>Moving-range chart (<c>mr</c>): one point per consecutive pair, centre the mean moving range, upper limits
    /// (3.267 ÷ 3)·k·m̄R, lower limits 0.</summary>
    MR,

    /// <summary>Proportion chart (<c>p</c>): p̄ = Σnumerators ÷ Σdenominators, σᵢ = √(p̄(1 − p̄) ÷ nᵢ), limits in [0, 1].</summary>
    P,

    /// <summary>Laney p′ chart (<c>pp</c>): the p chart's σᵢ multiplied by the spread σz of the z-scores between points.</summary>
    PPrime,

    /// <summary>Rate chart (<c>u</c>): ū = Σnumerators ÷ Σdenominators, σᵢ = √(ū ÷ nᵢ), lower limits ≥ 0.</summary>
    U,

    /// <summary>Laney u′ chart (<c>up</c>): the u chart's σᵢ multiplied by the spread σz of the z-scores between points.</summary>
    UPrime,

    /// <summary>Count chart (<c>c</c>): centre c̄, σ = √c̄, lower limits ≥ 0.</summary>
    C,

    /// <summary>Cases (or days) between rare events (<c>g</c>): centre the median, limits m ± k·√(m(m + 1)) with m the mean,
    /// lower limits 0.</summary>
    G,

    /// <summary>Time between rare events (<c>t</c>): an individuals chart on x^(1/3.6), back-transformed with ^3.6.</summary>
    T,

    /// <summary>Subgroup standard deviations (<c>s</c>): centre the pooled standard deviation, limits s̄·(1 ± k·c5(nᵢ) ÷ c4(nᵢ)).</summary>
    S,

    /// <summary>Subgroup means (<c>xbar</c>): centre Σnᵢx̄ᵢ ÷ Σnᵢ, limits ± k·s̄ ÷ (c4(nᵢ)·√nᵢ).</summary>
    XBar,
}
