using PatientCentric.Cli.Report;
using PatientCentric.Fhir;
using PatientCentric.Scoring;

namespace PatientCentric.Cli;

/// <summary>The coded survey rows behind the loyalty drivers of a partitioned run, on disk: each partition's rows go to a
/// file next to its patients' outputs (in canonical order), and the merged partial is finished with those files, which
/// the loyalty drivers read back merged into the canonical order one line of each file at a time, so they see the rows of
/// one pass in its order and give the same numbers bit for bit, while the merged partials never hold one row per survey
/// return (docs/scale.md#per-patient-outputs-on-disk).</summary>
internal sealed class SurveyRowSpill
{
    private readonly string[] _files;

    /// <summary>Initializes the spill of <paramref name="count"/> partitions into <paramref name="folder"/>.</summary>
    public SurveyRowSpill(string folder, int count) =>
        _files = [.. Enumerable.Range(0, count).Select(k => Path.Combine(folder, $"survey-rows-{k:D5}.ndjson"))];

    /// <summary>Gets the file of partition <paramref name="index"/>'s rows.</summary>
    public string FileOf(int index) => _files[index];

    /// <summary>Writes partition <paramref name="index"/>'s rows to its file and returns the partial without them.</summary>
    public EvaluationPartial Spill(int index, EvaluationPartial partial)
    {
        using (var file = ScratchFile.Create(_files[index]))
            partial.WriteSurveyRowsTo(file);
        return partial.WithoutSurveyRows();
    }

    /// <summary>Finishes the merged partial (whose partitions' rows were all spilled, in partition order) with the rows read
    /// back from the files. A file that cannot be opened or read back as written throws
    /// <see cref="PatientOutputsReadException"/>, as a damaged file of the patients' outputs does.</summary>
    public PracticeEvaluation Finish(PracticeEvaluator evaluator, EvaluationPartial merged, CancellationToken cancellationToken)
    {
        var streams = new List<Stream>(_files.Length);
        try
        {
            foreach (var file in _files)
                streams.Add(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan));
            return evaluator.Finish(merged, streams, cancellationToken);
        }
        catch (Exception e) when (IsRowDamage(e))
        {
            throw new PatientOutputsReadException(e);
        }
        finally
        {
            foreach (var s in streams)
                s.Dispose();
        }
    }

    // The evaluator that accumulated the partials finishes them, so a field error (PC0123) can only come from a file read
    // back; other data errors (such as PC0112, the primary-customer strategy) keep their own message.
    private static bool IsRowDamage(Exception e) =>
        e is Serialization.PatientCentricDataException data
            ? data.Errors.Any(x => x.Code == "PC0123")
            : PatientOutputs.IsDamage(e);
}

internal sealed partial class CliApp
{
    /// <summary>Gets a hook called with the partition folder once every partition is scored and spilled, before the merged
    /// partial is finished (tests damage a survey-rows file there).</summary>
    internal Action<string>? BeforeFinishingPartitions { get; init; }
}
