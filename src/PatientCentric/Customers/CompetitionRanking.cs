using System.Collections.Immutable;

namespace PatientCentric.Customers;

/// <summary>Competition ranking with the tie tolerance of docs/measures.md#conventions: scores within 1e−9 share the lowest rank (1, 1, 3).</summary>
internal static class CompetitionRanking
{
    public const double TieTolerance = 1e-9;

    /// <summary>Rank of each score, highest first: 1 + the number of scores above it by more than the tolerance.</summary>
    public static ImmutableArray<int> Ranks(IReadOnlyList<double> scores)
    {
        var ranks = new int[scores.Count];
        for (int i = 0; i < scores.Count; i++)
        {
            int above = 0;
            for (int k = 0; k < scores.Count; k++)
            {
                if (scores[k] > scores[i] + TieTolerance)
                    above++;
            }
            ranks[i] = above + 1;
        }
        return [.. ranks];
    }

    /// <summary>The index of the unique best score, or −1 when two or more share rank 1 (or there are none).</summary>
    public static int UniqueBest(IReadOnlyList<double> scores)
    {
        var ranks = Ranks(scores);
        int best = -1;
        for (int i = 0; i < ranks.Length; i++)
        {
            if (ranks[i] == 1)
            {
                if (best >= 0)
                    return -1;
                best = i;
            }
        }
        return best;
    }
}
