using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Touchpoints;

namespace PatientCentric.Value;

/// <summary>Which moments of truth move intent to recommend (docs/key-drivers.md, docs/ipa.md): Johnson's relative weights of the
/// Customer-role report items (coded 1..k) on the likelihood-to-recommend answer (0..10), over the returns in the period
/// (listwise deletion), then an importance–performance grid of the same items: importance = rescaled weight (%),
/// performance = the item's top-box share (%).</summary>
/// <remarks>Only Customer-role items are drivers: clinical (Partner) items are never used to explain or steer satisfaction
/// (docs/guardrails.md). The analysis needs max(50, 10 × items) complete returns; below that it is not run.</remarks>
public sealed record LoyaltyDrivers(string OutcomeItem, RelativeWeightsResult Weights, IpaResult Grid)
{
    /// <summary>Analyses <paramref name="data"/>'s surveys over <paramref name="period"/>.</summary>
    /// <param name="data">The practice's data.</param>
    /// <param name="period">The measurement period (by return date).</param>
    /// <returns>The drivers, or <see langword="null"/> when there is no recommend item, fewer than two Customer report items,
    /// too few complete returns, or the items are collinear.</returns>
    public static LoyaltyDrivers? Analyse(PracticeDataSet data, MeasurementPeriod period)
    {
        ArgumentNullException.ThrowIfNull(data);
        return FromRows(data.SurveyItems, CodeRows(data, period).Select(r => r.Codes));
    }

    // The coded rows of the returns in the period, in the data's order: the recommend answer, then each Customer report
    // item's (-1: missing or invalid); empty when the items cannot support the analysis. Mergeable by concatenation.
    internal static IEnumerable<(SurveyReturn Return, int[] Codes)> CodeRows(PracticeDataSet data, MeasurementPeriod period)
    {
        if (Variables(data.SurveyItems) is not { } items)
            yield break;
        var offsets = new int[items.Count];   // per item, once: 0 for a 0–10 rating, 1 for a scale coded 1..k; -1 not yet known
        Array.Fill(offsets, -1);
        foreach (var r in data.SurveyReturns)
        {
            if (!period.Contains(r.ReturnedOn))
                continue;
            var codes = new int[items.Count];
            for (int i = 0; i < items.Count; i++)
                codes[i] = Code(items[i], r, ref offsets[i]);
            yield return (r, codes);
        }
    }

    // How many codes a row holds: the recommend item and the Customer report items (0 when there is no analysis).
    internal static int Width(ImmutableArray<SurveyItem> surveyItems) => Variables(surveyItems)?.Count ?? 0;

    // The recommend item, then the Customer report items; null without a recommend item or with fewer than two report items.
    private static List<SurveyItem>? Variables(ImmutableArray<SurveyItem> surveyItems)
    {
        var outcome = surveyItems.FirstOrDefault(i => i.Kind == SurveyItemKind.LikelihoodToRecommend && i.AboutRole == InteractionRole.Customer);
        var items = surveyItems.Where(i => i.Kind == SurveyItemKind.Report && i.AboutRole == InteractionRole.Customer).ToList();
        return outcome is null || items.Count < 2 ? null : [outcome, .. items];
    }

    // The analysis of coded rows, added in the order given.
    internal static LoyaltyDrivers? FromRows(ImmutableArray<SurveyItem> surveyItems, IEnumerable<int[]> codedRows)
    {
        if (Variables(surveyItems) is not { } all)
            return null;
        var outcome = all[0];
        var items = all.GetRange(1, all.Count - 1);
        var variables = all.Select(i => i.Key).ToImmutableArray();
        var rows = new CorrelationAccumulator(variables.Length);
        var row = new double[variables.Length];
        var topBox = new int[items.Count];
        var answered = new int[items.Count];
        foreach (var codes in codedRows)
        {
            row[0] = codes[0] < 0 ? double.NaN : codes[0];
            for (int i = 0; i < items.Count; i++)
            {
                row[i + 1] = codes[i + 1] < 0 ? double.NaN : codes[i + 1];
                if (!double.IsNaN(row[i + 1]))
                {
                    answered[i]++;
                    if ((int)row[i + 1] == items[i].Categories.Length) topBox[i]++;
                }
            }
            rows.Add(row);
        }
        if (rows.Count < Math.Max(50, 10 * items.Count))
            return null;
        RelativeWeightsResult weights;
        try
        {
            weights = KeyDriverAnalysis.RelativeWeights(KeyDriverAnalysis.FromRows(rows, variables, outcome.Key, [.. items.Select(i => i.Key)]));
        }
        catch (ArgumentException)
        {
            return null;   // collinear or degenerate items: no drivers rather than a misleading answer
        }
        var attributes = weights.Weights
            .Where(w => w.RescaledPercent is not null)
            .Select(w =>
            {
                int i = items.FindIndex(x => x.Key == w.Predictor);
                return new ImportancePerformance(w.Predictor, w.RescaledPercent!.Value, answered[i] == 0 ? 0 : 100.0 * topBox[i] / answered[i]);
            })
            .ToArray();
        return attributes.Length == 0 ? null : new LoyaltyDrivers(outcome.Key, weights, ImportancePerformanceAnalysis.Analyse(attributes, bestPerformance: 100));
    }

    // 0–10 items keep their value; other items are coded 1..k; a missing or invalid answer is -1 (listwise deletion). The
    // item's scale is read at its first valid answer (an item no return answers validly is never checked) and kept in
    // offset for the item's other answers.
    private static int Code(SurveyItem item, SurveyReturn r, ref int offset)
    {
        if (!r.Answers.TryGetValue(item.Key, out string? answer))
            return -1;
        int index = item.Categories.IndexOf(answer);
        if (index < 0)
            return -1;
        if (offset < 0)
            offset = CahpsScale.Create(item.Categories).Kind == CahpsScaleKind.Rating0To10 ? 0 : 1;
        return index + offset;
    }
}
