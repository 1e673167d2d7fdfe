using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PatientCentric.Touchpoints;

/// <summary>Removes person names from text before it leaves the library (review snippets), replacing them with
/// <c>[name]</c>. Configurable by regular expressions; the default errs on the side of privacy.</summary>
/// <param name="Patterns">Patterns whose matches are replaced.</param>
public sealed record NameScrubber(ImmutableArray<Regex> Patterns)
{
    /// <summary>The replacement text: <c>[name]</c>.</summary>
    public const string Replacement = "[name]";

    /// <summary>Words that often start a sentence and are never taken for a name there (any case); the review lexicon's
    /// words are added to them.</summary>
    private static readonly string[] CommonWords =
    [
        "a", "about", "after", "again", "all", "also", "always", "an", "and", "another", "any", "anyone", "anything", "are", "as", "at", "back", "be", "because", "been", "before", "being", "best", "better", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "done", "during", "each", "either", "else", "even", "ever", "every", "everyone", "everything", "excellent", "few", "first", "for", "from", "friendly", "front", "get", "getting", "go", "good", "great", "had", "has", "have", "having", "he", "her", "here", "hers", "highly", "him", "his", "how", "however", "i", "if", "in", "instead", "is", "it", "its", "just", "last", "less", "let", "like", "made", "make", "many", "may", "me", "more", "most", "much", "must", "my", "never", "next", "nice", "no", "nobody", "none", "nor", "not", "nothing", "now", "of", "off", "often", "oh", "ok", "okay", "on", "once", "one", "only", "or", "other", "our", "out", "over", "overall", "perhaps", "please", "plus", "quite", "rather", "really", "same", "she", "should", "since", "so", "some", "someone", "something", "sometimes", "soon", "still", "such", "than", "thank", "thanks", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "though", "through", "thus", "to", "today", "too", "totally", "truly", "two", "under", "unfortunately", "until", "up", "upon", "us", "very", "was", "we", "well", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "wow", "yes", "yet", "you", "your", "staff", "reception", "receptionist", "office", "clinic", "front", "desk", "appointment", "appointments", "visit", "doctors", "nurses", "everybody", "parking", "booking", "billing", "bill", "wait", "waiting", "waited", "service", "care", "team",
        "ask", "asked", "started", "start", "starting", "then", "free", "front", "everything", "came", "come", "called", "call", "went", "go", "took", "told", "said", "says", "love", "loved", "recommend", "recommended", "would", "will", "wonderful", "amazing", "terrible", "awful", "horrible", "worst", "easy", "hard", "fast", "long", "short", "super", "absolutely", "definitely", "probably", "maybe", "honestly", "sadly", "luckily", "finally", "again", "almost", "already", "although", "around", "away", "since", "hopefully", "otherwise", "still", "next", "later", "earlier", "yesterday", "tomorrow", "tonight", "morning", "afternoon", "evening", "week", "month", "year", "hour", "minutes", "hours", "days", "times", "time", "room", "exam", "phone", "portal", "message", "messages", "price", "prices", "cost", "costs", "fees", "insurance", "online", "check", "lots", "thankfully", "lovely", "horrible", "happy", "unhappy", "glad", "sorry", "disappointed", "impressed", "pleased", "satisfied", "frustrated", "appointment", "great",
    ];

    /// <summary>Gets the default rule, which errs on the side of privacy (brand and place names are scrubbed too):
    /// <list type="bullet">
    /// <item>a title (Dr, Mr, Mrs, Ms, Mx in any case, with or without a full stop) and the one or two words after it, in any
    /// case ("dr. amelia watson");</item>
    /// <item>a title word (Doctor, Nurse, Nurse Practitioner, Miss, PA, any case) followed by a capitalised word or two;</item>
    /// <item>any capitalised word that does not start a sentence and is not "I";</item>
    /// <item>a capitalised word that starts a sentence, unless it is a common word or one of the review lexicon's words
    /// ("Watson was late." is scrubbed, "Rude staff." is not).</item>
    /// </list>
    /// Before matching, <see cref="Scrub"/> removes invisible format characters (a zero-width space inside a name) and folds
    /// compatibility forms (full-width letters), so neither hides a name.</summary>
    public static NameScrubber Default { get; } = CreateDefault();

    private static NameScrubber CreateDefault()
    {
        var words = CommonWords.Concat(ReviewLexicon.Default.Praise.Values.Concat(ReviewLexicon.Default.Complaint.Values).SelectMany(w => w))
            .Concat(ReviewLexicon.Default.Negations)
            .Where(w => !w.Contains(' ', StringComparison.Ordinal))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(Regex.Escape);
        string common = $"(?i:(?:{string.Join("|", words)}))(?![\\p{{L}}'-])";
        const string Word = @"\p{L}[\p{L}'-]*";
        return new(
        [
            new Regex($@"\b(?i:dr|mr|mrs|ms|mx)\b\.?\s+(?!{common}){Word}(?:\s+(?!{common}){Word})?", RegexOptions.CultureInvariant),
            new Regex(@"\b(?i:doctor|nurse(?: practitioner)?|miss|pa)\b\.?\s+\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)?", RegexOptions.CultureInvariant),
            new Regex(@"(?<=[\p{L},;:]\s+)(?!I\b)\p{Lu}[\p{L}'-]+", RegexOptions.CultureInvariant),
            new Regex($@"(?<=(?:^|[.!?][""')\]]?\s+))(?!{common})\p{{Lu}}[\p{{L}}'-]*", RegexOptions.CultureInvariant),
        ]);
    }

    /// <summary>Replaces every match of every pattern with <see cref="Replacement"/>, after removing invisible format
    /// characters (Unicode category Cf, such as U+200B) and applying compatibility normalisation (NFKC).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The scrubbed text.</returns>
    public string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Any(c => char.GetUnicodeCategory(c) == UnicodeCategory.Format))
            text = string.Concat(text.Where(c => char.GetUnicodeCategory(c) != UnicodeCategory.Format));
        if (!text.IsNormalized(NormalizationForm.FormKC))
            text = text.Normalize(NormalizationForm.FormKC);
        foreach (var p in Patterns)
            text = p.Replace(text, Replacement);
        return text;
    }
}
