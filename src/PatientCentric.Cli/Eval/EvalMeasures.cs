using System.Collections.Immutable;

namespace PatientCentric.Cli.Eval;

/// <summary>Every measure the <c>eval</c> command answers, by id, grouped by family. Each is documented in docs/cli-json.md.</summary>
internal static class EvalMeasures
{
    public static ImmutableArray<IEvalMeasure> All { get; } =
    [
        // Surveys
        new NpsMeasure(), new CahpsMeasure(),
        // Patient jobs
        new PdcMeasure(), new CmaMeasure(), new ReferralClosureMeasure(), new JobTimelinessMeasure(),
        // Touchpoints
        new TouchpointsMeasure(), new LeadTimeMeasure(), new TnaaMeasure(), new CycleTimeMeasure(), new PortalResponseMeasure(),
        new CleanClaimRateMeasure(), new CommitmentsMeasure(), new ReviewThemesMeasure(),
        // Control (SPC)
        new XmrMeasure(), new SpcMeasure(), new FunnelMeasure(), new RunsMeasure(), new RunsLimitsMeasure(),
        // Learning what the customer values, allocation, trade-offs
        new RelativeWeightsMeasure(), new DominanceMeasure(), new IpaMeasure(), new ParetoMeasure(),
        // Primary customer
        new AhpMeasure(), new AhpHierarchyMeasure(), new TopsisMeasure(), new SalienceMeasure(), new PrimaryCustomerMeasure(),
    ];

    public static IEvalMeasure? Find(string id) => All.FirstOrDefault(m => m.Id == id);
}
