using System.Text.Json.Serialization;

namespace PatientCentric.Records;

/// <summary>One claim, from first submission to first adjudication (FHIR <c>Claim</c>, <c>ClaimResponse</c>).</summary>
/// <param name="Id">The claim's opaque identifier.</param>
/// <param name="PatientKey">The patient's opaque key; never shown in messages or logs.</param>
/// <param name="ServiceLine">The service line that billed.</param>
/// <param name="FirstSubmittedOn">The local date the claim was first submitted to the claim-editing step.</param>
/// <param name="PassedEditsWithoutIntervention">Whether it passed every edit with no manual intervention (clean, HFMA MAP Keys);
/// only a stand-in when <see cref="EditsUnknown"/> is <see langword="true"/>.</param>
/// <param name="AdjudicatedOn">The local date of first adjudication (remittance), or <see langword="null"/> while pending.</param>
/// <param name="DeniedAtFirstAdjudication">Whether any line was denied at first adjudication, or <see langword="null"/> while pending.</param>
/// <param name="ChargeAmount">The billed charge in the practice's currency; 0 or more.</param>
public sealed record Claim(string Id, string PatientKey, string ServiceLine, DateOnly FirstSubmittedOn, bool PassedEditsWithoutIntervention,
                           DateOnly? AdjudicatedOn, bool? DeniedAtFirstAdjudication, decimal ChargeAmount)
{
    /// <summary>Gets whether the claim-editing result is unknown, so that <see cref="PassedEditsWithoutIntervention"/> is
    /// only a stand-in (FHIR: every claim, because <c>Claim</c>, <c>ClaimResponse</c> and <c>ExplanationOfBenefit</c> have
    /// no element for claim edits or manual intervention). The clean-claim rate leaves such claims out and counts them;
    /// the initial denial rate still uses them.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool EditsUnknown { get; init; }
}
