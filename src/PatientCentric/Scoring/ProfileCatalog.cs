using System.Collections.Immutable;
using Microsoft.Extensions.Options;

namespace PatientCentric.Scoring;

/// <summary>The profiles a host can use, built-in and configured, and the one in force. Resolved from dependency
/// injection as a singleton; reading it validates the options if start-up validation has not run yet.</summary>
public sealed class ProfileCatalog
{
    /// <summary>Initializes the catalog from validated options, checking that every enabled strategy is registered.</summary>
    /// <param name="options">The library's options.</param>
    /// <param name="registry">The registered strategies.</param>
    /// <exception cref="OptionsValidationException">The options are invalid, or a profile enables (or
    /// <see cref="PatientCentricOptions.PrimaryCustomerStrategy"/> names) a strategy that is not registered; the message
    /// names every offending setting.</exception>
    public ProfileCatalog(IOptions<PatientCentricOptions> options, StrategyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(registry);
        var o = options.Value;
        var unknown = StrategyKeyValidator.Errors(o, registry);
        if (unknown.Count > 0)
            throw new OptionsValidationException(Options.DefaultName, typeof(PatientCentricOptions), unknown);
        var all = BuiltInProfiles.All.ToBuilder();
        foreach (var (key, p) in o.Profiles)
        {
            all[key] = new Profile(key, p.Description, p.Rationale, p.CareSetting, p.PaymentModel,
                new MetricWeights(p.CustomerServiceWeight, p.QualityOfCareWeight, p.CostEffectivenessWeight),
                new EvidenceMinimums(p.MinimumRateEvents, p.MinimumSurveyResponses, p.MinimumDurationObservations),
                [.. p.EnabledStrategies])
            {
                Targets = MeasureTarget.CommonlyCited.SetItems(p.Targets.Select(t => KeyValuePair.Create(t.Key, new MeasureTarget(t.Value.Target, t.Value.HigherIsBetter)))),
            };
        }
        All = all.ToImmutable();
        Active = All[o.Profile];
    }

    /// <summary>Gets every profile, built-in and configured, by key (ordinal).</summary>
    public ImmutableDictionary<string, Profile> All { get; }

    /// <summary>Gets the profile in force (<see cref="PatientCentricOptions.Profile"/>).</summary>
    public Profile Active { get; }

    /// <summary>Returns the profile with <paramref name="key"/>.</summary>
    /// <param name="key">A profile key.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="KeyNotFoundException">No profile has the key; the message lists those that do exist.</exception>
    public Profile Get(string key) =>
        All.TryGetValue(key, out var profile) ? profile
        : throw new KeyNotFoundException($"No profile has the key \"{key}\". Profiles: {string.Join(", ", All.Keys.Order(StringComparer.Ordinal))}.");
}
