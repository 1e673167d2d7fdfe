using System.Globalization;
using PatientCentric.Control;
using PatientCentric.Peers;
using PatientCentric.Scoring;

namespace PatientCentric.Cli.Report;

/// <summary>Writes the console summary of <c>report --practices</c>: the practices read (and each one with nothing to score,
/// as a line), then per practice its headline measures with percentile rank, peer median and interquartile range
/// (docs/peers.md), and the purpose of the comparison.</summary>
internal static class PeerConsoleReport
{
    /// <summary>How percentile ranks and the IQR are defined, in one sentence for people.</summary>
    public const string Definitions =
        "Percentile rank: (practices with a lower value + half of those with the same value, itself included) ÷ practices with a value × 100, in value order whatever the direction. " +
        "Peer median and IQR (first to third quartile, Hyndman–Fan type 7) are of the other practices' values. A measure with fewer than 5 peers with a value is not ranked.";

    public static void Write(TextWriter o, IReadOnlyList<(string Folder, PracticeEvaluation? Evaluation, PracticeInputKind Kind, string? NotScored)> practices,
                             PeerComparisonResult comparison, string root, DateTimeOffset asOf)
    {
        int scored = practices.Count(p => p.Evaluation is not null);
        var profile = practices.First(p => p.Evaluation is not null).Evaluation!.Profile;
        o.WriteLine($"PatientCentric peer comparison — {practices.Count} practice folder(s) in {root}");
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Evaluated {asOf.ToUniversalTime():yyyy-MM-dd HH:mm} UTC · profile {profile.Key} · {scored} scored, {practices.Count - scored} with nothing to score"));
        o.WriteLine($"Purpose: {PeerComparison.Purpose}");
        o.WriteLine();
        o.WriteLine("Practices:");
        var table = new TextTable("Folder", "Practice", "Input", "Period");
        foreach (var p in practices.Where(p => p.Evaluation is not null))
            table.Add(p.Folder, p.Evaluation!.PracticeName, p.Kind == PracticeInputKind.Fhir ? "FHIR" : "JSON data set", p.Evaluation.Period.ToString());
        table.Write(o);
        foreach (var p in practices.Where(p => p.NotScored is not null))
            o.WriteLine($"  {p.NotScored}");

        foreach (var practice in comparison.Practices)
        {
            o.WriteLine();
            var evaluation = practices.First(p => p.Folder == practice.Name).Evaluation!;
            o.WriteLine($"{practice.Name} — {evaluation.PracticeName}");
            var t = new TextTable("Measure", "Value", "Percentile rank", "Peer median", "Peer IQR", "Peers", "Compared with the peers");
            foreach (var m in practice.Measures)
                t.Add(m.MeasureKey, PeerText.Value(m.Value, m.Scale, m.Status == PeerComparisonStatus.NotScored ? "—" : ""), PeerText.Rank(m),
                      PeerText.Value(m.PeerMedian, m.Scale, "—"), PeerText.Iqr(m), m.PeerCount.ToString(CultureInfo.InvariantCulture), PeerText.Comparison(m));
            t.Write(o);
        }
        o.WriteLine();
        o.WriteLine(Definitions);
        o.WriteLine($"Note: {ConsoleReport.DimensionsNote}");
        o.WriteLine("Each practice's full report: report --input FILE (or --fhir DIR) on its folder, or --out DIR for all of them at once.");
    }
}

/// <summary>The words and numbers of a peer comparison, shared by the console and the HTML page.</summary>
internal static class PeerText
{
    public static string Value(double? value, ScoreScale? scale, string missing) =>
        value is not { } v ? missing : scale is { } s ? CardText.Value(v, s) : v.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Rank(PeerMeasureComparison m) => m.PercentileRank is { } r
        ? Math.Round(r, 0, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture)
        : "—";

    public static string Iqr(PeerMeasureComparison m) => m.PeerQ1 is { } q1 && m.PeerQ3 is { } q3
        ? $"{Value(q1, m.Scale, "")} to {Value(q3, m.Scale, "")}"
        : "—";

    public static string Direction(ImprovementDirection? d) => d switch
    {
        ImprovementDirection.Increase => "higher is better",
        ImprovementDirection.Decrease => "lower is better",
        ImprovementDirection.Neutral => "neither direction is better",
        _ => "no better direction defined",
    };

    /// <summary>Where the practice stands against the peer median, with "better" or "worse" only when the measure has a
    /// better direction; or why it is not ranked.</summary>
    public static string Comparison(PeerMeasureComparison m)
    {
        switch (m.Status)
        {
            case PeerComparisonStatus.TooFewPeers:
                return $"fewer than {PeerComparison.MinimumPeers} peers with a value: not ranked";
            case PeerComparisonStatus.NotScored:
                return m.PeerMedian is null ? "no value for this practice: not ranked" : "no value for this practice: not ranked (the peers' figures are shown)";
        }
        double value = m.Value!.Value, median = m.PeerMedian!.Value;
        int side = Math.Abs(value - median) <= 1e-9 * Math.Max(1.0, Math.Max(Math.Abs(value), Math.Abs(median))) ? 0 : value > median ? 1 : -1;
        if (side == 0)
            return $"at the peer median ({Direction(m.Direction)})";
        return m.Direction switch
        {
            ImprovementDirection.Increase => side > 0 ? "better than the peer median (higher is better)" : "worse than the peer median (higher is better)",
            ImprovementDirection.Decrease => side < 0 ? "better than the peer median (lower is better)" : "worse than the peer median (lower is better)",
            _ => side > 0 ? $"above the peer median ({Direction(m.Direction)})" : $"below the peer median ({Direction(m.Direction)})",
        };
    }
}
