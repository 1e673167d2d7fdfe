using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PatientCentric.Scoring;

/// <summary>An empty options type whose only purpose is a start-up check: validating it checks that every strategy key
/// in <see cref="PatientCentricOptions"/> names a registered strategy. A separate type, because the strategies themselves
/// depend on <see cref="PatientCentricOptions"/>, so a validator of those options cannot depend on the strategies.</summary>
internal sealed class StrategyKeyCheck;

/// <summary>Fails start-up when a profile enables, or <see cref="PatientCentricOptions.PrimaryCustomerStrategy"/> names, a
/// strategy that is not registered; every failure names the setting's path.</summary>
/// <remarks>The registry is resolved when validating, not when constructed: building it builds the strategies, which read
/// <see cref="PatientCentricOptions"/>, and invalid options must be reported by their own validator, together with any
/// other start-up failure, rather than thrown while the start-up validator is being built.</remarks>
internal sealed class StrategyKeyValidator(IServiceProvider services) : IValidateOptions<StrategyKeyCheck>
{
    public ValidateOptionsResult Validate(string? name, StrategyKeyCheck check)
    {
        PatientCentricOptions options;
        StrategyRegistry registry;
        try
        {
            options = services.GetRequiredService<IOptions<PatientCentricOptions>>().Value;
            registry = services.GetRequiredService<StrategyRegistry>();
        }
        catch (OptionsValidationException)
        {
            return ValidateOptionsResult.Skip;   // PatientCentricOptionsValidator reports these at start-up too
        }
        var errors = Errors(options, registry);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Every strategy key in <paramref name="o"/> that <paramref name="registry"/> lacks, as a message naming
    /// the setting's path; empty when all are registered.</summary>
    internal static List<string> Errors(PatientCentricOptions o, StrategyRegistry registry)
    {
        const string Root = PatientCentricOptions.SectionName;
        var errors = new List<string>();
        foreach (var (key, p) in o.Profiles)
        {
            if (p is null)
                continue;
            for (int i = 0; i < p.EnabledStrategies.Count; i++)
            {
                if (!registry.Contains(p.EnabledStrategies[i]))
                    errors.Add($"{Root}:Profiles:{key}:{nameof(ProfileOptions.EnabledStrategies)}:{i}: \"{p.EnabledStrategies[i]}\" is not a registered strategy; registered: {string.Join(", ", registry.Keys)}.");
            }
        }
        if (!string.IsNullOrWhiteSpace(o.PrimaryCustomerStrategy) && !registry.PrimaryCustomerStrategies.Any(s => s.Key == o.PrimaryCustomerStrategy))
        {
            errors.Add($"{Root}:{nameof(PatientCentricOptions.PrimaryCustomerStrategy)}: \"{o.PrimaryCustomerStrategy}\" is not a registered primary-customer strategy; registered: {string.Join(", ", registry.PrimaryCustomerStrategies.Select(s => s.Key))}.");
        }
        return errors;
    }
}
