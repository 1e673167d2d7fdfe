using System.Runtime.InteropServices;

namespace PatientCentric.Cli;

/// <summary>Turns the first SIGINT (Ctrl-C) or SIGTERM into a cancellation of the run, so that it stops at the next check
/// and cleans up; a second signal while the run winds down gets the default action (the process ends).</summary>
internal sealed class SignalCancellation : IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = [];

    private SignalCancellation(CancellationTokenSource cancel)
    {
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            try
            {
                _registrations.Add(PosixSignalRegistration.Create(signal, context =>
                {
                    if (cancel.IsCancellationRequested)
                        return;
                    context.Cancel = true;
                    cancel.Cancel();
                }));
            }
            catch (PlatformNotSupportedException)
            {
                // A platform without this signal: its default action stays.
            }
        }
    }

    /// <summary>Cancels <paramref name="cancel"/> on the first SIGINT or SIGTERM until disposed.</summary>
    public static SignalCancellation Register(CancellationTokenSource cancel) => new(cancel);

    public void Dispose()
    {
        foreach (var registration in _registrations)
            registration.Dispose();
    }
}
