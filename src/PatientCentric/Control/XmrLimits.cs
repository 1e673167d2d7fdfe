namespace PatientCentric.Control;

/// <summary>The centre line and limits of an XmR (individuals) chart computed from one baseline (docs/spc.md), in the
/// unit of the values.</summary>
/// <param name="Mean">The centre line: the mean of the baseline values.</param>
/// <param name="MovingRangeMean">m̄R: the mean moving range of consecutive baseline points, after screening when it was on;
/// 0 when every baseline value is equal (degenerate limits).</param>
/// <param name="BaselineCount">How many values the limits rest on (at least 2).</param>
/// <param name="ScreenedOutCount">Moving ranges left out by screening (<c>mR ≥ 3.267·m̄R</c>); 0 when screening was off or m̄R was 0.</param>
public readonly record struct XmrLimits(double Mean, double MovingRangeMean, int BaselineCount, int ScreenedOutCount)
{
    /// <summary>The limits constant: process limits are <c>mean ± 2.66·m̄R</c> (NHS "Making Data Count"; NHSRplotthedots 0.2.2).</summary>
    public const double LimitFactor = 2.66;

    /// <summary>The screening constant: a moving range is kept only if <c>mR &lt; 3.267·m̄R</c>.</summary>
    public const double ScreeningFactor = 3.267;

    /// <summary>The number of baseline points below which limits are flagged as trial limits (NHSRplotthedots warns below 12).</summary>
    public const int MinimumForFirmLimits = 12;

    /// <summary>Gets the lower process limit, <c>mean − 2.66·m̄R</c>.</summary>
    public double LowerProcessLimit => Mean - (LimitFactor * MovingRangeMean);

    /// <summary>Gets the upper process limit, <c>mean + 2.66·m̄R</c>.</summary>
    public double UpperProcessLimit => Mean + (LimitFactor * MovingRangeMean);

    /// <summary>Gets the lower near ("2-sigma") limit, <c>mean − (2/3)·2.66·m̄R</c>.</summary>
    public double LowerNearLimit => Mean - (LimitFactor * MovingRangeMean * 2 / 3);

    /// <summary>Gets the upper near ("2-sigma") limit, <c>mean + (2/3)·2.66·m̄R</c>.</summary>
    public double UpperNearLimit => Mean + (LimitFactor * MovingRangeMean * 2 / 3);

    /// <summary>Gets whether the baseline has fewer than 12 points, so the limits are trial limits.</summary>
    public bool TrialLimits => BaselineCount < MinimumForFirmLimits;

    /// <summary>Gets whether m̄R is 0: both limits equal the mean and every point not on the mean is outside.</summary>
    public bool IsDegenerate => MovingRangeMean == 0;
}
