using System.Text.Json;

namespace PatientCentric.Cli.Eval;

/// <summary>Readers shared by the SPC measures (<c>xmr</c>, <c>runs</c>): series of finite numbers and optional numbers.</summary>
internal static class SpcValues
{
    /// <summary>Reads a JSON number that fits a finite <see cref="double"/>; JSON has no NaN or infinity, and numbers beyond
    /// ±1.8e308 (such as <c>1e999</c>) are refused rather than read as infinity.</summary>
    public static double FiniteNumber(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Number)
            throw new EvalInputException(path, $"expected a number, got {RequestObject.Describe(e)}.");
        return e.TryGetDouble(out double v) && double.IsFinite(v)
            ? v
            : throw new EvalInputException(path, $"{e.GetRawText()} is not a finite number this tool can read.");
    }

    public static double[] Series(RequestObject request, string name)
    {
        var array = request.RequiredArray(name);
        string path = RequestObject.Child(request.Path, name);
        var values = new double[array.GetArrayLength()];
        int i = 0;
        foreach (var e in array.EnumerateArray())
        {
            values[i] = FiniteNumber(e, $"{path}[{i}]");
            i++;
        }
        return values;
    }
}
