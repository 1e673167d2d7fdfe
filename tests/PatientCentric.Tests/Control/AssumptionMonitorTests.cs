using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using PatientCentric.Control;
using PatientCentric.Customers;
using PatientCentric.Scoring;

namespace PatientCentric.Tests.Control;

public sealed class AssumptionMonitorTests
{
    private static readonly DateOnly On = new(2025, 1, 15);

    // Two stakeholders, one criterion on [0, 1] plus a tie-breaker: A wins on share 0.40 vs 0.20 (weights 0.5/0.5,
    // both 0.5 on the second criterion): S_A = 0.45, S_B = 0.35; break-even of A's share = 0.40 − 0.10/0.5 = 0.20.
    private static PrimaryCustomerDecision Decide()
    {
        var assessments = new StakeholderAssessments(
            [new Stakeholder("a", StakeholderKind.Patient, "A"), new Stakeholder("b", StakeholderKind.Payer, "B")],
            [new Criterion("share", 0.5, CriterionDirection.Benefit, 0, 1), new Criterion("fit", 0.5, CriterionDirection.Benefit, 0, 1)],
            [new("a", "share", 0.40, "report", On), new("a", "fit", 0.5, "workshop", On), new("b", "share", 0.20, "report", On), new("b", "fit", 0.5, "workshop", On)]);
        using var provider = new ServiceCollection().AddPatientCentric().BuildServiceProvider();
        return provider.GetRequiredService<StrategyRegistry>().GetPrimaryCustomerStrategy("weighted-sum").Decide(assessments, TestData.Context());
    }

    private static KpiSeries Series(params double[] values) =>
        new("a-share", "A's share", [.. values.Select((v, i) => new KpiPoint($"2025-{i + 1:00}", v))]);

    private static readonly ImmutableArray<AssumptionBinding> Binding = [new("a", "share", "a-share")];

    [Fact]
    public void Decision_HasTheExpectedBreakEven() =>
        Assert.Equal(0.20, Decide().BreakEvens.Single(b => b.CriterionKey == "share").Threshold!.Value, precision: 12);

    [Fact]
    public void AShiftTowardsTheBreakEven_RaisesRevisit_SinceTheShiftBegan()
    {
        var (charts, alerts) = AssumptionMonitor.Check(Decide(), Binding,
            [Series(0.41, 0.40, 0.42, 0.41, 0.40, 0.36, 0.35, 0.36, 0.35, 0.36, 0.35, 0.36)]);
        var alert = Assert.Single(alerts);
        Assert.Equal((AssumptionAlertRule.SignalTowardsBreakEven, "2025-06"), (alert.Rule, alert.SincePeriod));
        Assert.Equal(0.36 - 0.20, alert.Margin, precision: 12);
        Assert.StartsWith("Revisit the primary-customer decision (weighted-sum, a): the assumption \"a · share\" has not held since 2025-06", alert.Message, StringComparison.Ordinal);
        Assert.Equal(VariationIcon.SpecialCauseConcern, Assert.Single(charts).Variation);
    }

    [Fact]
    public void LimitsWhollyBeyondTheBreakEven_RaiseRevisit()
    {
        var (_, alerts) = AssumptionMonitor.Check(Decide(), Binding, [Series(0.15, 0.16, 0.15, 0.14, 0.15, 0.16, 0.15, 0.14, 0.15, 0.16, 0.15, 0.15)]);
        Assert.Equal(AssumptionAlertRule.LimitsBeyondBreakEven, Assert.Single(alerts).Rule);
    }

    [Fact]
    public void CommonCauseVariation_RaisesNothing()
    {
        var (charts, alerts) = AssumptionMonitor.Check(Decide(), Binding, [Series(0.41, 0.39, 0.42, 0.40, 0.38, 0.41, 0.39, 0.42, 0.40, 0.41, 0.39, 0.40)]);
        Assert.Empty(alerts);
        Assert.Equal(AssuranceIcon.ConsistentPass, Assert.Single(charts).Assurance);
    }

    [Fact]
    public void RivalsAssumptions_AreChartedButRaiseNothing()
    {
        var (charts, alerts) = AssumptionMonitor.Check(Decide(), [new AssumptionBinding("b", "share", "a-share")],
            [Series(0.41, 0.40, 0.42, 0.41, 0.40, 0.36, 0.35, 0.36, 0.35, 0.36, 0.35, 0.36)]);
        Assert.Empty(alerts);
        Assert.Null(Assert.Single(charts).BreakEven);
    }
}
