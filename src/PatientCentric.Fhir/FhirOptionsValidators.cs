using Microsoft.Extensions.Options;

namespace PatientCentric.Fhir;

/// <summary>Checks <see cref="FhirReadOptions"/> at start-up, naming each setting by its conventional path under
/// <c>PatientCentric:Fhir</c> (<see cref="FhirServiceCollectionPaths.Read"/>).</summary>
internal sealed class FhirReadOptionsValidator : IValidateOptions<FhirReadOptions>
{
    public ValidateOptionsResult Validate(string? name, FhirReadOptions options)
    {
        const string Path = FhirServiceCollectionPaths.Read;
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
            errors.Add($"{Path}:{nameof(FhirReadOptions.TimeZone)}: \"{options.TimeZone}\" is not a known IANA time zone (for example \"America/Chicago\").");
        if (options.PseudonymKey is { Length: < 16 } key)
            errors.Add($"{Path}:{nameof(FhirReadOptions.PseudonymKey)}: must be at least 16 bytes, but is {key.Length}.");
        if (string.IsNullOrWhiteSpace(options.DefaultServiceLine))
            errors.Add($"{Path}:{nameof(FhirReadOptions.DefaultServiceLine)}: must name a service line, but is empty.");
        if (!Enum.IsDefined(options.Parser))
            errors.Add($"{Path}:{nameof(FhirReadOptions.Parser)}: must be one of {string.Join(", ", Enum.GetNames<FhirParser>())}.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

/// <summary>Checks <see cref="FhirMeasureReportOptions"/> at start-up as the writer's constructor would.</summary>
internal sealed class FhirMeasureReportOptionsValidator : IValidateOptions<FhirMeasureReportOptions>
{
    public ValidateOptionsResult Validate(string? name, FhirMeasureReportOptions options)
    {
        try
        {
            _ = new FhirMeasureReportWriter(options.CanonicalBase);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail($"{FhirServiceCollectionPaths.Report}:{nameof(FhirMeasureReportOptions.CanonicalBase)}: {e.Message}");
        }
    }
}

/// <summary>The conventional configuration paths of the FHIR options, used in validation messages.</summary>
internal static class FhirServiceCollectionPaths
{
    public const string Read = "PatientCentric:Fhir:Read";
    public const string Report = "PatientCentric:Fhir:Report";
}
