using PatientCentric.Records;

namespace PatientCentric.Touchpoints;

/// <summary>Marks a built-in scorer that reads survey items of one kind, so the framework knows which interaction
/// roles its input covers (the <see cref="SurveyItem.AboutRole"/> of those items) and checks the guardrail for each.</summary>
internal interface ISurveyItemReader
{
    /// <summary>Gets the kind of survey item the scorer reads.</summary>
    SurveyItemKind ItemKind { get; }
}
