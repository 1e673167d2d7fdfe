using System.Collections.Immutable;

namespace PatientCentric.Cli.Eval;

/// <summary>Every measure the <c>eval</c> command answers, by id. Later measures are added here and documented in docs/cli-json.md.</summary>
internal static class EvalMeasures
{
    public static ImmutableArray<IEvalMeasure> All { get; } =
        [new NpsMeasure(), new CahpsMeasure(), new PdcMeasure(), new CmaMeasure(), new ReferralClosureMeasure(), new JobTimelinessMeasure(),
         new RelativeWeightsMeasure(), new DominanceMeasure(), new IpaMeasure(), new ParetoMeasure()];

    public static IEvalMeasure? Find(string id) => All.FirstOrDefault(m => m.Id == id);
}
