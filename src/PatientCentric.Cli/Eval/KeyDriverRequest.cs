using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using PatientCentric.Value;

namespace PatientCentric.Cli.Eval;

/// <summary>Reads the two input forms shared by <c>relative-weights</c> and <c>dominance</c> (docs/cli-json.md):
/// raw <c>rows</c> (listwise deletion of rows missing the outcome or a predictor, counted) or <c>variables</c> with a
/// <c>correlationMatrix</c>. Every problem names its JSON path.</summary>
internal static class KeyDriverRequest
{
    public static KeyDriverInput Read(RequestObject request)
    {
        string outcome = RequestValues.NonEmptyString(request.Required("outcome"), RequestObject.Child(request.Path, "outcome"));
        var predictorsElement = request.Optional("predictors");
        var rowsElement = request.Optional("rows");
        var variablesElement = request.Optional("variables");
        var matrixElement = request.Optional("correlationMatrix");
        string predictorsPath = RequestObject.Child(request.Path, "predictors");
        if (rowsElement is { } rows)
        {
            if (variablesElement is not null || matrixElement is not null)
                throw new EvalInputException(RequestObject.Child(request.Path, variablesElement is not null ? "variables" : "correlationMatrix"),
                                             "give either rows, or variables with correlationMatrix, not both.");
            var predictors = Names(predictorsElement ?? throw new EvalInputException(predictorsPath, "required field is missing."), predictorsPath);
            CheckPredictors(predictors, outcome, predictorsPath, known: null);
            return FromRows(rows, RequestObject.Child(request.Path, "rows"), outcome, predictors, predictorsPath);
        }
        if (matrixElement is null && variablesElement is null)
            throw new EvalInputException(RequestObject.Child(request.Path, "rows"), "required field is missing (or give variables with correlationMatrix).");
        string variablesPath = RequestObject.Child(request.Path, "variables");
        string matrixPath = RequestObject.Child(request.Path, "correlationMatrix");
        var variables = Names(variablesElement ?? throw new EvalInputException(variablesPath, "required with correlationMatrix."), variablesPath);
        if (!variables.Contains(outcome, StringComparer.Ordinal))
            throw new EvalInputException(RequestObject.Child(request.Path, "outcome"), $"\"{outcome}\" is not one of the variables.");
        var chosen = predictorsElement is { } pe ? Names(pe, predictorsPath) : [.. variables.Where(v => v != outcome)];
        CheckPredictors(chosen, outcome, predictorsPath, variables);
        var values = Matrix(matrixElement ?? throw new EvalInputException(matrixPath, "required with variables."), matrixPath, variables.Length);
        return Guard(() => KeyDriverAnalysis.FromCorrelations(new CorrelationMatrix(variables, values), outcome, chosen),
                     message => message.Contains("collinear", StringComparison.Ordinal) ? predictorsPath : matrixPath);
    }

    /// <summary>Writes the extra fields both measures share: <c>excludedRows</c> (rows form) and <c>droppedPredictors</c>.</summary>
    public static void WriteNotes(Utf8JsonWriter w, KeyDriverInput input)
    {
        if (input.RespondentCount is not null)
            w.WriteNumber("excludedRows", input.DeletedRowCount);
        else
            w.WriteNull("excludedRows");
        w.WriteStartArray("droppedPredictors");
        foreach (string d in input.DroppedPredictors)
            w.WriteStringValue(d);
        w.WriteEndArray();
    }

    /// <summary>Runs a library call, turning its <see cref="ArgumentException"/> into an error at the path chosen from its message.</summary>
    public static T Guard<T>(Func<T> call, Func<string, string> path)
    {
        try
        {
            return call();
        }
        catch (ArgumentException e)
        {
            string message = e.ParamName is { } p ? e.Message.Replace($" (Parameter '{p}')", "", StringComparison.Ordinal) : e.Message;
            message = char.ToLowerInvariant(message[0]) + message[1..];
            throw new EvalInputException(path(message), message);
        }
    }

    private static KeyDriverInput FromRows(JsonElement rows, string path, string outcome, ImmutableArray<string> predictors, string predictorsPath)
    {
        if (rows.ValueKind != JsonValueKind.Array)
            throw new EvalInputException(path, $"expected an array, got {RequestObject.Describe(rows)}.");
        ImmutableArray<string> columns = [outcome, .. predictors];
        var accumulator = new CorrelationAccumulator(columns.Length);
        var table = new List<double[]>();
        int i = 0;
        foreach (var element in rows.EnumerateArray())
        {
            string rowPath = $"{path}[{i++}]";
            if (element.ValueKind != JsonValueKind.Object)
                throw new EvalInputException(rowPath, $"expected an object, got {RequestObject.Describe(element)}.");
            var row = new double[columns.Length];
            for (int c = 0; c < columns.Length; c++)
            {
                // Other fields of a row are ignored; an absent or null value is missing and deletes the row listwise.
                row[c] = element.TryGetProperty(columns[c], out var v) && v.ValueKind != JsonValueKind.Null
                    ? FiniteNumber(v, RequestObject.Child(rowPath, columns[c]))
                    : double.NaN;
            }
            table.Add(row);
        }
        // Scale-safe: each column is divided by the power of two at or below its largest magnitude, so its values lie within
        // ±2 and no co-moment overflows (1e200) or underflows (5e-324). Correlations do not depend on a column's unit, and a
        // power of two changes no digit of the others.
        for (int c = 0; c < columns.Length; c++)
        {
            double largest = table.Where(r => !double.IsNaN(r[c])).Select(r => Math.Abs(r[c])).DefaultIfEmpty(0).Max();
            if (largest == 0)
                continue;
            int exponent = Math.ILogB(largest);
            foreach (var r in table)
                r[c] = Math.ScaleB(r[c], -exponent);
        }
        foreach (var r in table)
            accumulator.Add(r);
        int p = predictors.Length;
        if (accumulator.Count < p + 2)
            throw new EvalInputException(path, string.Create(CultureInfo.InvariantCulture,
                $"{accumulator.Count} complete rows remain after listwise deletion; {p} predictors need at least {p + 2}."));
        return Guard(() => KeyDriverAnalysis.FromRows(accumulator, columns, outcome, predictors),
                     message => message.Contains("collinear", StringComparison.Ordinal) ? predictorsPath : path);
    }

    public static double FiniteNumber(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Number)
            throw new EvalInputException(path, $"expected a number, got {RequestObject.Describe(e)}.");
        if (!e.TryGetDouble(out double v) || !double.IsFinite(v))
            throw new EvalInputException(path, "not a finite number.");
        return v;
    }

    private static ImmutableArray<string> Names(JsonElement array, string path)
    {
        if (array.ValueKind != JsonValueKind.Array)
            throw new EvalInputException(path, $"expected an array, got {RequestObject.Describe(array)}.");
        if (array.GetArrayLength() == 0)
            throw new EvalInputException(path, "the array is empty; at least one element is needed.");
        var names = ImmutableArray.CreateBuilder<string>();
        int i = 0;
        foreach (var e in array.EnumerateArray())
        {
            string name = RequestValues.NonEmptyString(e, $"{path}[{i}]");
            if (names.Contains(name))
                throw new EvalInputException($"{path}[{i}]", $"\"{name}\" is listed twice.");
            names.Add(name);
            i++;
        }
        return names.ToImmutable();
    }

    private static void CheckPredictors(ImmutableArray<string> predictors, string outcome, string path, ImmutableArray<string>? known)
    {
        if (predictors.IsEmpty)
            throw new EvalInputException(path, "at least one predictor is needed besides the outcome.");
        for (int i = 0; i < predictors.Length; i++)
        {
            if (predictors[i] == outcome)
                throw new EvalInputException($"{path}[{i}]", "the outcome cannot also be a predictor.");
            if (known is { } k && !k.Contains(predictors[i], StringComparer.Ordinal))
                throw new EvalInputException($"{path}[{i}]", $"\"{predictors[i]}\" is not one of the variables.");
        }
    }

    private static ImmutableArray<double> Matrix(JsonElement matrix, string path, int k)
    {
        if (matrix.ValueKind != JsonValueKind.Array)
            throw new EvalInputException(path, $"expected an array of rows, got {RequestObject.Describe(matrix)}.");
        if (matrix.GetArrayLength() != k)
            throw new EvalInputException(path, string.Create(CultureInfo.InvariantCulture, $"expected {k} rows (one per variable), got {matrix.GetArrayLength()}."));
        var values = new double[k * k];
        int i = 0;
        foreach (var row in matrix.EnumerateArray())
        {
            string rowPath = $"{path}[{i}]";
            if (row.ValueKind != JsonValueKind.Array)
                throw new EvalInputException(rowPath, $"expected an array, got {RequestObject.Describe(row)}.");
            if (row.GetArrayLength() != k)
                throw new EvalInputException(rowPath, string.Create(CultureInfo.InvariantCulture, $"expected {k} values (one per variable), got {row.GetArrayLength()}."));
            int j = 0;
            foreach (var value in row.EnumerateArray())
            {
                values[(i * k) + j] = FiniteNumber(value, $"{rowPath}[{j}]");
                j++;
            }
            i++;
        }
        if (CorrelationMatrix.Problem(values, k) is { } problem)
        {
            // "[i, j]" → "$.correlationMatrix[i][j]"
            string cell = problem.Where.Trim('[', ']').Replace(", ", "][", StringComparison.Ordinal);
            throw new EvalInputException($"{path}[{cell}]", problem.What);
        }
        return [.. values];
    }
}
