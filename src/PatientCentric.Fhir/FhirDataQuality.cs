using System.Collections.Immutable;

namespace PatientCentric.Fhir;

/// <summary>What the reader could not use, or used with an assumption. Counts only: no identifier, name or value.</summary>
/// <param name="ResourcesRead">Resources read (lines and Bundle entries), before de-duplication.</param>
/// <param name="DuplicatesReplaced">Resources dropped because another with the same <c>resourceType/id</c> had the same or
/// later <c>meta.lastUpdated</c> (whatever that one's status; see <see cref="Retracted"/>).</param>
/// <param name="ResourcesIgnored">Readable resources of types the mapping does not use (such as <c>Observation</c>), by type.</param>
/// <param name="BookingInstantUnknown">Appointments whose booking instant is unknown (an <c>Encounter</c> without an
/// <c>Appointment</c>, or an <c>Appointment</c> without <c>created</c>): they are marked <see cref="Records.Appointment.BookingUnknown"/> and lead time leaves them out.</param>
/// <param name="DerivedFills">Fills derived from <c>MedicationRequest.dispenseRequest</c> because no <c>MedicationDispense</c> refers to the request.</param>
/// <param name="ClaimsWithoutResponse">Claims with no <c>ClaimResponse</c> or <c>ExplanationOfBenefit</c>: pending (no
/// adjudication). Like every claim read from FHIR, they are marked <see cref="Records.Claim.EditsUnknown"/>, because FHIR
/// does not record claim edits.</param>
/// <param name="Issues">Each problem, with file and line.</param>
public sealed record FhirDataQuality(int ResourcesRead, int DuplicatesReplaced, ImmutableSortedDictionary<string, int> ResourcesIgnored,
                                     int BookingInstantUnknown, int DerivedFills, int ClaimsWithoutResponse,
                                     ImmutableArray<FhirDataIssue> Issues)
{
    /// <summary>Gets the referrals whose closure is unknown because the input holds no <c>Task</c> resource at all (the
    /// only closure evidence the reader maps): they are marked <see cref="Records.Referral.ClosureUnknown"/> and referral
    /// closure leaves them out instead of counting them as open loops. 0 when any <c>Task</c> was read.</summary>
    /// <value>0 or more. The default is 0.</value>
    public int ReferralClosureUnknown { get; init; }

    /// <summary>Gets the resources left out because their latest version (by <c>meta.lastUpdated</c>, across all files of
    /// the read) is one the mapping does not use, such as an <c>entered-in-error</c> copy or an <c>Encounter</c> no longer
    /// <c>finished</c>, while an earlier version would have been used. The latest version wins whatever its status, so
    /// retracted data is never scored; this count shows how much was dropped that way. A latest version left out because of
    /// a problem is an issue in <see cref="Issues"/> instead.</summary>
    /// <value>0 or more. The default is 0.</value>
    public int Retracted { get; init; }

    /// <summary>Counts the issues with a given code.</summary>
    /// <param name="code">The code.</param>
    /// <returns>How many issues have <paramref name="code"/>.</returns>
    public int Count(FhirIssueCode code) => Issues.Count(i => i.Code == code);

    // Where each issue comes in one read of the whole input (FhirPartitions.Read sets it): Combine sorts by it.
    internal ImmutableArray<ResourceCollector.IssueOrder> IssueOrders { get; init; }

    /// <summary>Combines the quality reports of disjoint reads, such as the partitions of one export
    /// (<see cref="FhirPartitions.Read"/>), into the report of one read of them all: counts add, ignored types add by type,
    /// and issues come in the order one read gives when every part comes from <see cref="FhirPartitions.Read"/> (else in
    /// the order of the parts).</summary>
    /// <param name="parts">The reports, in partition order.</param>
    /// <returns>The combined report.</returns>
    public static FhirDataQuality Combine(IEnumerable<FhirDataQuality> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var list = parts.ToList();
        var ignored = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (type, n) in list.SelectMany(q => q.ResourcesIgnored))
            ignored[type] = ignored.GetValueOrDefault(type) + n;
        bool ordered = list.All(q => !q.IssueOrders.IsDefault && q.IssueOrders.Length == q.Issues.Length);
        var issues = ordered
            ? list.SelectMany(q => q.Issues.Zip(q.IssueOrders)).OrderBy(x => x.Second).Select(x => x.First).ToImmutableArray()   // stable
            : [.. list.SelectMany(q => q.Issues)];
        return new FhirDataQuality(list.Sum(q => q.ResourcesRead), list.Sum(q => q.DuplicatesReplaced), ignored.ToImmutableSortedDictionary(StringComparer.Ordinal),
            list.Sum(q => q.BookingInstantUnknown), list.Sum(q => q.DerivedFills), list.Sum(q => q.ClaimsWithoutResponse), issues)
        {
            ReferralClosureUnknown = list.Sum(q => q.ReferralClosureUnknown),
            Retracted = list.Sum(q => q.Retracted),
        };
    }
}
