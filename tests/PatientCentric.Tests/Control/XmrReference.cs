using PatientCentric.Control;

namespace PatientCentric.Tests.Control;

/// <summary>A plain reading of DOMAIN.md §7.1–7.2, one scan of the series per rule, written independently of the library's
/// one-pass classifier so the two can be compared.</summary>
internal static class XmrReference
{
    public static (double Mean, double MovingRangeMean) Limits(IReadOnlyList<double> baseline, bool screen)
    {
        double mean = baseline.Sum() / baseline.Count;
        var ranges = baseline.Skip(1).Select((y, i) => Math.Abs(y - baseline[i])).ToList();
        double mr = ranges.Sum() / ranges.Count;
        if (screen && mr > 0)
        {
            var kept = ranges.Where(r => r < 3.267 * mr).ToList();
            mr = kept.Sum() / kept.Count;
        }
        return (mean, mr);
    }

    public static (SpecialCauseRule Rule, PointType Type)[] Classify(IReadOnlyList<double> y, XmrLimits limits, ImprovementDirection direction)
    {
        int n = y.Count;
        double mean = limits.Mean;
        int[] side = y.Select(v => v > mean ? 1 : v < mean ? -1 : 0).ToArray();
        bool[] outside = y.Select(v => v > limits.UpperProcessLimit || v < limits.LowerProcessLimit).ToArray();
        bool[] close = y.Select((v, i) => !outside[i] && (v > limits.UpperNearLimit || v < limits.LowerNearLimit)).ToArray();

        // Rule 2: every window of 7 strictly monotone points; a point keeps the direction of the first window that marks it.
        int[] trend = new int[n];
        for (int s = 0; s + 7 <= n; s++)
        {
            foreach (int d in new[] { 1, -1 })
            {
                if (Enumerable.Range(s + 1, 6).All(i => Math.Sign(y[i] - y[i - 1]) == d))
                {
                    for (int i = s; i < s + 7; i++)
                        if (trend[i] == 0) trend[i] = d;
                }
            }
        }

        // Rule 3: every window of 3 points on one side with at least 2 close.
        bool[] twoOfThree = new bool[n];
        for (int s = 0; s + 3 <= n; s++)
        {
            var w = Enumerable.Range(s, 3).ToArray();
            if (side[s] != 0 && w.All(i => side[i] == side[s]) && w.Count(i => close[i]) >= 2)
                foreach (int i in w.Where(i => close[i])) twoOfThree[i] = true;
        }

        // Rule 4: every window of 7 points on one side (a point on the mean has side 0 and matches nothing).
        bool[] shift = new bool[n];
        for (int s = 0; s + 7 <= n; s++)
        {
            if (side[s] != 0 && Enumerable.Range(s, 7).All(i => side[i] == side[s]))
                for (int i = s; i < s + 7; i++) shift[i] = true;
        }

        var result = new (SpecialCauseRule, PointType)[n];
        for (int i = 0; i < n; i++)
        {
            (SpecialCauseRule rule, int towards) = outside[i] ? (SpecialCauseRule.Astronomical, side[i])
                : trend[i] != 0 ? (SpecialCauseRule.Trend, trend[i])
                : twoOfThree[i] ? (SpecialCauseRule.TwoOfThree, side[i])
                : shift[i] ? (SpecialCauseRule.Shift, side[i])
                : (SpecialCauseRule.None, 0);
            PointType type = rule == SpecialCauseRule.None ? PointType.CommonCause
                : direction == ImprovementDirection.Neutral ? (towards > 0 ? PointType.SpecialCauseNeutralHigh : PointType.SpecialCauseNeutralLow)
                : towards * (direction == ImprovementDirection.Increase ? 1 : -1) > 0 ? PointType.SpecialCauseImprovement : PointType.SpecialCauseConcern;
            result[i] = (rule, type);
        }
        return result;
    }
}
