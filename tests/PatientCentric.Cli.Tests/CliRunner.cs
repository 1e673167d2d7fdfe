using System.Globalization;
using System.Text.Json;

namespace PatientCentric.Cli.Tests;

/// <summary>Runs the CLI in-process with captured streams.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result RunWithInput(string stdin, params string[] args)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        int code = new CliApp(new StringReader(stdin), output, error).Run(args);
        return new Result(code, output.ToString(), error.ToString());
    }

    public static Result Run(params string[] args) => RunWithInput("", args);

    /// <summary>Runs the CLI with standard input as bytes, as the real process reads it (eval checks them strictly).</summary>
    public static Result RunWithBytes(Stream stdin, params string[] args)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        int code = new CliApp(TextReader.Null, output, error) { StdinBytes = stdin }.Run(args);
        return new Result(code, output.ToString(), error.ToString());
    }

    public static Result Eval(string request) => RunWithInput(request, "eval");

    /// <summary>Runs an eval request that must succeed: exit 0, nothing on stderr; returns the result object.</summary>
    public static JsonElement EvalOk(string request)
    {
        var r = Eval(request);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("", r.Stderr);
        return JsonDocument.Parse(r.Stdout).RootElement.Clone();
    }

    /// <summary>Runs an eval request that must fail as bad input: exit 2, nothing on stdout, one line on stderr, no stack
    /// trace; returns the line without its "error: " prefix.</summary>
    public static string EvalBad(string request)
    {
        var r = Eval(request);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
        string line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        return line["error: ".Length..];
    }
}
