namespace PatientCentric.Scoring;

/// <summary>One weekly opening interval of a practice, in local time: open from <paramref name="Opens"/> to
/// <paramref name="Closes"/> on <paramref name="Day"/>.</summary>
/// <param name="Day">The weekday.</param>
/// <param name="Opens">The local opening time.</param>
/// <param name="Closes">The local closing time; after <paramref name="Opens"/> (intervals do not cross midnight).</param>
public readonly record struct OpeningInterval(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);
