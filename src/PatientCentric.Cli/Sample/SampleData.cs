using PatientCentric.Records;
using PatientCentric.Serialization;

namespace PatientCentric.Cli.Sample;

/// <summary>The bundled sample, embedded in the tool so <c>patientcentric report</c> runs with no arguments.</summary>
internal static class SampleData
{
    public const string ResourceName = "PatientCentric.Cli.Sample.sample-practice.json";
    public const string DisplayName = "bundled sample (sample-practice.json)";

    public static Stream Open() =>
        typeof(SampleData).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException("The bundled sample is missing from the tool; rebuild it.");

    public static PracticeDataSet Load()
    {
        using var stream = Open();
        return PracticeDataSetReader.Read(stream, DisplayName);
    }
}
