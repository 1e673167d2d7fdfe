namespace PatientCentric.Fhir.Tests;

/// <summary>The shared FHIR test data: <c>PATIENTCENTRIC_FHIR_DATA</c> when set, else <c>../shared/data/fhir</c> beside the
/// repository root (found upwards from the test binaries by <c>PatientCentric.sln</c>), as it is laid on the project's
/// machines and in CI.</summary>
internal static class SharedFhirData
{
    public const string Variable = "PATIENTCENTRIC_FHIR_DATA";

    /// <summary>The folder that is looked for: the variable's value, or <c>../shared/data/fhir</c> from the repository root.</summary>
    public static string Expected { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured
        ? configured
        : Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "data", "fhir"));

    /// <summary>The folder when it exists, else <see langword="null"/>.</summary>
    public static string? Folder => Directory.Exists(Expected) ? Expected : null;

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PatientCentric.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("The repository root (PatientCentric.sln) was not found above the test binaries.");
    }
}
