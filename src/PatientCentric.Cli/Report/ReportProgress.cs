using System.Globalization;
using PatientCentric.Fhir;

namespace PatientCentric.Cli.Report;

/// <summary>The phases of a <c>report</c> run, in order.</summary>
internal enum ReportPhase
{
    /// <summary>Reading the input (the bundled sample, a JSON data set or FHIR).</summary>
    Read,

    /// <summary>Scoring the data set.</summary>
    Score,

    /// <summary>Writing an output: <see cref="ReportProgress.Output"/> names it, <see cref="ReportProgress.Bytes"/> counts what
    /// is written so far.</summary>
    Write,
}

/// <summary>Where a <c>report</c> run is: reported at the start of each phase and as each output grows.</summary>
/// <param name="Phase">The phase.</param>
/// <param name="Output">While writing: the output's name (<c>results.json</c>, or <c>standard output</c>).</param>
/// <param name="Bytes">While writing: the bytes of <paramref name="Output"/> written so far.</param>
internal readonly record struct ReportProgress(ReportPhase Phase, string? Output = null, long Bytes = 0);

/// <summary>One rewritten line on standard error with the run's phase: files and resources while reading FHIR, then
/// scoring, then each output with its size so far. Only used when a person watches standard error (never in tests or
/// pipes); reports arrive one at a time (the outputs, written concurrently, report through a lock).</summary>
internal sealed class ConsoleReportProgress(TextWriter stderr) : IProgress<ReportProgress>, IProgress<FhirReadProgress>
{
    private const long WriteStepBytes = 1 << 20;   // redraw once the outputs have grown by a MiB
    private readonly List<(string Output, long Bytes)> _outputs = [];   // in the order they started
    private bool _shown;
    private long _drawnBytes;

    public void Report(ReportProgress value)
    {
        switch (value.Phase)
        {
            case ReportPhase.Read:
                Draw("Reading the input…");
                break;
            case ReportPhase.Score:
                Draw("Scoring…");
                break;
            default:
                // The outputs are written concurrently: one line shows each with its size so far.
                if (value.Output is null)
                {
                    _outputs.Clear();
                    _drawnBytes = 0;
                    Draw("Writing the outputs…");
                    return;
                }
                int i = _outputs.FindIndex(o => o.Output == value.Output);
                if (i < 0)
                    _outputs.Add((value.Output, value.Bytes));
                else
                    _outputs[i] = (value.Output, value.Bytes);
                long total = _outputs.Sum(o => o.Bytes);
                if (i >= 0 && total - _drawnBytes < WriteStepBytes)
                    return;
                _drawnBytes = total;
                Draw("Writing " + string.Join(", ", _outputs.Select(o =>
                    string.Create(CultureInfo.InvariantCulture, $"{o.Output} {o.Bytes / (double)(1 << 20):0.0} MiB"))));
                break;
        }
    }

    public void Report(FhirReadProgress value) => Draw(string.Create(CultureInfo.InvariantCulture,
        $"Reading FHIR: {value.FilesDone:N0} of {value.FilesTotal:N0} files, {value.ResourcesRead:N0} resources"));

    private void Draw(string text)
    {
        _shown = true;
        stderr.Write("\r\u001b[K" + text);
    }

    /// <summary>Clears the progress line (before a summary, a message or the end).</summary>
    public void Done()
    {
        if (_shown) stderr.Write("\r\u001b[K");
        _shown = false;
    }
}
