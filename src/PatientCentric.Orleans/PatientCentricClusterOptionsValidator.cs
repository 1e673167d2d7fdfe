using Microsoft.Extensions.Options;

namespace PatientCentric.Orleans;

/// <summary>Validates <see cref="PatientCentricClusterOptions"/> from its annotations (source-generated: no reflection).</summary>
[OptionsValidator]
internal sealed partial class PatientCentricClusterOptionsValidator : IValidateOptions<PatientCentricClusterOptions>;
