using System.Diagnostics;

namespace PatientCentric.Scoring;

/// <summary>Order statistics as docs/measures.md#conventions defines them.</summary>
internal static class Quantiles
{
    /// <summary>Hyndman–Fan type 7 quantile of sorted data: linear interpolation between order statistics with
    /// <c>h = (n − 1)·p</c> (R's default, Excel <c>PERCENTILE.INC</c>).</summary>
    /// <param name="sorted">Values sorted ascending; at least one.</param>
    /// <param name="p">The probability, 0 to 1 inclusive.</param>
    /// <returns>The quantile.</returns>
    /// <remarks>Source: Hyndman RJ, Fan Y (1996), "Sample quantiles in statistical packages", The American Statistician 50(4), definition 7.</remarks>
    public static double HyndmanFanType7(ReadOnlySpan<double> sorted, double p)
    {
        Debug.Assert(!sorted.IsEmpty);
        Debug.Assert(p is >= 0 and <= 1);
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    /// <summary>The median of sorted data: the middle value, or the mean of the two middle values for even n.</summary>
    /// <param name="sorted">Values sorted ascending; at least one.</param>
    /// <returns>The median.</returns>
    public static double Median(ReadOnlySpan<double> sorted)
    {
        Debug.Assert(!sorted.IsEmpty);
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
