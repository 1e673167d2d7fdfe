using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PatientCentric.Scoring;

namespace PatientCentric.Hosting;

/// <summary>Binds <see cref="PatientCentricOptions"/> from one configuration section, and fails start-up validation with
/// every unknown key and every unconvertible value in it, each named by its path. When the section has such an error
/// nothing is bound, so no other message blames a consequence (such as a profile that is then missing).</summary>
internal sealed class PatientCentricConfigurationSetup(IConfiguration section) : IConfigureOptions<PatientCentricOptions>, IValidateOptions<PatientCentricOptions>
{
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "AddPatientCentric(IConfiguration), the only way here, requires unreferenced code.")]
    public void Configure(PatientCentricOptions options)
    {
        if (ConfigurationChecker.Check(section, typeof(PatientCentricOptions)).Count > 0)
            return;   // Validate reports the errors
        section.Bind(options, static b => b.ErrorOnUnknownConfiguration = true);
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "AddPatientCentric(IConfiguration), the only way here, requires unreferenced code.")]
    public ValidateOptionsResult Validate(string? name, PatientCentricOptions options)
    {
        if (name != Options.DefaultName)
            return ValidateOptionsResult.Skip;
        var errors = ConfigurationChecker.Check(section, typeof(PatientCentricOptions));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
