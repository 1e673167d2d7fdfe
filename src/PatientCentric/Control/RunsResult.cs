namespace PatientCentric.Control;

/// <summary>The Anhøj runs analysis of one series (docs/spc.md).</summary>
/// <param name="Observations">How many values the series has.</param>
/// <param name="UsefulObservations">n: the values not exactly on the centre line (those are dropped).</param>
/// <param name="Centre">The centre line the values were compared with, in the unit of the values.</param>
/// <param name="LongestRun">The longest sequence of consecutive useful values on one side of the centre line; 0 with no useful value.</param>
/// <param name="LongestRunMax">The run limit <c>round(log₂ n + 3)</c>; <see langword="null"/> when n is below 10 (insufficient data).</param>
/// <param name="Crossings">The number of runs minus one; 0 with no useful value.</param>
/// <param name="CrossingsMin">The crossing limit <c>qbinom(0.05, n − 1, 0.5)</c>; <see langword="null"/> when n is below 10.</param>
/// <param name="Signal">Whether <c>LongestRun &gt; LongestRunMax</c> or <c>Crossings &lt; CrossingsMin</c> (non-random variation);
/// <see langword="null"/> when n is below 10.</param>
public readonly record struct RunsResult(int Observations, int UsefulObservations, double Centre, int LongestRun, int? LongestRunMax,
                                         int Crossings, int? CrossingsMin, bool? Signal)
{
    /// <summary>Gets whether there are too few useful observations (fewer than 10) for the limits.</summary>
    public bool InsufficientData => UsefulObservations < RunsAnalysis.MinimumUsefulObservations;
}
