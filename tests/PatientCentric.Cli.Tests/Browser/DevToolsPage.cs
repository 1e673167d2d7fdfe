using System.Text.Json;

namespace PatientCentric.Cli.Tests.Browser;

/// <summary>One tab of a <see cref="HeadlessChromium"/>: navigation, script evaluation, full-page screenshots, and what the
/// page did (console errors, uncaught exceptions, error log entries, every request's URL).</summary>
internal sealed class DevToolsPage
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private readonly HeadlessChromium _browser;
    private readonly string _session;
    private readonly List<string> _errors = [];
    private readonly List<string> _requests = [];
    private TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DevToolsPage(HeadlessChromium browser, string session)
    {
        _browser = browser;
        _session = session;
    }

    /// <summary>Console errors, uncaught exceptions and error log entries, in order.</summary>
    public IReadOnlyList<string> Errors
    {
        get { lock (_errors) return [.. _errors]; }
    }

    /// <summary>The URL of every request the page made, in order.</summary>
    public IReadOnlyList<string> RequestUrls
    {
        get { lock (_requests) return [.. _requests]; }
    }

    public static async Task<DevToolsPage> OpenAsync(HeadlessChromium browser, int width, int height)
    {
        var target = await browser.SendAsync("Target.createTarget", new { url = "about:blank" });
        string targetId = target.GetProperty("targetId").GetString()!;
        var attached = await browser.SendAsync("Target.attachToTarget", new { targetId, flatten = true });
        var page = new DevToolsPage(browser, attached.GetProperty("sessionId").GetString()!);
        browser.EventReceived += page.OnEvent;
        foreach (string domain in new[] { "Page", "Runtime", "Network", "Log" })
            await page.SendAsync($"{domain}.enable");
        await page.SendAsync("Emulation.setDeviceMetricsOverride", new { width, height, deviceScaleFactor = 1, mobile = false });
        return page;
    }

    /// <summary>Navigates and waits for the load event.</summary>
    public async Task GotoAsync(Uri url)
    {
        _loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var navigated = await SendAsync("Page.navigate", new { url = url.AbsoluteUri });
        if (navigated.TryGetProperty("errorText", out var error) && error.GetString() is { Length: > 0 } text)
            throw new InvalidOperationException($"{url}: {text}");
        await _loaded.Task.WaitAsync(HeadlessChromium.Timeout);
    }

    /// <summary>Evaluates <paramref name="expression"/> in the page and returns its value, read as JSON.</summary>
    public async Task<T> EvaluateAsync<T>(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true });
        if (result.TryGetProperty("exceptionDetails", out var details))
            throw new InvalidOperationException($"The script failed: {details.GetRawText()}");
        return result.GetProperty("result").GetProperty("value").Deserialize<T>(Web)!;
    }

    /// <summary>Saves a PNG of the whole page, beyond the viewport.</summary>
    public async Task ScreenshotAsync(string path)
    {
        var metrics = await SendAsync("Page.getLayoutMetrics");
        var size = metrics.GetProperty("cssContentSize");
        var clip = new { x = 0, y = 0, width = size.GetProperty("width").GetDouble(), height = size.GetProperty("height").GetDouble(), scale = 1 };
        var shot = await SendAsync("Page.captureScreenshot", new { format = "png", captureBeyondViewport = true, clip });
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(shot.GetProperty("data").GetString()!));
    }

    private Task<JsonElement> SendAsync(string method, object? parameters = null) => _browser.SendAsync(method, parameters, _session);

    private void OnEvent(string method, string? session, JsonElement e)
    {
        if (session != _session)
            return;
        switch (method)
        {
            case "Page.loadEventFired":
                _loaded.TrySetResult();
                break;
            case "Network.requestWillBeSent":
                lock (_requests) _requests.Add(e.GetProperty("request").GetProperty("url").GetString()!);
                break;
            case "Runtime.consoleAPICalled" when e.GetProperty("type").GetString() == "error":
                string args = string.Join(" ", e.GetProperty("args").EnumerateArray().Select(a =>
                    a.TryGetProperty("value", out var v) ? v.ToString() : a.TryGetProperty("description", out var d) ? d.GetString() : a.GetRawText()));
                lock (_errors) _errors.Add($"console: {args}");
                break;
            case "Runtime.exceptionThrown":
                var details = e.GetProperty("exceptionDetails");
                string what = details.TryGetProperty("exception", out var ex) && ex.TryGetProperty("description", out var desc)
                    ? desc.GetString()! : details.GetProperty("text").GetString()!;
                lock (_errors) _errors.Add($"page error: {what}");
                break;
            case "Log.entryAdded" when e.GetProperty("entry").GetProperty("level").GetString() == "error":
                var entry = e.GetProperty("entry");
                lock (_errors) _errors.Add($"log: {entry.GetProperty("text").GetString()} {(entry.TryGetProperty("url", out var u) ? u.GetString() : "")}");
                break;
        }
    }
}
