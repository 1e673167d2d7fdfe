namespace PatientCentric.Cli.Eval;

/// <summary>An eval request breaks the contract: the JSON path and what is wrong, printed as one line on stderr with exit code 2.</summary>
internal sealed class EvalInputException(string path, string problem) : Exception($"{path}: {problem}")
{
    public string Path { get; } = path;

    public string Problem { get; } = problem;
}
