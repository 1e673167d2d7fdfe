using System.Collections.Immutable;

namespace PatientCentric.Touchpoints;

/// <summary>One CAHPS item's score: n, the linear mean on 0..100 and the top, middle and bottom boxes as proportions (docs/touchpoints.md#surveys-nps-and-cahps).</summary>
/// <param name="Scale">The item's scale.</param>
/// <param name="CategoryCounts">Responses per category, in the scale's order.</param>
public sealed record CahpsItemResult(CahpsScale Scale, ImmutableArray<int> CategoryCounts)
{
    /// <summary>Gets the number of valid responses, n.</summary>
    public int N => CategoryCounts.Sum();

    /// <summary>Gets the mean of the responses' linear values, on 0..100.</summary>
    public double LinearMean
    {
        get
        {
            double sum = 0;
            for (int i = 0; i < CategoryCounts.Length; i++)
                sum += CategoryCounts[i] * Scale.LinearValue(i);
            return sum / N;
        }
    }

    /// <summary>Gets the proportion of responses in the top box (most positive), 0..1.</summary>
    public double TopBox => (double)CountRange(CategoryCounts.Length - Scale.TopBoxSize, CategoryCounts.Length) / N;

    /// <summary>Gets the proportion of responses in the bottom box (least positive), 0..1.</summary>
    public double BottomBox => (double)CountRange(0, Scale.BottomBoxSize) / N;

    /// <summary>Gets the proportion of responses in neither box, 0..1: <c>1 − top − bottom</c> computed from counts.</summary>
    public double MiddleBox => (double)CountRange(Scale.BottomBoxSize, CategoryCounts.Length - Scale.TopBoxSize) / N;

    private int CountRange(int from, int to)
    {
        int n = 0;
        for (int i = from; i < to; i++)
            n += CategoryCounts[i];
        return n;
    }
}
