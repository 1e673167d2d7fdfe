using System.Globalization;
using System.Text;

namespace PatientCentric.Cli.Eval;

/// <summary>An eval request breaks the contract: the JSON path and what is wrong, printed as one line on stderr with exit code 2.
/// Control characters that a request's own text may bring into the message (a line break in an unknown name) are
/// written as <c>\uXXXX</c>, so the message is always one line.</summary>
internal sealed class EvalInputException(string path, string problem) : Exception($"{OneLine(path)}: {OneLine(problem)}")
{
    public string Path { get; } = path;

    public string Problem { get; } = problem;

    private static string OneLine(string text)
    {
        if (!text.Any(char.IsControl))
            return text;
        var s = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            if (char.IsControl(c))
                s.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            else
                s.Append(c);
        }
        return s.ToString();
    }
}
