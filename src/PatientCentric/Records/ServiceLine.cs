namespace PatientCentric.Records;

/// <summary>One service line of the practice (such as dermatology or primary care).</summary>
/// <param name="Key">The stable kebab-case key that records refer to.</param>
/// <param name="Name">The display name.</param>
public sealed record ServiceLine(string Key, string Name);
