using System.Globalization;

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

    public static Result Eval(string request) => RunWithInput(request, "eval");
}
