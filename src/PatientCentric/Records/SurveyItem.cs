using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace PatientCentric.Records;

/// <summary>One question of the practice's survey: its answer categories, how it is scored, and which interaction it asks about.</summary>
/// <param name="Key">The item's stable key, used as the answer's key in <see cref="SurveyReturn.Answers"/> (FHIR: <c>QuestionnaireResponse.item.linkId</c>).</param>
/// <param name="Text">The question as asked, for reports.</param>
/// <param name="Kind">How the item is scored.</param>
/// <param name="Categories">The answer categories from least to most positive; a 0–10 item lists <c>"0"</c>…<c>"10"</c>.</param>
/// <param name="AboutRole">The role of the interaction the item asks about; satisfaction items about a Partner (clinical) interaction are never scored (docs/guardrails.md).</param>
/// <param name="Composite">The key of the composite the item belongs to, such as <c>"office-staff"</c>, or <see langword="null"/>.</param>
public sealed record SurveyItem(string Key, string Text, SurveyItemKind Kind, ImmutableArray<string> Categories,
                                Scoring.InteractionRole AboutRole, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Composite = null)
{
    /// <summary>Gets the answer categories from least to most positive.</summary>
    public ImmutableArray<string> Categories { get; init; } = Categories.IsDefault ? [] : Categories;
}
