using System.Collections.Immutable;
using System.Globalization;
using PatientCentric.Customers;

namespace PatientCentric.Control;

/// <summary>Watches the assumptions behind a primary-customer decision with XmR charts and raises
/// <c>RevisitPrimaryCustomerDecision</c> when one stops holding (docs/assumption-monitors.md; interactive control, Simons 2014).</summary>
/// <remarks>Each binding's series is charted with the improvement direction pointing away from the assumption's
/// break-even threshold (the value at which the runner-up would tie the winner, from the decision's break-evens). On the
/// latest point an alert fires when (a) it is a special cause of concern (outside the limits or two of three close),
/// (b) the process limits lie wholly beyond the break-even, or (c) a trend or shift of concern includes it. Assumptions
/// without a break-even are charted but raise no alert. Series with fewer than two points are skipped.</remarks>
public static class AssumptionMonitor
{
    /// <summary>Charts and checks every bound assumption.</summary>
    /// <param name="decision">The decision whose assumptions are watched.</param>
    /// <param name="bindings">Assumption → series bindings.</param>
    /// <param name="series">The KPI series, by key.</param>
    /// <returns>The charts and the alerts.</returns>
    public static (ImmutableArray<AssumptionChart> Charts, ImmutableArray<AssumptionAlert> Alerts) Check(
        PrimaryCustomerDecision decision, IEnumerable<AssumptionBinding> bindings, IEnumerable<KpiSeries> series)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(bindings);
        ArgumentNullException.ThrowIfNull(series);
        var byKey = series.GroupBy(s => s.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var charts = ImmutableArray.CreateBuilder<AssumptionChart>();
        var alerts = ImmutableArray.CreateBuilder<AssumptionAlert>();
        foreach (var b in bindings)
        {
            if (!byKey.TryGetValue(b.SeriesKey, out var s) || s.Points.Length < 2)
                continue;
            double[] values = [.. s.Points.Select(p => p.Value)];
            double? breakEven = b.StakeholderKey == decision.WinnerKey
                ? decision.BreakEvens.FirstOrDefault(x => x.CriterionKey == b.CriterionKey && x.HasBreakEven)?.Threshold
                : null;
            double assessed = decision.Assumptions.FirstOrDefault(a => a.StakeholderKey == b.StakeholderKey && a.CriterionKey == b.CriterionKey)?.Value ?? values[^1];
            // Improvement points away from the break-even: if the break-even lies below the assessed value, falling weakens.
            var direction = breakEven is { } be ? (be < assessed ? ImprovementDirection.Increase : ImprovementDirection.Decrease) : ImprovementDirection.Neutral;
            var chart = XmrChart.Compute(values, new XmrOptions { ImprovementDirection = direction, Target = breakEven });
            var last = chart.Points[^1];
            var variation = XmrChart.Variation(last.PointType);
            var assurance = breakEven is null ? null : XmrChart.Assurance(chart.Limits, direction, breakEven);
            charts.Add(new AssumptionChart(b, chart, breakEven, variation, assurance));
            if (breakEven is not { } threshold)
                continue;

            var limits = chart.Limits;
            bool fallingWeakens = direction == ImprovementDirection.Increase;
            AssumptionAlertRule? rule = null;
            if (fallingWeakens ? limits.UpperProcessLimit < threshold : limits.LowerProcessLimit > threshold)
                rule = AssumptionAlertRule.LimitsBeyondBreakEven;
            else if (last.PointType == PointType.SpecialCauseConcern)
                rule = last.SpecialCause is SpecialCauseRule.Trend or SpecialCauseRule.Shift ? AssumptionAlertRule.SignalTowardsBreakEven : AssumptionAlertRule.SpecialCause;
            if (rule is not { } r)
                continue;
            int since = values.Length - 1;
            while (since > 0 && chart.Points[since - 1].PointType == PointType.SpecialCauseConcern)
                since--;
            string sincePeriod = r == AssumptionAlertRule.LimitsBeyondBreakEven ? s.Points[0].Period : s.Points[since].Period;
            double margin = fallingWeakens ? values[^1] - threshold : threshold - values[^1];
            string why = r switch
            {
                AssumptionAlertRule.LimitsBeyondBreakEven => "its process limits lie wholly beyond the break-even",
                AssumptionAlertRule.SignalTowardsBreakEven => $"a {last.SpecialCause.ToString().ToLowerInvariant()} moves it towards the break-even",
                _ => "its latest point is a special cause of concern",
            };
            string message = string.Create(CultureInfo.InvariantCulture,
                $"Revisit the primary-customer decision ({decision.StrategyKey}, {decision.WinnerKey}): the assumption \"{b.StakeholderKey} · {b.CriterionKey}\" has not held since {sincePeriod}: {why} (break-even {threshold:0.###}, latest {values[^1]:0.###}, margin {margin:0.###}).");
            alerts.Add(new AssumptionAlert(b.StakeholderKey, b.CriterionKey, b.SeriesKey, r, threshold, values[^1], margin, sincePeriod, message));
        }
        return (charts.ToImmutable(), alerts.ToImmutable());
    }
}
