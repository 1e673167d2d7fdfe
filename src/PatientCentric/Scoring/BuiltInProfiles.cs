using System.Collections.Immutable;

namespace PatientCentric.Scoring;

/// <summary>The profiles the library ships as starting points (docs/configuration.md#built-in-profiles). Their weights are library choices,
/// not published values; every report prints the weights it used.</summary>
public static class BuiltInProfiles
{
    /// <summary>The key of the profile used when a host names none: <c>"primary-care-value-based"</c>.</summary>
    public const string DefaultKey = "primary-care-value-based";

    /// <summary>Gets the self-pay elective / aesthetic profile, <c>"aesthetic-self-pay"</c>: CS 0.40, QC 0.40, CE 0.20.</summary>
    public static Profile AestheticSelfPay { get; } = new(
        "aesthetic-self-pay",
        "Self-pay elective or aesthetic practice, where patients pay and choose.",
        "Patients pay and choose, so customer service is a competitive advantage and weighs as much as quality of care; cost matters less to a self-paying patient who chose the service (library starting weights; docs/configuration.md#built-in-profiles).",
        CareSetting.SelfPayElective, PaymentModel.SelfPay, new MetricWeights(0.40, 0.40, 0.20), EvidenceMinimums.Default, []);

    /// <summary>Gets the insured acute-care profile, <c>"acute-insured"</c>: CS 0.20, QC 0.60, CE 0.20.</summary>
    public static Profile AcuteInsured { get; } = new(
        "acute-insured",
        "Insured acute care, where the payer or institution is often the de facto customer.",
        "In acute care outcomes dominate and the payer or institution often chooses, so quality of care carries most of the weight; service and cost share the rest (Simons 2014, Choosing the right customer, Harvard Business Review 92(3); docs/configuration.md#built-in-profiles).",
        CareSetting.InsuredAcute, PaymentModel.FeeForService, new MetricWeights(0.20, 0.60, 0.20), EvidenceMinimums.Default, []);

    /// <summary>Gets the primary-care fee-for-service profile, <c>"primary-care-fee-for-service"</c>: CS 0.30, QC 0.40, CE 0.30.</summary>
    public static Profile PrimaryCareFeeForService { get; } = new(
        "primary-care-fee-for-service",
        "Primary care paid per service.",
        "Fee-for-service primary care is volume-driven, so access (part of customer service) and cost effectiveness weigh as much as each other, with quality of care first (docs/configuration.md#built-in-profiles).",
        CareSetting.PrimaryCare, PaymentModel.FeeForService, new MetricWeights(0.30, 0.40, 0.30), EvidenceMinimums.Default, []);

    /// <summary>Gets the primary-care value-based profile, <c>"primary-care-value-based"</c>: CS 0.25, QC 0.45, CE 0.30.</summary>
    public static Profile PrimaryCareValueBased { get; } = new(
        DefaultKey,
        "Primary care under a value-based contract.",
        "Under a value-based contract total cost of care and outcomes are shared with the payer, so quality of care and cost effectiveness gain weight over customer service (docs/configuration.md#built-in-profiles).",
        CareSetting.PrimaryCare, PaymentModel.ValueBased, new MetricWeights(0.25, 0.45, 0.30), EvidenceMinimums.Default, []);

    /// <summary>Gets every built-in profile, by key (ordinal).</summary>
    public static ImmutableDictionary<string, Profile> All { get; } = new[]
    {
        AestheticSelfPay, AcuteInsured, PrimaryCareFeeForService, PrimaryCareValueBased,
    }.ToImmutableDictionary(p => p.Key, StringComparer.Ordinal);
}
