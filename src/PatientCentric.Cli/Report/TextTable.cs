using System.Text;

namespace PatientCentric.Cli.Report;

/// <summary>A plain-text table with padded columns; the last column is left free so long explanations are not truncated.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells) => _rows.Add(cells);

    public void Write(TextWriter output, string indent = "  ")
    {
        int columns = headers.Length;
        var widths = new int[columns];
        foreach (var row in _rows.Prepend(headers))
        {
            for (int i = 0; i < columns - 1; i++)
                widths[i] = Math.Max(widths[i], row[i].Length);
        }
        foreach (var row in _rows.Prepend(headers))
        {
            var line = new StringBuilder(indent);
            for (int i = 0; i < columns; i++)
            {
                line.Append(i < columns - 1 ? row[i].PadRight(widths[i] + 2) : row[i]);
            }
            output.WriteLine(line.ToString().TrimEnd());
        }
    }
}
