using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace PatientCentric.Cli.Report;

/// <summary>The files one <c>report --out DIR</c> run writes: each goes to a temporary file in DIR and is renamed over
/// its final name only when every file is complete (<see cref="Commit"/>). A run that fails or is cancelled before
/// that deletes its temporary files on <see cref="Dispose"/>, so it leaves neither a half-written file nor a temporary
/// one, and the files of an earlier run stay as they were. <see cref="WriteAll"/> writes the files concurrently; progress
/// reports reach <paramref name="progress"/> one at a time, never from two threads at once.</summary>
internal sealed class ReportOutputs(string folder, IProgress<ReportProgress>? progress, CancellationToken cancellationToken) : IDisposable
{
    private readonly List<(string Temporary, string Final)> _pending = [];
    private readonly SerializedProgress? _progress = progress is null ? null : new SerializedProgress(progress);

    /// <summary>The final path of <paramref name="name"/> in the folder.</summary>
    public string PathOf(string name) => Path.Combine(folder, name);

    /// <summary>Creates the temporary file for <paramref name="name"/>; writes to it check the run's cancellation token
    /// and report progress. The caller disposes the stream.</summary>
    public Stream Create(string name) => Create(name, cancellationToken);

    /// <summary>Writes each of <paramref name="files"/> to its own temporary file (created here, in the order given),
    /// at most <see cref="Environment.ProcessorCount"/> at a time, each writer thread taking the next file in that order
    /// when it is done with one (so give the longest first): the writers run concurrently, so they must share nothing
    /// mutable. The first writer that fails stops the others (their writes are cancelled); once all have
    /// stopped, its exception is thrown as it was, and <see cref="Commit"/> must not be called. A writer need not
    /// dispose its stream. Reports the start of the <see cref="ReportPhase.Write"/> phase (no output named) first.</summary>
    public void WriteAll(IReadOnlyList<(string Name, Action<Stream> Write)> files)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _progress?.Report(new ReportProgress(ReportPhase.Write));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var streams = new Stream[files.Count];
        try
        {
            for (int i = 0; i < files.Count; i++)
                streams[i] = Create(files[i].Name, stop.Token);
            var failures = new ConcurrentQueue<ExceptionDispatchInfo>();
            int next = -1;
            int threads = Math.Min(Environment.ProcessorCount, files.Count);
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
            {
                for (int i; (i = Interlocked.Increment(ref next)) < files.Count;)
                {
                    try
                    {
                        stop.Token.ThrowIfCancellationRequested();
                        using (streams[i])
                            files[i].Write(streams[i]);
                    }
                    catch (Exception e)
                    {
                        failures.Enqueue(ExceptionDispatchInfo.Capture(e));
                        stop.Cancel();
                    }
                }
            });
            // The first failure that is not a cancellation caused the others; a cancellation alone is the run's.
            (failures.FirstOrDefault(f => f.SourceException is not OperationCanceledException) ?? failures.FirstOrDefault())?.Throw();
        }
        finally
        {
            foreach (var s in streams)
                s?.Dispose();
        }
    }

    private ReportOutputStream Create(string name, CancellationToken token)
    {
        string temporary = Path.Combine(folder, $".{name}.{Path.GetRandomFileName()}.partial");
        var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        _pending.Add((temporary, PathOf(name)));
        return new ReportOutputStream(file, name, _progress, token, ownsInner: true);
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

    // Forwards the reports of concurrent writers one at a time, so that the receiver needs no lock of its own.
    private sealed class SerializedProgress(IProgress<ReportProgress> inner) : IProgress<ReportProgress>
    {
        private readonly Lock _gate = new();

        public void Report(ReportProgress value)
        {
            lock (_gate)
                inner.Report(value);
        }
    }
}
