namespace PatientCentric.Customers;

/// <summary>Which of power, legitimacy and urgency a stakeholder has, and the class, group and salience that follow
/// (Mitchell, Agle &amp; Wood 1997; docs/primary-customer.md).</summary>
/// <param name="HasPower">Whether the stakeholder can impose its will on the service line.</param>
/// <param name="HasLegitimacy">Whether its claim is seen as proper or appropriate.</param>
/// <param name="HasUrgency">Whether its claim calls for immediate attention.</param>
/// <remarks>Immutable and thread-safe. Salience is a screen and a reported component, not a ranking by itself.</remarks>
public readonly record struct StakeholderSalience(bool HasPower, bool HasLegitimacy, bool HasUrgency)
{
    /// <summary>The score at or above which an attribute given as a 0..1 score counts as present (docs/primary-customer.md, convention).</summary>
    public const double PresenceThreshold = 0.5;

    /// <summary>Gets the number of attributes present, 0 to 3.</summary>
    public int Salience => (HasPower ? 1 : 0) + (HasLegitimacy ? 1 : 0) + (HasUrgency ? 1 : 0);

    /// <summary>Gets the class from the table in docs/primary-customer.md.</summary>
    public SalienceClass Class => (HasPower, HasLegitimacy, HasUrgency) switch
    {
        (true, true, true) => SalienceClass.Definitive,
        (true, true, false) => SalienceClass.Dominant,
        (true, false, true) => SalienceClass.Dangerous,
        (false, true, true) => SalienceClass.Dependent,
        (true, false, false) => SalienceClass.Dormant,
        (false, true, false) => SalienceClass.Discretionary,
        (false, false, true) => SalienceClass.Demanding,
        _ => SalienceClass.NonStakeholder,
    };

    /// <summary>Gets the group: none (0 attributes), latent (1), expectant (2) or definitive (3).</summary>
    public SalienceGroup Group => (SalienceGroup)Salience;

    /// <summary>Classifies a stakeholder from attribute scores on 0..1; an attribute is present when its score is at
    /// least <see cref="PresenceThreshold"/> (0.5). Booleans map to 1 (present) and 0 (absent).</summary>
    /// <param name="power">Power, 0 to 1 inclusive.</param>
    /// <param name="legitimacy">Legitimacy, 0 to 1 inclusive.</param>
    /// <param name="urgency">Urgency, 0 to 1 inclusive.</param>
    /// <returns>The salience.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A score is not a number from 0 to 1 inclusive.</exception>
    public static StakeholderSalience FromScores(double power, double legitimacy, double urgency) =>
        new(Present(power, nameof(power)), Present(legitimacy, nameof(legitimacy)), Present(urgency, nameof(urgency)));

    private static bool Present(double score, string name) =>
        score is >= 0.0 and <= 1.0
            ? score >= PresenceThreshold
            : throw new ArgumentOutOfRangeException(name, "An attribute score must be a number from 0 to 1 inclusive.");
}
