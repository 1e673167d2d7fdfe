using System.Text.Json;
using PatientCentric.Touchpoints;

namespace PatientCentric.Cli.Eval;

/// <summary><c>review-themes</c>: free-text reviews → pros and cons per commitment, with scrubbed example snippets.</summary>
internal sealed class ReviewThemesMeasure : IEvalMeasure
{
    public string Id => "review-themes";

    public string Description => "Free-text reviews → pros and cons per commitment (negation-aware word lists), with name-scrubbed example snippets.";

    public void Evaluate(RequestObject request, Utf8JsonWriter result)
    {
        var array = request.RequiredArray("reviews");
        int window = RequestValues.OptionalInt(request, "negationWindow", ReviewLexicon.Default.NegationWindow, 1, 5);
        request.RejectUnknownFields();
        var reviews = new List<string>();
        int i = 0;
        foreach (var e in array.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.String)
                throw new EvalInputException($"{RequestObject.Child(request.Path, "reviews")}[{i}]", $"expected a string, got {RequestObject.Describe(e)}.");
            reviews.Add(e.GetString()!);
            i++;
        }
        var themes = new KeywordReviewClassifier(ReviewLexicon.Default with { NegationWindow = window }).Classify(reviews);
        result.WriteStartObject();
        result.WriteNumber("reviews", reviews.Count);
        result.WriteStartArray("themes");
        foreach (var t in themes)
        {
            result.WriteStartObject();
            result.WriteString("commitment", CommitmentRubric.Key(t.Commitment));
            result.WriteNumber("pros", t.Pros);
            result.WriteNumber("cons", t.Cons);
            result.WriteStartArray("proExamples");
            foreach (string s in t.ProExamples) result.WriteStringValue(s);
            result.WriteEndArray();
            result.WriteStartArray("conExamples");
            foreach (string s in t.ConExamples) result.WriteStringValue(s);
            result.WriteEndArray();
            result.WriteEndObject();
        }
        result.WriteEndArray();
        result.WriteEndObject();
    }
}
