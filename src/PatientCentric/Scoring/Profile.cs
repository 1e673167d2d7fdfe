using System.Collections.Immutable;

namespace PatientCentric.Scoring;

/// <summary>The mix a host declares that it optimises: the weights of the three encounter metrics, the care setting,
/// the payment model, minimum evidence, and which strategies are on (docs/measures.md#vocabulary, Profile, docs/configuration.md#built-in-profiles).</summary>
/// <remarks>Immutable. Built-in profiles are in <see cref="BuiltInProfiles"/>; hosts bind their own from configuration
/// (<c>PatientCentric:Profiles:&lt;key&gt;</c>).</remarks>
/// <param name="Key">The stable kebab-case key, such as <c>"primary-care-value-based"</c>.</param>
/// <param name="Description">One sentence on whom the profile suits.</param>
/// <param name="Rationale">Why the weights are what they are; printed in reports beside the weights.</param>
/// <param name="CareSetting">The care setting.</param>
/// <param name="PaymentModel">How the practice is paid.</param>
/// <param name="Weights">The normalised weights of customer service, quality of care and cost effectiveness.</param>
/// <param name="MinimumEvidence">The minimum evidence per measure family.</param>
/// <param name="EnabledStrategies">Keys of the strategies that run; empty means every registered strategy.</param>
public sealed record Profile(string Key, string Description, string Rationale, CareSetting CareSetting, PaymentModel PaymentModel,
                             MetricWeights Weights, EvidenceMinimums MinimumEvidence, ImmutableArray<string> EnabledStrategies)
{
    /// <summary>Gets the keys of the strategies that run; empty means every registered strategy.</summary>
    public ImmutableArray<string> EnabledStrategies { get; init; } = EnabledStrategies.IsDefault ? [] : EnabledStrategies;

    /// <summary>Gets the target bands by measure key, in ordinal key order (so serialized output is the same on every run);
    /// cards of these measures gain <c>target</c> and <c>meets-target</c> components.</summary>
    /// <value>The default is <see cref="MeasureTarget.CommonlyCited"/>.</value>
    public System.Collections.Immutable.ImmutableSortedDictionary<string, MeasureTarget> Targets { get; init; } = MeasureTarget.CommonlyCited;

    /// <summary>Returns whether the strategy with <paramref name="strategyKey"/> runs under this profile.</summary>
    /// <param name="strategyKey">A strategy key.</param>
    /// <returns><see langword="true"/> when <see cref="EnabledStrategies"/> is empty or contains the key (ordinal).</returns>
    public bool IsEnabled(string strategyKey) => EnabledStrategies.IsEmpty || EnabledStrategies.Contains(strategyKey, StringComparer.Ordinal);
}
