using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace PatientCentric.Scoring;

/// <summary>Validates <see cref="PatientCentricOptions"/> at start-up: the active profile exists, every declared
/// profile's weights are finite, non-negative and not all zero (docs/measures.md#conventions, weights), minimum evidence is at least 1,
/// and job settings are in range. Every failure names the setting's full path and value. (Whether enabled strategies are
/// registered is checked by <see cref="ProfileCatalog"/>: strategies depend on these options, so this validator cannot
/// depend on them.)</summary>
/// <remarks>Hand-written rather than generated from attributes because profiles live in a dictionary, whose entries the
/// <c>[OptionsValidator]</c> generator cannot name by path.</remarks>
internal sealed partial class PatientCentricOptionsValidator : IValidateOptions<PatientCentricOptions>
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
            foreach (var (measure, target) in profile.Targets)
            {
                if (target is null || !double.IsFinite(target.Target))
                    errors.Add($"{path}:Targets:{measure}:Target: must be a finite number.");
            }
            CheckMinimum(errors, $"{path}:{nameof(ProfileOptions.MinimumRateEvents)}", profile.MinimumRateEvents, "events");
            CheckMinimum(errors, $"{path}:{nameof(ProfileOptions.MinimumSurveyResponses)}", profile.MinimumSurveyResponses, "responses");
            CheckMinimum(errors, $"{path}:{nameof(ProfileOptions.MinimumDurationObservations)}", profile.MinimumDurationObservations, "observations");
        }
        CheckJobs(errors, options.Jobs, $"{Root}:Jobs");
        CheckTrends(errors, options.Trends, $"{Root}:Trends");
        var commitmentKeys = Enum.GetValues<Touchpoints.Commitment>().Select(Touchpoints.CommitmentRubric.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (commitment, measures) in options.Commitments)
        {
            string path = $"{Root}:Commitments:{commitment}";
            if (!commitmentKeys.Contains(commitment))
                errors.Add($"{path}: not a commitment; one of {string.Join(", ", commitmentKeys)}.");
            for (int i = 0; i < (measures?.Count ?? 0); i++)
            {
                var m = measures![i];
                if (string.IsNullOrWhiteSpace(m.Key))
                    errors.Add($"{path}:{i}:Key: must name a measure.");
                if (!double.IsFinite(m.Worst) || !double.IsFinite(m.Best) || m.Worst == m.Best)
                    errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}:{i}:Best: must be finite and differ from Worst ({m.Worst}), but is {m.Best}."));
                if (!double.IsFinite(m.Weight) || m.Weight < 0)
                    errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}:{i}:Weight: must be a finite number of 0 or more, but is {m.Weight}."));
            }
        }
        if (string.IsNullOrWhiteSpace(options.PrimaryCustomerStrategy))
            errors.Add($"{Root}:PrimaryCustomerStrategy: must name a primary-customer strategy, but is empty.");
        if (string.IsNullOrWhiteSpace(options.Profile))
            errors.Add($"{Root}:Profile: must name a profile, but is empty.");
        else if (!options.Profiles.ContainsKey(options.Profile) && !BuiltInProfiles.All.ContainsKey(options.Profile))
            errors.Add($"{Root}:Profile: \"{options.Profile}\" is neither a built-in profile ({string.Join(", ", BuiltInProfiles.All.Keys.Order(StringComparer.Ordinal))}) nor declared under {Root}:Profiles.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckJobs(List<string> errors, Jobs.JobOptions? jobs, string path)
    {
        if (jobs is null)
        {
            errors.Add($"{path}: must not be null.");
            return;
        }
        void Range(string name, double value, double min, double max, string unit)
        {
            if (!double.IsFinite(value) || value < min || value > max)
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}:{name}: must be from {min} to {max}{unit}, but is {value}."));
        }
        Range(nameof(jobs.AdherenceThreshold), jobs.AdherenceThreshold, 0, 1, "");
        Range(nameof(jobs.MinimumFills), jobs.MinimumFills, 1, 1000, " fills");
        Range(nameof(jobs.ReferralWindowDays), jobs.ReferralWindowDays, 0, 365, " days");
        Range(nameof(jobs.GraceDays), jobs.GraceDays, 0, 365, " days");
        Range(nameof(jobs.MissedAfterDays), jobs.MissedAfterDays, 0, 365, " days");
        Range(nameof(jobs.SupportThreshold), jobs.SupportThreshold, 0, 1, "");
        Range(nameof(jobs.MinimumRatings), jobs.MinimumRatings, 1, 1000, " ratings");
        Range(nameof(jobs.RatingPriorMean), jobs.RatingPriorMean, 1, 5, "");
        Range(nameof(jobs.RatingPriorWeight), jobs.RatingPriorWeight, 0, 1000, "");
        Range(nameof(jobs.RatingSupportBelow), jobs.RatingSupportBelow, 1, 5, "");
        foreach (var (ingredient, cls) in jobs.DrugClasses)
        {
            if (string.IsNullOrWhiteSpace(cls) || !KebabCase().IsMatch(cls))
                errors.Add($"{path}:DrugClasses:{ingredient}: the class key must be kebab-case, such as \"statins\".");
        }
    }

    private static void CheckTrends(List<string> errors, TrendOptions? trends, string path)
    {
        if (trends is null)
        {
            errors.Add($"{path}: must not be null.");
            return;
        }
        if (!Enum.IsDefined(trends.Grain))
            errors.Add($"{path}:Grain: must be one of {string.Join(", ", Enum.GetNames<PeriodGrain>())}.");
        foreach (var (key, measure) in trends.Measures)
        {
            string at = $"{path}:Measures:{key}";
            if (string.IsNullOrWhiteSpace(key))
                errors.Add($"{at}: the measure key must not be empty.");
            if (measure is null)
                continue;
            if (measure.Kind is { } k && !Enum.IsDefined(k))
                errors.Add($"{at}:Kind: must be one of {string.Join(", ", Enum.GetNames<MeasureKind>())}.");
            if (measure.Direction is { } d && !Enum.IsDefined(d))
                errors.Add($"{at}:Direction: must be one of {string.Join(", ", Enum.GetNames<Control.ImprovementDirection>())}.");
            if (measure.Chart is not { } chart)
                continue;
            // The kind the chart must fit: the override's, else the catalog's (own key, then family).
            int colon = key.IndexOf(':', StringComparison.Ordinal);
            var familyKind = colon > 0 && trends.Measures.TryGetValue(key[..colon], out var family) ? family?.Kind : null;
            var kind = measure.Kind ?? familyKind ?? MeasureCatalog.KindOf(key);
            if (!Enum.IsDefined(chart))
                errors.Add($"{at}:Chart: must be one of {string.Join(", ", Enum.GetNames<Control.SpcChartKind>())}.");
            else if (kind is null)
                errors.Add($"{at}:Chart: the library does not know the kind of \"{key}\"; set {at}:Kind as well.");
            else if (Enum.IsDefined(kind.Value) && !MeasureTraits.Fits(kind.Value, chart))
                errors.Add($"{at}:Chart: a {chart} chart cannot show a {kind} measure; use one of {string.Join(", ", MeasureTraits.ChartsFor(kind.Value))}.");
        }
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
