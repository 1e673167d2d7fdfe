using System.Globalization;
using System.Text.Json;
using PatientCentric.Customers;

namespace PatientCentric.Cli.Eval;

/// <summary>Request readers shared by the decision measures (<c>ahp</c>, <c>ahp-hierarchy</c>, <c>topsis</c>,
/// <c>salience</c>, <c>primary-customer</c>): names, pairwise judgements, full matrices, random-index tables and numbers.</summary>
internal static class DecisionRequests
{
    public static readonly string[] RandomIndexNames = ["saaty1980", "saaty2005", "doneganDodd", "tummalaLing"];

    public static string Name(RandomIndexTable t) => RandomIndexNames[(int)t];

    public static string Name(AhpStatus s) => s switch
    {
        AhpStatus.Ok => "ok",
        AhpStatus.Inconsistent => "inconsistent",
        _ => "notConverged",
    };

    /// <summary>Reads an array of distinct non-empty names.</summary>
    public static string[] Names(RequestObject o, string field)
    {
        var array = o.RequiredArray(field);
        string path = RequestObject.Child(o.Path, field);
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int i = 0;
        foreach (var e in array.EnumerateArray())
        {
            string p = $"{path}[{i++}]";
            string name = RequestValues.NonEmptyString(e, p);
            if (!seen.Add(name))
                throw new EvalInputException(p, $"\"{name}\" is given more than once.");
            names.Add(name);
        }
        return [.. names];
    }

    public static double FiniteNumber(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Number)
            throw new EvalInputException(path, $"expected a number, got {RequestObject.Describe(e)}.");
        if (!e.TryGetDouble(out double v) || !double.IsFinite(v))
            throw new EvalInputException(path, "must be a finite number.");
        return v;
    }

    public static double PositiveNumber(JsonElement e, string path)
    {
        double v = FiniteNumber(e, path);
        return v > 0 ? (v is >= 1e-100 and <= 1e100 ? v : throw new EvalInputException(path, "must be from 1e-100 to 1e100 (Saaty's scale is 1/9 to 9); larger ratios overflow the priorities."))
            : throw new EvalInputException(path, "must be a positive number (Saaty's 1–9 scale or a reciprocal).");
    }

    public static RandomIndexTable RandomIndex(RequestObject o, string field, int n, string itemsPath)
    {
        string path = RequestObject.Child(o.Path, field);
        var table = RandomIndexTable.Saaty1980;
        if (o.Optional(field) is { } e)
        {
            string text = e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new EvalInputException(path, $"expected a string, got {RequestObject.Describe(e)}.");
            int index = Array.IndexOf(RandomIndexNames, text);
            if (index < 0)
                throw new EvalInputException(path, $"unknown table \"{text}\"; expected one of saaty1980, saaty2005, doneganDodd, tummalaLing.");
            table = (RandomIndexTable)index;
        }
        int max = AnalyticHierarchyProcess.MaximumOrder(table);
        if (n > max)
        {
            string advice = table == RandomIndexTable.Saaty1980 ? "choose saaty2005, doneganDodd or tummalaLing" : "no table covers more";
            throw new EvalInputException(path, string.Create(CultureInfo.InvariantCulture, $"{Name(table)} covers at most {max} items but {itemsPath} has {n}; {advice}."));
        }
        return table;
    }

    /// <summary>Reads either <c>pairwise</c> (judgements, completed by reciprocity) or <c>matrix</c> (full rows) over <paramref name="items"/>.</summary>
    public static PairwiseComparisonMatrix Comparisons(RequestObject o, string[] items, string itemsPath, string pairwiseField = "pairwise", string? matrixField = "matrix")
    {
        var pairwise = o.Optional(pairwiseField);
        var matrix = matrixField is null ? null : o.Optional(matrixField);
        if (pairwise is not null && matrix is not null)
            throw new EvalInputException(RequestObject.Child(o.Path, matrixField!), $"give either {pairwiseField} or {matrixField}, not both.");
        if (matrix is { } m)
            return FullMatrix(m, RequestObject.Child(o.Path, matrixField!), items, itemsPath);
        if (pairwise is not { } p)
            throw new EvalInputException(RequestObject.Child(o.Path, pairwiseField), matrixField is null ? "required field is missing." : $"required field is missing (or give {matrixField}).");
        return Judgements(p, RequestObject.Child(o.Path, pairwiseField), items, itemsPath);
    }

    public static PairwiseComparisonMatrix Judgements(JsonElement array, string path, string[] items, string itemsPath)
    {
        if (array.ValueKind != JsonValueKind.Array)
            throw new EvalInputException(path, $"expected an array, got {RequestObject.Describe(array)}.");
        int n = items.Length;
        var index = items.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        var given = new string?[n, n];
        var judgements = new List<PairwiseJudgement>();
        int k = 0;
        foreach (var j in RequestValues.Objects(array, path))
        {
            string row = RequestValues.NonEmptyString(j.Required("row"), RequestObject.Child(j.Path, "row"));
            string col = RequestValues.NonEmptyString(j.Required("col"), RequestObject.Child(j.Path, "col"));
            double value = PositiveNumber(j.Required("value"), RequestObject.Child(j.Path, "value"));
            j.RejectUnknownFields();
            if (!index.TryGetValue(row, out int r))
                throw new EvalInputException(RequestObject.Child(j.Path, "row"), $"\"{row}\" is not one of {itemsPath}.");
            if (!index.TryGetValue(col, out int c))
                throw new EvalInputException(RequestObject.Child(j.Path, "col"), $"\"{col}\" is not one of {itemsPath}.");
            if (r == c)
            {
                if (!Agrees(value, 1.0))
                    throw new EvalInputException(RequestObject.Child(j.Path, "value"), "an item compared with itself must have the value 1.");
            }
            else if (given[r, c] is { } earlier)
            {
                var e = judgements.First(x => (x.Row == row && x.Column == col) || (x.Row == col && x.Column == row));
                double expected = e.Row == row ? e.Value : 1.0 / e.Value;
                if (!Agrees(value, expected))
                    throw new EvalInputException(j.Path, $"contradicts {earlier}: the pair (\"{row}\", \"{col}\") must agree with it by reciprocity.");
            }
            else
            {
                given[r, c] = given[c, r] = j.Path;
            }
            judgements.Add(new PairwiseJudgement(row, col, value));
            k++;
        }
        for (int r = 0; r < n; r++)
        {
            for (int c = r + 1; c < n; c++)
            {
                if (given[r, c] is null)
                    throw new EvalInputException(path, $"the matrix is incomplete: no judgement compares \"{items[r]}\" with \"{items[c]}\".");
            }
        }
        return PairwiseComparisonMatrix.FromJudgements(items, judgements);
    }

    public static PairwiseComparisonMatrix FullMatrix(JsonElement array, string path, string[] items, string itemsPath)
    {
        int n = items.Length;
        if (array.ValueKind != JsonValueKind.Array)
            throw new EvalInputException(path, $"expected an array, got {RequestObject.Describe(array)}.");
        if (array.GetArrayLength() != n)
            throw new EvalInputException(path, string.Create(CultureInfo.InvariantCulture, $"expected {n} rows, one per item of {itemsPath}."));
        var rows = new double[n][];
        int r = 0;
        foreach (var rowElement in array.EnumerateArray())
        {
            string rowPath = $"{path}[{r}]";
            if (rowElement.ValueKind != JsonValueKind.Array)
                throw new EvalInputException(rowPath, $"expected an array, got {RequestObject.Describe(rowElement)}.");
            if (rowElement.GetArrayLength() != n)
                throw new EvalInputException(rowPath, string.Create(CultureInfo.InvariantCulture, $"expected {n} values, one per item of {itemsPath}."));
            rows[r] = [.. rowElement.EnumerateArray().Select((e, c) => PositiveNumber(e, $"{rowPath}[{c}]"))];
            r++;
        }
        for (r = 0; r < n; r++)
        {
            if (!Agrees(rows[r][r], 1.0))
                throw new EvalInputException($"{path}[{r}][{r}]", "the diagonal must be 1.");
            for (int c = r + 1; c < n; c++)
            {
                if (!Agrees(rows[c][r] * rows[r][c], 1.0))
                    throw new EvalInputException($"{path}[{c}][{r}]", $"must be the reciprocal of {path}[{r}][{c}].");
            }
        }
        return PairwiseComparisonMatrix.FromRows(items, rows);
    }

    private static bool Agrees(double a, double b) =>
        Math.Abs(a - b) <= PairwiseComparisonMatrix.ReciprocalTolerance * Math.Max(Math.Abs(a), Math.Abs(b));

    public static void WriteWeights(Utf8JsonWriter w, string name, IReadOnlyList<string> items, IReadOnlyList<double> weights)
    {
        w.WriteStartObject(name);
        for (int i = 0; i < items.Count; i++)
            w.WriteNumber(items[i], weights[i]);
        w.WriteEndObject();
    }

    public static void WriteNumbers(Utf8JsonWriter w, string name, IEnumerable<double> values)
    {
        w.WriteStartArray(name);
        foreach (double v in values)
            w.WriteNumberValue(v);
        w.WriteEndArray();
    }
}
