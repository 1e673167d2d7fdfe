namespace PatientCentric.Control;

/// <summary><c>RevisitPrimaryCustomerDecision</c>: an assumption behind the decision no longer holds. It informs people;
/// it never changes the decision (docs/assumption-monitors.md).</summary>
/// <param name="StakeholderKey">The stakeholder whose assessment is the assumption.</param>
/// <param name="CriterionKey">The criterion.</param>
/// <param name="SeriesKey">The KPI series that measures it.</param>
/// <param name="Rule">The rule that fired.</param>
/// <param name="BreakEven">The assumption's break-even threshold, in the series' unit.</param>
/// <param name="Latest">The latest value of the series.</param>
/// <param name="Margin">How far the latest value still is from the break-even, positive while on the safe side.</param>
/// <param name="SincePeriod">The first period of the signal that fired.</param>
/// <param name="Message">One sentence for people: decision, assumption, rule, break-even and margin.</param>
public sealed record AssumptionAlert(string StakeholderKey, string CriterionKey, string SeriesKey, AssumptionAlertRule Rule,
                                     double BreakEven, double Latest, double Margin, string SincePeriod, string Message);
