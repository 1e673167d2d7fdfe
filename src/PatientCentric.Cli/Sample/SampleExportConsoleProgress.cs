using System.Globalization;

namespace PatientCentric.Cli.Sample;

/// <summary>One rewritten line on standard error while <c>sample --fhir-out</c> runs: patients generated, then each sorted
/// file with its resources written so far. Only used when a person watches standard error (never in tests or pipes).</summary>
internal sealed class SampleExportConsoleProgress(TextWriter stderr) : IProgress<SampleExportProgress>
{
    private bool _shown;

    public void Report(SampleExportProgress value)
    {
        _shown = true;
        string text = value.File is null
            ? string.Create(CultureInfo.InvariantCulture, $"Generating: {value.PatientsDone:N0} of {value.PatientsTotal:N0} patients")
            : string.Create(CultureInfo.InvariantCulture, $"Writing {value.File}: {value.Resources:N0} resources");
        stderr.Write("\r\u001b[K" + text);
    }

    /// <summary>Clears the progress line (before a summary, a message or the end).</summary>
    public void Done()
    {
        if (_shown) stderr.Write("\r\u001b[K");
        _shown = false;
    }
}
