using System.Globalization;

namespace PatientCentric.Scoring;

/// <summary>The small-cell guardrail: a count from 1 to 10 shown to a person is suppressed and displayed as
/// <c>&lt;11</c>. Zero and counts of 11 or more are shown as they are. Hosts that display counts from the library's
/// results (score-card evidence, numerators, denominators, patients per support) apply this rule, as the
/// <c>patientcentric report</c> console and HTML outputs do.</summary>
/// <remarks>Source: CMS cell-size suppression policy (no cell of 1 to 10 beneficiaries is displayed). JSON output meant
/// for programs keeps exact counts; suppression is for what people see. Complementary suppression (so a suppressed cell
/// cannot be derived from a total) is the displaying host's duty. Pure and thread-safe.</remarks>
public static class SmallCellRule
{
    /// <summary>The smallest count that is suppressed: 1.</summary>
    public const int SmallestSuppressedCount = 1;

    /// <summary>The largest count that is suppressed: 10.</summary>
    public const int LargestSuppressedCount = 10;

    /// <summary>The text shown in place of a suppressed count: <c>&lt;11</c>.</summary>
    public const string SuppressedText = "<11";

    /// <summary>Returns whether <paramref name="count"/> must be suppressed when shown to a person: it is from 1 to 10 inclusive.</summary>
    /// <param name="count">A count of people or records, 0 or more.</param>
    /// <returns><see langword="true"/> for 1 to 10; <see langword="false"/> for 0 and for 11 or more.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static bool IsSuppressed(long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return count is >= SmallestSuppressedCount and <= LargestSuppressedCount;
    }

    /// <summary>Returns <paramref name="count"/> as a person may see it: <see cref="SuppressedText"/> (<c>&lt;11</c>) for 1 to
    /// 10, otherwise the count with invariant thousands separators (<c>0</c>, <c>11</c>, <c>5,708</c>).</summary>
    /// <param name="count">A count of people or records, 0 or more.</param>
    /// <returns>The text to display.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static string Display(long count) =>
        IsSuppressed(count) ? SuppressedText : count.ToString("N0", CultureInfo.InvariantCulture);
}
