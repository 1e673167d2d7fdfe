using System.Collections.Immutable;

namespace PatientCentric.Records;

/// <summary>One returned survey: the answers one respondent gave, by item key.</summary>
/// <param name="Id">The return's opaque identifier.</param>
/// <param name="PatientKey">The respondent's opaque key; never shown in messages or logs.</param>
/// <param name="ServiceLine">The service line whose visit the survey follows.</param>
/// <param name="ReturnedOn">The local date the survey was returned.</param>
/// <param name="Answers">Answers by <see cref="SurveyItem.Key"/>; each value one of the item's categories. Items left blank are absent.</param>
public sealed record SurveyReturn(string Id, string PatientKey, string ServiceLine, DateOnly ReturnedOn,
                                  ImmutableSortedDictionary<string, string> Answers)
{
    /// <summary>Gets the answers by item key, ordered by key (ordinal) so output is the same on every run.</summary>
    public ImmutableSortedDictionary<string, string> Answers { get; init; } =
        (Answers ?? ImmutableSortedDictionary<string, string>.Empty).WithComparers(StringComparer.Ordinal);
}
