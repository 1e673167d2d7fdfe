using System.Globalization;
using PatientCentric.Scoring;

namespace PatientCentric.Cli.Report;

/// <summary>Formats score-card numbers for people: values on their display scale (proportions as %, NPS ×100), with
/// display rounding half away from zero (docs/measures.md#conventions), and counts of 1–10 suppressed (CMS cell-size policy, docs/guardrails.md).</summary>
internal static class CardText
{
    /// <summary>A count as a person may see it: the library's small-cell rule (1–10 show as &lt;11). A negative number is
    /// not a count of anyone and is printed as it is.</summary>
    public static string Count(long n) => n < 0 ? n.ToString("N0", CultureInfo.InvariantCulture) : SmallCellRule.Display(n);

    public static string Value(double value, ScoreScale scale) => scale switch
    {
        ScoreScale.Proportion => $"{Round(value * 100, 1).ToString("0.0", CultureInfo.InvariantCulture)} %",
        ScoreScale.NetPromoter => Round(value * 100, 1).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture),
        ScoreScale.Days => $"{Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture)} days",
        ScoreScale.Seconds => $"{Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture)} s",
        ScoreScale.Minutes => $"{Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture)} min",
        ScoreScale.Hours => $"{Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture)} h",
        ScoreScale.Count => Count((int)value),
        _ => Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture),
    };

    public static string Value(ScoreCard card) => card.Value is { } v
        ? card.MeasureKey.EndsWith("-per-1000-statements", StringComparison.Ordinal)
            ? $"{Round(v, 1).ToString("0.0", CultureInfo.InvariantCulture)} per 1,000"
            : Value(v, card.Scale)
        : Status(card.Status);

    public static string Status(ScoreStatus status) => PlainWords.Of(status);

    public static string Component(ScoreComponent c) => c.InputValue switch
    {
        null => "",
        // A standard error is a spread, not a score: no sign.
        double v when c.Name == "standard-error" && c.InputScale == ScoreScale.NetPromoter => Round(v * 100, 1).ToString("0.0", CultureInfo.InvariantCulture),
        double v => Value(v, c.InputScale),
    };

    /// <summary>A short detail line for the summary table, built from numeric components (never from reasons with counts).</summary>
    public static string Detail(ScoreCard card)
    {
        if (card.Status != ScoreStatus.Ok)
            return card.StatusReason ?? "";
        string detail = BaseDetail(card);
        if (card.Components.FirstOrDefault(c => c.Name == "target") is { InputValue: { } t } && card.Components.FirstOrDefault(c => c.Name == "meets-target") is { InputValue: { } met })
            detail = $"{detail}{(detail.Length > 0 ? "; " : "")}target {Value(t, card.Scale)}: {(met == 1 ? "met" : "MISSED")}";
        return detail;
    }

    private static string BaseDetail(ScoreCard card)
    {
        double? Get(string name) => card.Components.FirstOrDefault(c => c.Name == name)?.InputValue;
        if (Get("p90") is { } p90)
        {
            string within = Get("within-target") is { } w ? $"; {Value(w, ScoreScale.Proportion)} within 2 business days; {Count((int)(Get("open") ?? 0))} unanswered" : "";
            string center = Get("mean") is not null && Get("median") is { } med ? $"mean; median {Value(med, card.Scale)}" : "median";
            return $"{center}; P90 {Value(p90, card.Scale)}{within}";
        }
        if (Get("denominator") is { } d && Get("no-shows") is { } ns)
            return $"{Count((int)ns)} no-shows of {Count((int)d)} appointments";
        if (Get("ci95-low") is { } lo && Get("ci95-high") is { } hi)
            return $"95 % CI {Value(lo, ScoreScale.NetPromoter)} to {Value(hi, ScoreScale.NetPromoter)}";
        if (Get("numerator") is { } num && Get("denominator") is { } den)
        {
            string median = Get("patient-median") is { } m ? $"; patient median {Value(m, ScoreScale.Proportion)}" : "";
            string what = card.MeasureKey switch
            {
                var k when k.StartsWith("pdc:", StringComparison.Ordinal) => "patients adherent (PDC ≥ 80 %) of those in the denominator",
                "referral-closure" => "referrals closed within the window",
                var k when k.StartsWith("job-timeliness:", StringComparison.Ordinal) => "jobs done on time of those due",
                "clean-claim-rate" => "claims clean at first submission",
                "initial-denial-rate" => "claims denied at first adjudication",
                _ => "",
            };
            return $"{Count((int)num)} of {Count((int)den)} {what}{median}".TrimEnd();
        }
        if (card.MeasureKey.StartsWith("commitment:", StringComparison.Ordinal))
            return string.Join(", ", card.Components.Where(c => c.Contribution is not null).Select(c => $"{c.Name} {Round(c.Contribution!.Value, 2).ToString("0.00", CultureInfo.InvariantCulture)}"));
        if (card.MeasureKey.StartsWith("cahps:", StringComparison.Ordinal))
        {
            string note = card.Components.Any(c => c.Name == "reported-only") ? "; clinical: reported only" : "";
            return $"top box, mean of {card.Components.Count(c => c.Weight is not null)} item(s){note}";
        }
        if (Get("linear-mean") is { } lm)
            return $"top box (9–10); linear mean {Value(lm, ScoreScale.Points0To100)}";
        return "";
    }

    private static double Round(double value, int digits) => Math.Round(value, digits, MidpointRounding.AwayFromZero);
}
