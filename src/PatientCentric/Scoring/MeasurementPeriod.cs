using System.Text.Json.Serialization;

namespace PatientCentric.Scoring;

/// <summary>A measurement period <c>[Start, End]</c> of local dates, both ends inclusive (docs/measures.md#conventions).</summary>
/// <remarks>Immutable. The default value is the single day 0001-01-01.</remarks>
public readonly record struct MeasurementPeriod
{
    /// <summary>Initializes a period.</summary>
    /// <param name="start">The first local date in the period.</param>
    /// <param name="end">The last local date in the period; on or after <paramref name="start"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    [JsonConstructor]
    public MeasurementPeriod(DateOnly start, DateOnly end)
    {
        if (end < start)
            throw new ArgumentOutOfRangeException(nameof(end), $"The period's end must be on or after its start ({start:yyyy-MM-dd}).");
        Start = start;
        End = end;
    }

    /// <summary>Gets the first local date in the period.</summary>
    public DateOnly Start { get; }

    /// <summary>Gets the last local date in the period (inclusive).</summary>
    public DateOnly End { get; }

    /// <summary>Gets the number of days in the period, counting both ends (1 or more).</summary>
    [JsonIgnore]
    public int LengthDays => End.DayNumber - Start.DayNumber + 1;

    /// <summary>Returns whether <paramref name="date"/> lies in the period, ends included.</summary>
    /// <param name="date">A local date.</param>
    /// <returns><see langword="true"/> if <c>Start ≤ date ≤ End</c>.</returns>
    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <inheritdoc/>
    public override string ToString() => $"{Start:yyyy-MM-dd}..{End:yyyy-MM-dd}";
}
