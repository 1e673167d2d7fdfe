using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Touchpoints;

/// <summary>Collects the valid answers to one survey item among the returns in the period, counting answers that are
/// not one of the item's categories as excluded (DOMAIN.md §0 invalid records).</summary>
internal static class SurveyAnswers
{
    /// <summary>Items of <paramref name="kind"/> about the context's role, in declared order.</summary>
    public static IEnumerable<SurveyItem> ItemsInScope(PracticeDataSet data, SurveyItemKind kind, ScoringContext context) =>
        data.SurveyItems.Where(i => i.Kind == kind && i.AboutRole == context.Role);

    /// <summary>Counts answers per category for <paramref name="item"/>.</summary>
    /// <param name="data">The data.</param>
    /// <param name="item">The item.</param>
    /// <param name="context">The context (period).</param>
    /// <param name="exclusions">Receives answers that are not a category.</param>
    /// <returns>Counts per category, in the item's order.</returns>
    public static int[] CountPerCategory(PracticeDataSet data, SurveyItem item, ScoringContext context, ExclusionTally exclusions)
    {
        var counts = new int[item.Categories.Length];
        foreach (var r in data.SurveyReturns)
        {
            if (!context.Period.Contains(r.ReturnedOn) || !r.Answers.TryGetValue(item.Key, out string? answer))
                continue;
            int index = item.Categories.IndexOf(answer);
            if (index < 0)
                exclusions.Add("answer-not-a-category", "the answer is not one of the item's categories");
            else
                counts[index]++;
        }
        return counts;
    }
}
