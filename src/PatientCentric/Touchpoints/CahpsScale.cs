using System.Collections.Immutable;
using System.Globalization;

namespace PatientCentric.Touchpoints;

/// <summary>A CAHPS item's answer categories, least to most positive, and the boxes and linear-mean values they map to (docs/touchpoints.md#surveys-nps-and-cahps).</summary>
/// <remarks>Immutable. Responses are coded 1..k from least to most positive (0–10 ratings keep their value); the linear
/// mean maps code X to <c>100·(X − 1)/(k − 1)</c> (0–10 ratings: <c>10·X</c>, the same values).
/// Source: AHRQ, instructions for analysing CAHPS data; NCI SEER-CAHPS linear-mean rule.</remarks>
public sealed class CahpsScale
{
    private CahpsScale(ImmutableArray<string> categories, CahpsScaleKind kind)
    {
        Categories = categories;
        Kind = kind;
    }

    /// <summary>Gets the categories, least to most positive.</summary>
    public ImmutableArray<string> Categories { get; }

    /// <summary>Gets the kind of scale.</summary>
    public CahpsScaleKind Kind { get; }

    /// <summary>Gets the number of categories, k.</summary>
    public int Count => Categories.Length;

    /// <summary>Creates a scale from its categories, least to most positive.</summary>
    /// <param name="categories">2, 3 or 4 distinct non-empty categories, or exactly <c>"0"</c>, <c>"1"</c>, …, <c>"10"</c> for the 0–10 rating.</param>
    /// <returns>The scale.</returns>
    /// <exception cref="ArgumentException">The categories are empty, repeated, or not a CAHPS scale.</exception>
    public static CahpsScale Create(IEnumerable<string> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        var list = categories.ToImmutableArray();   // no copy when given an ImmutableArray
        foreach (string category in list)
        {
            if (string.IsNullOrWhiteSpace(category))
                throw new ArgumentException("Every category must be a non-empty string.", nameof(categories));
        }
        if (!AreDistinct(list))
            throw new ArgumentException("Categories must be distinct.", nameof(categories));
        if (IsRating0To10(list))
            return new(list, CahpsScaleKind.Rating0To10);
        return list.Length switch
        {
            2 => new(list, CahpsScaleKind.TwoPoint),
            3 => new(list, CahpsScaleKind.ThreePoint),
            4 => new(list, CahpsScaleKind.FourPoint),
            _ => throw new ArgumentException(
                $"A CAHPS scale has 2, 3 or 4 categories, or is the 0–10 rating \"0\"..\"10\"; got {list.Length} categories.", nameof(categories)),
        };
    }

    /// <summary>Returns the linear-mean value of the category at <paramref name="index"/>, on 0..100: <c>100·index/(k − 1)</c>.</summary>
    /// <param name="index">The category's 0-based position, least positive first.</param>
    /// <returns>The value: 0 for the least positive category, 100 for the most positive.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside 0..k − 1.</exception>
    public double LinearValue(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return 100.0 * index / (Count - 1);
    }

    /// <summary>Gets the number of most positive categories that form the top box: 2 (9–10) for the 0–10 rating, else 1.</summary>
    public int TopBoxSize => Kind == CahpsScaleKind.Rating0To10 ? 2 : 1;

    /// <summary>Gets the number of least positive categories that form the bottom box: 7 (0–6) for the 0–10 rating,
    /// 2 (Never, Sometimes) for four-point items, else 1.</summary>
    public int BottomBoxSize => Kind switch
    {
        CahpsScaleKind.Rating0To10 => 7,
        CahpsScaleKind.FourPoint => 2,
        _ => 1,
    };

    /// <summary>Returns the position of <paramref name="category"/>, or −1 when it is not one of <see cref="Categories"/> (ordinal).</summary>
    /// <param name="category">A category.</param>
    /// <returns>The 0-based index, least positive first, or −1.</returns>
    public int IndexOf(string category) => Categories.IndexOf(category);

    // Ordinal; a real scale has at most 11 categories, compared pairwise without allocating.
    private static bool AreDistinct(ImmutableArray<string> list)
    {
        if (list.Length > 16)
            return new HashSet<string>(list, StringComparer.Ordinal).Count == list.Length;
        for (int i = 1; i < list.Length; i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (string.Equals(list[i], list[j], StringComparison.Ordinal))
                    return false;
            }
        }
        return true;
    }

    private static bool IsRating0To10(ImmutableArray<string> list)
    {
        if (list.Length != 11)
            return false;
        Span<char> digits = stackalloc char[2];
        for (int i = 0; i < list.Length; i++)
        {
            // i.ToString(InvariantCulture) without the string: "0".."10".
            bool ok = i.TryFormat(digits, out int written, default, CultureInfo.InvariantCulture);
            if (!ok || !list[i].AsSpan().SequenceEqual(digits[..written]))
                return false;
        }
        return true;
    }
}
