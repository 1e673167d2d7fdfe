using System.Collections.Immutable;
using PatientCentric.Customers;
using PatientCentric.Jobs;
using PatientCentric.Touchpoints;

namespace PatientCentric.Scoring;

/// <summary>Every registered strategy of the three families, by key: touchpoint scorers, job scorers and
/// primary-customer strategies. Resolved from dependency injection as a singleton.</summary>
/// <remarks>Keys are unique across all three families (ordinal), so one key names one strategy in profiles, JSON and the CLI.</remarks>
public sealed class StrategyRegistry
{
    /// <summary>Initializes the registry.</summary>
    /// <param name="touchpointScorers">The touchpoint scorers, in registration order.</param>
    /// <param name="jobScorers">The job scorers, in registration order.</param>
    /// <param name="primaryCustomerStrategies">The primary-customer strategies, in registration order.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A key is empty, or two strategies share a key.</exception>
    public StrategyRegistry(IEnumerable<ITouchpointScorer> touchpointScorers, IEnumerable<IJobScorer> jobScorers,
                            IEnumerable<IPrimaryCustomerStrategy> primaryCustomerStrategies)
    {
        ArgumentNullException.ThrowIfNull(touchpointScorers);
        ArgumentNullException.ThrowIfNull(jobScorers);
        ArgumentNullException.ThrowIfNull(primaryCustomerStrategies);
        TouchpointScorers = [.. touchpointScorers];
        JobScorers = [.. jobScorers];
        PrimaryCustomerStrategies = [.. primaryCustomerStrategies];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string key in TouchpointScorers.Select(s => s.Key).Concat(JobScorers.Select(s => s.Key)).Concat(PrimaryCustomerStrategies.Select(s => s.Key)))
        {
            if (string.IsNullOrWhiteSpace(key))
                throw new ArgumentException("Every strategy must have a non-empty key.", nameof(touchpointScorers));
            if (!seen.Add(key))
                throw new ArgumentException($"Two strategies share the key \"{key}\"; keys must be unique across all strategy families.", nameof(touchpointScorers));
        }
        Keys = [.. seen.Order(StringComparer.Ordinal)];
    }

    /// <summary>Gets the touchpoint scorers, in registration order.</summary>
    public ImmutableArray<ITouchpointScorer> TouchpointScorers { get; }

    /// <summary>Gets the job scorers, in registration order.</summary>
    public ImmutableArray<IJobScorer> JobScorers { get; }

    /// <summary>Gets the primary-customer strategies, in registration order.</summary>
    public ImmutableArray<IPrimaryCustomerStrategy> PrimaryCustomerStrategies { get; }

    /// <summary>Gets every strategy key, sorted (ordinal).</summary>
    public ImmutableArray<string> Keys { get; }

    /// <summary>Returns whether a strategy of any family has <paramref name="key"/>.</summary>
    /// <param name="key">A strategy key.</param>
    /// <returns><see langword="true"/> if registered.</returns>
    public bool Contains(string key) => Keys.BinarySearch(key, StringComparer.Ordinal) >= 0;

    /// <summary>Returns the touchpoint scorer with <paramref name="key"/>.</summary>
    /// <param name="key">The scorer's key.</param>
    /// <returns>The scorer.</returns>
    /// <exception cref="KeyNotFoundException">No touchpoint scorer has the key; the message lists those that do exist.</exception>
    public ITouchpointScorer GetTouchpointScorer(string key) =>
        TouchpointScorers.FirstOrDefault(s => s.Key == key)
        ?? throw new KeyNotFoundException($"No touchpoint scorer has the key \"{key}\". Registered: {string.Join(", ", TouchpointScorers.Select(s => s.Key))}.");

    /// <summary>Returns the primary-customer strategy with <paramref name="key"/>.</summary>
    /// <param name="key">The strategy's key.</param>
    /// <returns>The strategy.</returns>
    /// <exception cref="KeyNotFoundException">No primary-customer strategy has the key; the message lists those that do exist.</exception>
    public IPrimaryCustomerStrategy GetPrimaryCustomerStrategy(string key) =>
        PrimaryCustomerStrategies.FirstOrDefault(s => s.Key == key)
        ?? throw new KeyNotFoundException($"No primary-customer strategy has the key \"{key}\". Registered: {string.Join(", ", PrimaryCustomerStrategies.Select(s => s.Key))}.");
}
