using System.Collections.Immutable;
using System.Globalization;

namespace PatientCentric.Serialization;

// The serialized partial evaluation's header, error codes and the checks its readers share
// (docs/scale.md#the-serialized-partial). Messages name the field and what is wrong, never a value.
internal static class PartialFormat
{
    // The value of the header's "schema" field.
    public const string Schema = "patientcentric.partial";

    // The one version this library writes and reads.
    public const int Version = 2;

    // The source named in the errors of a partial.
    public const string Source = "partial";

    // The stream is empty, not JSON, or ends before the document does.
    public const string NotJsonCode = "PC0120";

    // The document is not a partial evaluation: its first field is not "schema": "patientcentric.partial".
    public const string SchemaCode = "PC0121";

    // The partial is of a version this library does not read.
    public const string VersionCode = "PC0122";

    // A field is missing, null, of the wrong type, or holds what no partial can (a negative count, a list that does not
    // fit its configuration), or an accumulator has no serializable combiner of that key in the evaluator.
    public const string FieldCode = "PC0123";

    public static PatientCentricDataException Error(string code, string path, string message, long? line = null) =>
        new([new DataError(code, Source, line, path, message)]);

    public static PatientCentricDataException Field(string path, string message) => Error(FieldCode, path, message);

    public static T Need<T>(T? value, string path) where T : class =>
        value ?? throw Field(path, "required; must not be missing or null.");

    public static ImmutableArray<T> Need<T>(ImmutableArray<T> value, string path) =>
        value.IsDefault ? throw Field(path, "required; must be an array.") : value;

    public static int Count(int value, string path) =>
        value >= 0 ? value : throw Field(path, "a count must be 0 or more.");

    public static long Count(long value, string path) =>
        value >= 0 ? value : throw Field(path, "a count must be 0 or more.");

    public static double Finite(double value, string path) =>
        double.IsFinite(value) ? value : throw Field(path, "must be a finite number.");

    public static ImmutableArray<double> Finite(ImmutableArray<double> values, string path)
    {
        for (int i = 0; i < values.Length; i++)
            Finite(values[i], At(path, i));
        return values;
    }

    // The path of an element of an array field.
    public static string At(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    // Joins a field's path with a path that a nested read reports from its own root ("$" or "$.x").
    public static string Join(string path, string? inner) =>
        string.IsNullOrEmpty(inner) || inner == "$" ? path : path + inner[1..];
}
