using System.Collections.Immutable;

namespace PatientCentric.Touchpoints;

/// <summary>Scores CAHPS-style items: top box, bottom box and linear mean (docs/touchpoints.md#surveys-nps-and-cahps).</summary>
/// <remarks>Sources: AHRQ, CAHPS Clinician &amp; Group Survey 3.1 and instructions for analysing CAHPS data; NCI SEER-CAHPS scoring guidance.</remarks>
public static class CahpsScoring
{
    /// <summary>Scores one item from its response counts.</summary>
    /// <param name="scale">The item's scale.</param>
    /// <param name="countsPerCategory">Responses per category, in the scale's order (least positive first); each 0 or more.</param>
    /// <returns>The result, or <see langword="null"/> when there are no responses (insufficient data).</returns>
    /// <exception cref="ArgumentException">The number of counts differs from the number of categories.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static CahpsItemResult? Score(CahpsScale scale, ReadOnlySpan<int> countsPerCategory)
    {
        ArgumentNullException.ThrowIfNull(scale);
        if (countsPerCategory.Length != scale.Count)
            throw new ArgumentException($"Expected {scale.Count} counts, one per category, but got {countsPerCategory.Length}.", nameof(countsPerCategory));
        long total = 0;
        foreach (int c in countsPerCategory)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(c, nameof(countsPerCategory));
            total += c;
        }
        if (total > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(countsPerCategory), "The total number of responses must fit in an Int32.");
        return total == 0 ? null : new CahpsItemResult(scale, countsPerCategory.ToArray().ToImmutableArray());
    }
}
