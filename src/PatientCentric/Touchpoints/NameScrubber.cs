using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace PatientCentric.Touchpoints;

/// <summary>Removes person names from text before it leaves the library (review snippets), replacing them with
/// <c>[name]</c>. Configurable by regular expressions; the default errs on the side of privacy.</summary>
/// <param name="Patterns">Patterns whose matches are replaced.</param>
public sealed record NameScrubber(ImmutableArray<Regex> Patterns)
{
    /// <summary>The replacement text: <c>[name]</c>.</summary>
    public const string Replacement = "[name]";

    /// <summary>Gets the default rule: a title (Dr, Doctor, Mr, Mrs, Ms, Miss, Nurse, Nurse Practitioner, PA) followed by a
    /// capitalised word or two, and any other capitalised word that does not start a sentence and is not "I". Brand and
    /// place names are scrubbed too: privacy comes first.</summary>
    public static NameScrubber Default { get; } = new(
    [
        new Regex(@"\b(?:Dr|Doctor|Mr|Mrs|Ms|Miss|Nurse(?: Practitioner)?|PA)\.?\s+\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)?", RegexOptions.CultureInvariant),
        new Regex(@"(?<=[\p{L},;:]\s+)(?!I\b)\p{Lu}[\p{L}'-]+", RegexOptions.CultureInvariant),
    ]);

    /// <summary>Replaces every match of every pattern with <see cref="Replacement"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The scrubbed text.</returns>
    public string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var p in Patterns)
            text = p.Replace(text, Replacement);
        return text;
    }
}
