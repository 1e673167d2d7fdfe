using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace PatientCentric.Cli.Tests.Browser;

/// <summary>A headless Chromium driven over the Chrome DevTools Protocol (a WebSocket and JSON, nothing to download): the
/// browser test needs a page, a few scripts, console errors, requests and a screenshot, not a browser-automation package
/// whose restore brings Node.js builds for five platforms (786 MB).</summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    /// <summary>The environment variable that names a Chromium or Chrome binary to use before the usual places.</summary>
    public const string PathVariable = "PATIENTCENTRIC_CHROMIUM";

    /// <summary>The line that installs the browser on Debian and Ubuntu.</summary>
    public const string InstallLine = "apt-get update && apt-get install -y chromium";

    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    // As the machine's own probe starts it: no sandbox (root), and nothing that reaches out to the network by itself.
    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--remote-debugging-port=0",
    ];

    private readonly Process _process;
    private readonly string _profileDir;
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _receiving = Task.CompletedTask;
    private int _nextId;

    private HeadlessChromium(Process process, string profileDir)
    {
        _process = process;
        _profileDir = profileDir;
    }

    /// <summary>Raised for every protocol event: method, session id (null for the browser) and parameters.</summary>
    public event Action<string, string?, JsonElement>? EventReceived;

    /// <summary>Where a Chromium is looked for, in order: <see cref="PathVariable"/>, Debian's and other distributions'
    /// packages, then the browsers a Playwright install downloaded (PLAYWRIGHT_BROWSERS_PATH or ~/.cache/ms-playwright).</summary>
    public static IEnumerable<string> Candidates()
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured)
            yield return configured;
        yield return "/usr/bin/chromium";
        yield return "/usr/bin/chromium-browser";
        yield return "/usr/bin/google-chrome";
        string playwright = Environment.GetEnvironmentVariable("PLAYWRIGHT_BROWSERS_PATH") is { Length: > 0 } p && p != "0"
            ? p
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "ms-playwright");
        if (!Directory.Exists(playwright))
            yield break;
        foreach (string dir in Directory.EnumerateDirectories(playwright, "chromium*").Order(StringComparer.Ordinal).Reverse())
        {
            foreach (string sub in new[] { "chrome-linux64", "chrome-linux" })
            {
                yield return Path.Combine(dir, sub, "chrome");
                yield return Path.Combine(dir, sub, "headless_shell");
            }
            yield return Path.Combine(dir, "chrome-headless-shell-linux64", "chrome-headless-shell");
        }
    }

    /// <summary>The first candidate that exists, or <see langword="null"/>.</summary>
    public static string? Locate() => Candidates().FirstOrDefault(File.Exists);

    public static async Task<HeadlessChromium> LaunchAsync(string executable)
    {
        string profile = Directory.CreateTempSubdirectory("pc-chromium-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string flag in Flags)
            start.ArgumentList.Add(flag);
        start.ArgumentList.Add($"--user-data-dir={profile}");
        start.ArgumentList.Add("about:blank");

        var endpoint = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                lock (log) endpoint.TrySetException(new InvalidOperationException($"{executable} closed before it listened:\n{log}"));
                return;
            }
            lock (log) log.AppendLine(e.Data);
            const string Marker = "DevTools listening on ";
            int at = e.Data.IndexOf(Marker, StringComparison.Ordinal);
            if (at >= 0)
                endpoint.TrySetResult(e.Data[(at + Marker.Length)..].Trim());
        };
        process.OutputDataReceived += (_, _) => { };
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        var browser = new HeadlessChromium(process, profile);
        try
        {
            string url = await endpoint.Task.WaitAsync(Timeout);
            await browser._socket.ConnectAsync(new Uri(url), CancellationToken.None).WaitAsync(Timeout);
            browser._receiving = Task.Run(browser.ReceiveAsync);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends one command and returns its result; a protocol error becomes an exception naming the method.</summary>
    public async Task<JsonElement> SendAsync(string method, object? parameters = null, string? sessionId = null)
    {
        int id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = new Dictionary<string, object?> { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new { } };
        if (sessionId is not null)
            message["sessionId"] = sessionId;
        byte[] bytes = JsonSerializer.SerializeToUtf8Bytes(message);
        await _sendLock.WaitAsync();
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, _stop.Token);
        }
        finally
        {
            _sendLock.Release();
        }
        try
        {
            return await reply.Task.WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{method}: no answer from Chromium within {Timeout.TotalSeconds} s.");
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open && !_stop.IsCancellationRequested)
            {
                var received = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                    break;
                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                    continue;
                Dispatch(message.ToArray());
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Closing: the pending commands fail below.
        }
        foreach (var pending in _pending.Values)
            pending.TrySetException(new InvalidOperationException("The connection to Chromium closed."));
    }

    private void Dispatch(byte[] json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (root.TryGetProperty("id", out var idElement))
        {
            if (!_pending.TryRemove(idElement.GetInt32(), out var reply))
                return;
            if (root.TryGetProperty("error", out var error))
                reply.TrySetException(new InvalidOperationException($"Chromium refused a command: {error.GetRawText()}"));
            else
                reply.TrySetResult(root.TryGetProperty("result", out var result) ? result.Clone() : default);
            return;
        }
        if (root.TryGetProperty("method", out var method))
        {
            string? session = root.TryGetProperty("sessionId", out var s) ? s.GetString() : null;
            var parameters = root.TryGetProperty("params", out var p) ? p.Clone() : default;
            EventReceived?.Invoke(method.GetString()!, session, parameters);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
                await SendAsync("Browser.close").WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or WebSocketException)
        {
            // Killed below.
        }
        await _stop.CancelAsync();
        try
        {
            await _receiving.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            // The process is killed below, which ends the connection.
        }
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _socket.Dispose();
        _stop.Dispose();
        _sendLock.Dispose();
        try
        {
            Directory.Delete(_profileDir, recursive: true);
        }
        catch (IOException)
        {
            // A file Chromium still held; the temporary folder goes with the machine's cleanup.
        }
    }
}
