namespace PatientCentric.Scoring;

/// <summary>Everything a strategy needs besides its input: the period, "now", the practice's time zone, the profile,
/// the scope being scored and the role of the interactions (strategies have no clock of their own).</summary>
/// <param name="Period">The measurement period in local dates.</param>
/// <param name="AsOf">The evaluation instant, read once per run from a <see cref="TimeProvider"/>.</param>
/// <param name="TimeZone">The practice's time zone; all date arithmetic happens in it (docs/measures.md#conventions).</param>
/// <param name="Profile">The profile in force.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ScoringContext(MeasurementPeriod Period, DateTimeOffset AsOf, TimeZoneInfo TimeZone, Profile Profile)
{
    /// <summary>Gets what is being scored.</summary>
    /// <value>The default is <see cref="ScoreScope.Practice"/>.</value>
    public ScoreScope Scope { get; init; } = ScoreScope.Practice;

    /// <summary>Gets the role the patient plays in the interactions being scored.</summary>
    /// <value>The default is <see cref="InteractionRole.Customer"/>.</value>
    public InteractionRole Role { get; init; } = InteractionRole.Customer;

    /// <summary>Converts an instant to the practice's local date.</summary>
    /// <param name="instant">An instant with its offset.</param>
    /// <returns>The local date in <see cref="TimeZone"/>.</returns>
    public DateOnly LocalDate(DateTimeOffset instant) => CalendarMath.LocalDate(instant, TimeZone);

    /// <summary>Returns <c>days(a, b) = localDate(b) − localDate(a)</c> in whole days (same day = 0) (docs/measures.md#conventions).</summary>
    /// <param name="a">The earlier instant.</param>
    /// <param name="b">The later instant.</param>
    /// <returns>The signed number of local calendar days from <paramref name="a"/> to <paramref name="b"/>.</returns>
    public int DaysBetween(DateTimeOffset a, DateTimeOffset b) => LocalDate(b).DayNumber - LocalDate(a).DayNumber;
}
