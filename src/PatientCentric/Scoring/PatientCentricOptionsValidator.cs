using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace PatientCentric.Scoring;

/// <summary>Validates <see cref="PatientCentricOptions"/> at start-up: the active profile exists, every declared
/// profile's weights are finite, non-negative and not all zero (DOMAIN.md §0 Weights), minimum evidence is at least 1,
/// and every enabled strategy is registered. Every failure names the setting's full path and value.</summary>
/// <remarks>Hand-written rather than generated from attributes because profiles live in a dictionary, whose entries the
/// <c>[OptionsValidator]</c> generator cannot name by path.</remarks>
internal sealed partial class PatientCentricOptionsValidator(StrategyRegistry registry) : IValidateOptions<PatientCentricOptions>
{
    public ValidateOptionsResult Validate(string? name, PatientCentricOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        const string Root = PatientCentricOptions.SectionName;
        foreach (var (key, profile) in options.Profiles)
        {
            string path = $"{Root}:Profiles:{key}";
            if (!KebabCase().IsMatch(key))
                errors.Add($"{path}: the profile key must be kebab-case (lower-case letters, digits and single hyphens).");
            if (profile is null)
            {
                errors.Add($"{path}: the profile is empty.");
                continue;
            }
            CheckWeight(errors, $"{path}:{nameof(ProfileOptions.CustomerServiceWeight)}", profile.CustomerServiceWeight);
            CheckWeight(errors, $"{path}:{nameof(ProfileOptions.QualityOfCareWeight)}", profile.QualityOfCareWeight);
            CheckWeight(errors, $"{path}:{nameof(ProfileOptions.CostEffectivenessWeight)}", profile.CostEffectivenessWeight);
            if (profile.CustomerServiceWeight == 0 && profile.QualityOfCareWeight == 0 && profile.CostEffectivenessWeight == 0)
                errors.Add($"{path}: at least one of CustomerServiceWeight, QualityOfCareWeight and CostEffectivenessWeight must be above 0, but all are 0.");
            CheckMinimum(errors, $"{path}:{nameof(ProfileOptions.MinimumRateEvents)}", profile.MinimumRateEvents, "events");
            CheckMinimum(errors, $"{path}:{nameof(ProfileOptions.MinimumSurveyResponses)}", profile.MinimumSurveyResponses, "responses");
            CheckMinimum(errors, $"{path}:{nameof(ProfileOptions.MinimumDurationObservations)}", profile.MinimumDurationObservations, "observations");
            for (int i = 0; i < profile.EnabledStrategies.Count; i++)
            {
                string strategy = profile.EnabledStrategies[i];
                if (!registry.Contains(strategy))
                    errors.Add($"{path}:{nameof(ProfileOptions.EnabledStrategies)}:{i}: \"{strategy}\" is not a registered strategy; registered: {string.Join(", ", registry.Keys)}.");
            }
        }
        if (string.IsNullOrWhiteSpace(options.Profile))
            errors.Add($"{Root}:Profile: must name a profile, but is empty.");
        else if (!options.Profiles.ContainsKey(options.Profile) && !BuiltInProfiles.All.ContainsKey(options.Profile))
            errors.Add($"{Root}:Profile: \"{options.Profile}\" is neither a built-in profile ({string.Join(", ", BuiltInProfiles.All.Keys.Order(StringComparer.Ordinal))}) nor declared under {Root}:Profiles.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckWeight(List<string> errors, string path, double weight)
    {
        if (!double.IsFinite(weight) || weight < 0)
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}: must be a finite number of 0 or more, but is {weight}."));
    }

    private static void CheckMinimum(List<string> errors, string path, int value, string unit)
    {
        if (value < 1)
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}: must be 1 or more {unit}, but is {value}."));
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KebabCase();
}
