namespace PatientCentric.Scoring;

/// <summary>What a <see cref="ScoreCard"/> is about: the practice, one service line, one clinician, one patient or one stakeholder.</summary>
/// <param name="Level">The level of aggregation.</param>
/// <param name="Key">The key of the subject at that level, such as a service-line key; <c>"practice"</c> for the practice.</param>
public readonly record struct ScoreScope(ScopeLevel Level, string Key)
{
    /// <summary>Gets the scope of the whole practice.</summary>
    public static ScoreScope Practice { get; } = new(ScopeLevel.Practice, "practice");

    /// <summary>Creates the scope of one service line.</summary>
    /// <param name="key">The service line's key, such as <c>"dermatology"</c>.</param>
    /// <returns>The scope.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is null, empty or white space.</exception>
    public static ScoreScope ServiceLine(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return new(ScopeLevel.ServiceLine, key);
    }

    /// <summary>Creates the scope of one patient.</summary>
    /// <param name="patientKey">The patient's opaque key (a pseudonym).</param>
    /// <returns>The scope.</returns>
    /// <exception cref="ArgumentException"><paramref name="patientKey"/> is null, empty or white space.</exception>
    public static ScoreScope Patient(string patientKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(patientKey);
        return new(ScopeLevel.Patient, patientKey);
    }

    /// <summary>Creates the scope of one stakeholder, a candidate primary customer (docs/primary-customer.md).</summary>
    /// <param name="stakeholderKey">The stakeholder's key, such as <c>"patients"</c> or <c>"acme-health-plan"</c>.</param>
    /// <returns>The scope.</returns>
    /// <exception cref="ArgumentException"><paramref name="stakeholderKey"/> is null, empty or white space.</exception>
    public static ScoreScope Stakeholder(string stakeholderKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stakeholderKey);
        return new(ScopeLevel.Stakeholder, stakeholderKey);
    }

    /// <inheritdoc/>
    public override string ToString() => Level == ScopeLevel.Practice ? Key : $"{Level}:{Key}";
}
