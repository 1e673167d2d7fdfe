using System.Text.Json.Serialization;

namespace PatientCentric.Records;

/// <summary>A price estimate given to a patient before a service, and the patient's final responsibility once billed
/// (docs/touchpoints/billing.md; good-faith estimates under 45 CFR 149.610 for self-pay patients).</summary>
/// <param name="Id">The estimate's opaque identifier.</param>
/// <param name="PatientKey">The patient's opaque key; never shown in messages or logs.</param>
/// <param name="ServiceLine">The service line that estimated.</param>
/// <param name="EstimatedOn">The local date of the estimate.</param>
/// <param name="EstimatedAmount">E, the estimated patient responsibility, 0 or more.</param>
/// <param name="FinalAmount">A, the final patient responsibility, or <see langword="null"/> until billed.</param>
/// <param name="IsSelfPay">Whether the patient was self-pay (a good-faith estimate).</param>
public sealed record PriceEstimate(string Id, string PatientKey, string ServiceLine, DateOnly EstimatedOn, decimal EstimatedAmount,
                                   [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? FinalAmount = null,
                                   bool IsSelfPay = false);
