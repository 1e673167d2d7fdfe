using Microsoft.Extensions.Logging;

namespace PatientCentric.Fhir;

/// <summary>Every log message of the FHIR package, with fixed event ids (2000–2099; docs/telemetry.md lists them).
/// Messages carry counts, issue codes, resource types and durations only: never a file name (a host may put an
/// identifier in it), a FHIR id, a name or a value from a resource.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, EventName = "FhirReadCompleted", Level = LogLevel.Information,
        Message = "Read {FileCount} FHIR {Format} files: {ResourceCount} resources, {IgnoredCount} of unmapped types, {DuplicateCount} duplicates replaced, {IssueCount} problems, in {ElapsedMilliseconds:0.0} ms.")]
    public static partial void ReadCompleted(ILogger logger, int fileCount, string format, int resourceCount, int ignoredCount, int duplicateCount, int issueCount, double elapsedMilliseconds);

    [LoggerMessage(EventId = 2001, EventName = "FhirResourcesSkipped", Level = LogLevel.Information,
        Message = "{Count} FHIR resources were skipped or only partly used: {IssueCode}.")]
    public static partial void ResourcesSkipped(ILogger logger, int count, FhirIssueCode issueCode);

    [LoggerMessage(EventId = 2002, EventName = "FhirReadStopped", Level = LogLevel.Warning,
        Message = "A FHIR {Format} read stopped after {ElapsedMilliseconds:0.0} ms: cancelled, or refused by strict mode, or the input could not be opened.")]
    public static partial void ReadStopped(ILogger logger, string format, double elapsedMilliseconds);

    [LoggerMessage(EventId = 2003, EventName = "FhirRecordsAssumed", Level = LogLevel.Debug,
        Message = "FHIR read assumptions: {BookingUnknown} appointments without a booking instant, {DerivedFills} fills derived from requests, {ClaimsWithoutResponse} claims without adjudication, {ClosureUnknown} referrals with unknown closure.")]
    public static partial void RecordsAssumed(ILogger logger, int bookingUnknown, int derivedFills, int claimsWithoutResponse, int closureUnknown);
}
