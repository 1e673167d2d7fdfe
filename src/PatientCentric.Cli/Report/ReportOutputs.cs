namespace PatientCentric.Cli.Report;

/// <summary>The files one <c>report --out DIR</c> run writes: each goes to a temporary file in DIR and is renamed over
/// its final name only when every file is complete (<see cref="Commit"/>). A run that fails or is cancelled before
/// that deletes its temporary files on <see cref="Dispose"/>, so it leaves neither a half-written file nor a temporary
/// one, and the files of an earlier run stay as they were.</summary>
internal sealed class ReportOutputs(string folder, IProgress<ReportProgress>? progress, CancellationToken cancellationToken) : IDisposable
{
    private readonly List<(string Temporary, string Final)> _pending = [];

    /// <summary>The final path of <paramref name="name"/> in the folder.</summary>
    public string PathOf(string name) => Path.Combine(folder, name);

    /// <summary>Creates the temporary file for <paramref name="name"/>; writes to it check the run's cancellation token
    /// and report progress. The caller disposes the stream.</summary>
    public Stream Create(string name)
    {
        string temporary = Path.Combine(folder, $".{name}.{Path.GetRandomFileName()}.partial");
        var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        _pending.Add((temporary, PathOf(name)));
        return new ReportOutputStream(file, name, progress, cancellationToken, ownsInner: true);
    }

    /// <summary>Renames every temporary file over its final name (replacing a file of an earlier run), then deletes
    /// <paramref name="stale"/> files an earlier run left that this run does not write. Cancellation is checked once,
    /// before the first rename: the renames themselves are not interrupted.</summary>
    public void Commit(IEnumerable<string> stale)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var (temporary, final) in _pending)
            File.Move(temporary, final, overwrite: true);
        _pending.Clear();
        foreach (var name in stale)
            File.Delete(PathOf(name));
    }

    /// <summary>Deletes the temporary files not committed.</summary>
    public void Dispose()
    {
        foreach (var (temporary, _) in _pending)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Nothing better to do: the run already reports its failure or cancellation.
            }
        }
        _pending.Clear();
    }
}
