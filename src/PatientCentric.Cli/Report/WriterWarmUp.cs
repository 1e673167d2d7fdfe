using System.Text.Json;
using PatientCentric.Scoring;

namespace PatientCentric.Cli.Report;

/// <summary>Does the report writers' one-time set-up on a thread-pool thread while the run still reads or scores on one
/// core: the serializer metadata of every type results.json writes (made when first asked for, about 0.3 s of type
/// loading and compiling on the first write), which the writer would otherwise start with. It is a thread-safe lazy
/// set-up, so a writer that starts first simply does it, or waits for it, itself. measure-reports.ndjson needs none: its
/// writer writes every resource itself, without the Firely serializer.</summary>
internal static class WriterWarmUp
{
    /// <summary>Starts the JSON writer's set-up when it will run.</summary>
    /// <param name="json">Whether the report's JSON will be written (results.json or <c>--format json</c>).</param>
    /// <returns>The set-up; it never fails (a problem it meets is the writer's to report).</returns>
    public static Task Start(bool json) => !json ? Task.CompletedTask : Task.Run(() =>
    {
        try
        {
            Visit(ReportJson.Context.Options, typeof(PracticeEvaluation), []);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            // The writer meets the same problem and reports it.
        }
    });

    // Every type reachable from the root: its properties, elements, keys and derived types, each made and configured.
    private static void Visit(JsonSerializerOptions options, Type type, HashSet<Type> seen)
    {
        if (!seen.Add(type))
            return;
        var info = options.GetTypeInfo(type);
        foreach (var property in info.Properties)
            Visit(options, property.PropertyType, seen);
        if (info.ElementType is { } element)
            Visit(options, element, seen);
        if (info.KeyType is { } key)
            Visit(options, key, seen);
        if (info.PolymorphismOptions is { } polymorphism)
        {
            foreach (var derived in polymorphism.DerivedTypes)
                Visit(options, derived.DerivedType, seen);
        }
    }
}
