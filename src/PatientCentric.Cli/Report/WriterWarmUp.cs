using System.Text.Json;
using PatientCentric.Scoring;

namespace PatientCentric.Cli.Report;

/// <summary>Does the report writers' one-time set-up on a thread-pool thread while the run still reads or scores on one
/// core: the serializer metadata of every type results.json writes (made when first asked for, about 0.3 s of type
/// loading and compiling on the first write), and the Firely serializer that writes measure-reports.ndjson's Measure
/// resources (its R4 model inspector, about 0.4 s). The writers would otherwise each start with it. Both are thread-safe
/// lazy set-ups, so a writer that starts first simply does it, or waits for it, itself.</summary>
internal static class WriterWarmUp
{
    /// <summary>Starts the set-up of the writers that will run.</summary>
    /// <param name="json">Whether the report's JSON will be written (results.json or <c>--format json</c>).</param>
    /// <param name="measureReports">Whether measure-reports.ndjson will be written.</param>
    /// <returns>The set-up; it never fails (a problem it meets is the writer's to report).</returns>
    public static Task Start(bool json, bool measureReports) => !json && !measureReports ? Task.CompletedTask : Task.Run(() =>
    {
        try
        {
            if (json)
                Visit(ReportJson.Context.Options, typeof(PracticeEvaluation), []);
            if (measureReports)
            {
                using var writer = new Utf8JsonWriter(Stream.Null);
                new Hl7.Fhir.Serialization.FhirJsonSerializer().Serialize(new Hl7.Fhir.Model.Measure(), writer);
            }
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
