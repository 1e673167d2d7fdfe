namespace PatientCentric.Control;

/// <summary>Per-point centre line and limits that the special-cause rules read. Implemented by small structs so the generic
/// classifier is specialised per source and reads constant limits (XmR) or per-point limits (p, u, s, x̄… charts) without
/// virtual calls or copies.</summary>
internal interface IPointLimits
{
    /// <summary>The centre line at point <paramref name="i"/>: the side of a point is taken against it.</summary>
    double Centre(int i);

    /// <summary>The lower process limit at point <paramref name="i"/>.</summary>
    double LowerProcess(int i);

    /// <summary>The upper process limit at point <paramref name="i"/>.</summary>
    double UpperProcess(int i);

    /// <summary>The lower near ("2-sigma") limit at point <paramref name="i"/>.</summary>
    double LowerNear(int i);

    /// <summary>The upper near ("2-sigma") limit at point <paramref name="i"/>.</summary>
    double UpperNear(int i);
}

/// <summary>The same centre line and limits for every point (an XmR segment).</summary>
internal readonly struct ConstantLimits(double centre, double lowerProcess, double upperProcess, double lowerNear, double upperNear) : IPointLimits
{
    public double Centre(int i) => centre;

    public double LowerProcess(int i) => lowerProcess;

    public double UpperProcess(int i) => upperProcess;

    public double LowerNear(int i) => lowerNear;

    public double UpperNear(int i) => upperNear;
}

/// <summary>The NHS England "Making Data Count" special-cause rules (astronomical, trend, two of three, shift, with that label
/// priority) evaluated in one pass over points whose centre line and limits may differ from point to point.</summary>
/// <remarks>The trend, shift and two-of-three rules keep streaming state (run direction and length, side and length, the
/// previous two points) and flag points retroactively through an 8-entry ring, so a point's label is final six points later.
/// Allocates nothing. A run chart passes infinite limits, so only the trend and shift rules can fire.</remarks>
internal static class SpecialCauseClassifier
{
    private const byte Outside = 1, TrendUp = 2, TrendDown = 4, TwoOfThree = 8, Shift = 16, AnyTrend = TrendUp | TrendDown;
    private const int RunLength = 7;

    /// <summary>Classifies every point in one pass.</summary>
    /// <param name="values">The points in series order, all finite (the caller checks).</param>
    /// <param name="limits">The centre line and limits of each point.</param>
    /// <param name="sign">+1 when increase is better, −1 when decrease is better, 0 when neutral.</param>
    /// <param name="destination">Receives one point per value; at least as long as <paramref name="values"/>.</param>
    public static void Classify<TLimits>(ReadOnlySpan<double> values, in TLimits limits, int sign, Span<XmrPoint> destination)
        where TLimits : struct, IPointLimits
    {
        Span<byte> ring = stackalloc byte[8];
        int trendDirection = 0, trendLength = 0, side = 0, sideLength = 0;
        int side1 = 0, side2 = 0;          // sides of the previous two points
        int close1 = 0, close2 = 0;        // 1 when the previous (second previous) point was close
        double previous = 0;
        // Random data makes "above or below?" a coin toss, so the state updates below are written as conditional moves
        // (setcc/cmov after JIT if-conversion) rather than branches; only the rare events (outside, close, runs of 7) branch.
        for (int i = 0; i < values.Length; i++)
        {
            double y = values[i];
            double centre = limits.Centre(i);
            int relative = (y > centre ? 1 : 0) - (y < centre ? 1 : 0);
            bool outside = y > limits.UpperProcess(i) || y < limits.LowerProcess(i);
            int close = !outside && (y > limits.UpperNear(i) || y < limits.LowerNear(i)) ? 1 : 0;
            ring[i & 7] = outside ? Outside : (byte)0;

            // Rule 2, trend: consecutive strictly rising (falling) steps; an equal pair restarts the run at this point.
            int step = i == 0 ? 0 : (y > previous ? 1 : 0) - (y < previous ? 1 : 0);
            trendLength = step == trendDirection && step != 0 ? trendLength + 1 : 1 + (step & 1);
            trendDirection = step;
            if (trendLength >= RunLength)
            {
                byte bit = trendDirection > 0 ? TrendUp : TrendDown;
                for (int j = trendLength == RunLength ? i - (RunLength - 1) : i; j <= i; j++)
                {
                    if ((ring[j & 7] & AnyTrend) == 0)
                        ring[j & 7] |= bit;
                }
            }

            // Rule 4, shift: consecutive points on one side; a point on the centre line breaks the run and does not start one.
            sideLength = relative == side && relative != 0 ? sideLength + 1 : relative & 1;
            side = relative;
            if (sideLength >= RunLength)
            {
                for (int j = sideLength == RunLength ? i - (RunLength - 1) : i; j <= i; j++)
                    ring[j & 7] |= Shift;
            }

            // Rule 3, two of three: at least two of this point and the previous two close, all three on one side.
            if (close + close1 + close2 >= 2 && relative != 0 && relative == side1 && relative == side2)
            {
                if (close != 0) ring[i & 7] |= TwoOfThree;
                if (close1 != 0) ring[(i - 1) & 7] |= TwoOfThree;
                if (close2 != 0) ring[(i - 2) & 7] |= TwoOfThree;
            }

            side2 = side1;
            side1 = relative;
            close2 = close1;
            close1 = close;
            previous = y;
            if (i >= RunLength - 1)
            {
                int j = i - (RunLength - 1);
                destination[j] = Finish(values[j], ring[j & 7], j, limits, sign);
            }
        }
        for (int j = Math.Max(0, values.Length - (RunLength - 1)); j < values.Length; j++)
            destination[j] = Finish(values[j], ring[j & 7], j, limits, sign);
    }

    /// <summary>Returns the "Making Data Count" assurance icon for a target against process limits: for increase, a target above
    /// the upper limit is a consistent fail and below the lower limit a consistent pass; decrease the reverse; otherwise, or on
    /// a limit, inconsistent. <see langword="null"/> without a target or with a neutral direction.</summary>
    public static AssuranceIcon? Assurance(double lowerProcess, double upperProcess, ImprovementDirection direction, double? target)
    {
        if (target is not { } t || direction == ImprovementDirection.Neutral)
            return null;
        int sign = direction == ImprovementDirection.Increase ? 1 : -1;
        if (t > upperProcess)
            return sign > 0 ? AssuranceIcon.ConsistentFail : AssuranceIcon.ConsistentPass;
        if (t < lowerProcess)
            return sign > 0 ? AssuranceIcon.ConsistentPass : AssuranceIcon.ConsistentFail;
        return AssuranceIcon.Inconsistent;
    }

    /// <summary>+1 for increase, −1 for decrease, 0 for neutral.</summary>
    public static int Sign(ImprovementDirection direction) =>
        direction switch { ImprovementDirection.Increase => 1, ImprovementDirection.Decrease => -1, _ => 0 };

    private static XmrPoint Finish<TLimits>(double y, byte flags, int i, in TLimits limits, int sign)
        where TLimits : struct, IPointLimits
    {
        double centre = limits.Centre(i);
        int relative = (y > centre ? 1 : 0) - (y < centre ? 1 : 0);
        bool outside = (flags & Outside) != 0;
        bool close = !outside && (y > limits.UpperNear(i) || y < limits.LowerNear(i));
        if (flags == 0)
            return new XmrPoint(y, relative, false, close, SpecialCauseRule.None, PointType.CommonCause);
        SpecialCauseRule rule;
        int towards;
        if (outside)
            (rule, towards) = (SpecialCauseRule.Astronomical, relative);
        else if ((flags & AnyTrend) != 0)
            (rule, towards) = (SpecialCauseRule.Trend, (flags & TrendUp) != 0 ? 1 : -1);
        else if ((flags & TwoOfThree) != 0)
            (rule, towards) = (SpecialCauseRule.TwoOfThree, relative);
        else
            (rule, towards) = (SpecialCauseRule.Shift, relative);
        PointType type = sign == 0
            ? (towards > 0 ? PointType.SpecialCauseNeutralHigh : PointType.SpecialCauseNeutralLow)
            : (towards * sign > 0 ? PointType.SpecialCauseImprovement : PointType.SpecialCauseConcern);
        return new XmrPoint(y, relative, outside, close, rule, type);
    }
}
