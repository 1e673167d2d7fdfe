namespace PatientCentric.Scoring;

/// <summary>The minimum evidence each measure family needs before a score card carries a value; below it the card is
/// <see cref="ScoreStatus.InsufficientData"/> (docs/measures.md#conventions, minimum evidence; all host-configured).</summary>
/// <param name="RateEvents">Events in a rate's denominator (no-show, clean claims, closure). Default 20.</param>
/// <param name="SurveyResponses">Valid responses to a survey item, composite or NPS. Default 30.</param>
/// <param name="DurationObservations">Observations behind a duration statistic (median, P90). Default 10.</param>
public sealed record EvidenceMinimums(int RateEvents = 20, int SurveyResponses = 30, int DurationObservations = 10)
{
    /// <summary>Gets the library's defaults: 20 rate events, 30 survey responses, 10 duration observations.</summary>
    public static EvidenceMinimums Default { get; } = new();
}
