using System.Collections.Immutable;
using PatientCentric.Fhir;

namespace PatientCentric.Cli.Report;

/// <summary>What <c>report --fhir</c> read: the reader's data-quality report and the files in read order, for the
/// stderr summary, data-quality.json and the HTML report's "Data read from FHIR" section.</summary>
/// <param name="Quality">The reader's counts and issues.</param>
/// <param name="Files">The files, to name each by position and extension, never by name.</param>
internal sealed record FhirInput(FhirDataQuality Quality, FhirInputFiles Files)
{
    /// <summary>The issues of each code that has any, in code order; within a code in read order (file position, then
    /// line), so "the first" means the first in the files.</summary>
    public ImmutableArray<(FhirIssueCode Code, ImmutableArray<FhirDataIssue> Issues)> IssuesByCode { get; } =
    [
        .. Quality.Issues.GroupBy(i => i.Code).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.OrderBy(i => Files.Position(i.FileName) ?? int.MaxValue).ThenBy(i => i.Line).ToImmutableArray())),
    ];

    /// <summary>What an issue concerns: its field, else its resource type, else nothing.</summary>
    public static string? What(FhirDataIssue issue) => issue.Field ?? issue.ResourceType;
}
