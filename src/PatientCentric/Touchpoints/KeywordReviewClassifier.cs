using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace PatientCentric.Touchpoints;

/// <summary>The transparent default review classifier: per sentence, a word or phrase from the lexicon counts as praise or
/// complaint for its commitment, flipped when a negation word comes within the negation window before it ("not rude" is
/// praise, "didn't wait" is praise, "not clean" a complaint). A review counts at most once as a pro and once as a con per
/// commitment. Person names are scrubbed from each review by <see cref="NameScrubber"/> before anything else; example
/// snippets are the matching sentence of the scrubbed text, shortened to 120 characters.</summary>
public sealed partial class KeywordReviewClassifier : IReviewClassifier
{
    private const int MaxExamples = 3;
    private const int MaxSnippet = 120;
    private readonly ReviewLexicon _lexicon;
    private readonly NameScrubber _scrubber;

    /// <summary>Initializes the classifier.</summary>
    /// <param name="lexicon">The word lists; <see cref="ReviewLexicon.Default"/> when <see langword="null"/>.</param>
    /// <param name="scrubber">The name-scrubbing rule; <see cref="NameScrubber.Default"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The lexicon's negation window is outside 1..5.</exception>
    public KeywordReviewClassifier(ReviewLexicon? lexicon = null, NameScrubber? scrubber = null)
    {
        _lexicon = lexicon ?? ReviewLexicon.Default;
        _scrubber = scrubber ?? NameScrubber.Default;
        if (_lexicon.NegationWindow is < 1 or > 5)
            throw new ArgumentOutOfRangeException(nameof(lexicon), _lexicon.NegationWindow, "The negation window must be from 1 to 5 words.");
    }

    /// <inheritdoc/>
    public ImmutableArray<ReviewTheme> Classify(IReadOnlyList<string> reviews)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        var commitments = Enum.GetValues<Commitment>();
        var pros = new int[commitments.Length];
        var cons = new int[commitments.Length];
        var proExamples = commitments.Select(_ => new List<string>()).ToArray();
        var conExamples = commitments.Select(_ => new List<string>()).ToArray();
        foreach (string review in reviews)
        {
            if (string.IsNullOrWhiteSpace(review))
                continue;
            var seenPro = new bool[commitments.Length];
            var seenCon = new bool[commitments.Length];
            // Names are scrubbed from the whole review first, so an abbreviation such as "Dr." cannot split a name across sentences.
            foreach (string sentence in Sentences().Split(_scrubber.Scrub(review)).Where(s => !string.IsNullOrWhiteSpace(s)))
            {
                string[] words = [.. Words().Matches(sentence.ToLowerInvariant()).Select(m => m.Value)];
                foreach (var c in commitments)
                {
                    int i = (int)c;
                    foreach (var (phrase, praise) in _lexicon.Praise.GetValueOrDefault(c, []).Select(p => (p, true))
                                 .Concat(_lexicon.Complaint.GetValueOrDefault(c, []).Select(p => (p, false))))
                    {
                        int at = Find(words, phrase);
                        if (at < 0)
                            continue;
                        bool positive = Negated(words, at) ? !praise : praise;
                        if (positive && !seenPro[i])
                        {
                            seenPro[i] = true;
                            pros[i]++;
                            if (proExamples[i].Count < MaxExamples) proExamples[i].Add(Snippet(sentence));
                        }
                        else if (!positive && !seenCon[i])
                        {
                            seenCon[i] = true;
                            cons[i]++;
                            if (conExamples[i].Count < MaxExamples) conExamples[i].Add(Snippet(sentence));
                        }
                    }
                }
            }
        }
        return [.. commitments.Select(c => new ReviewTheme(c, pros[(int)c], cons[(int)c], [.. proExamples[(int)c]], [.. conExamples[(int)c]]))];
    }

    private bool Negated(string[] words, int at)
    {
        for (int k = Math.Max(0, at - _lexicon.NegationWindow); k < at; k++)
        {
            if (_lexicon.Negations.Contains(words[k]))
                return true;
        }
        return false;
    }

    // The index of the phrase's first word in the sentence's words, or −1.
    private static int Find(string[] words, string phrase)
    {
        string[] parts = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i + parts.Length <= words.Length; i++)
        {
            bool match = true;
            for (int j = 0; j < parts.Length && match; j++)
                match = words[i + j] == parts[j];
            if (match)
                return i;
        }
        return -1;
    }

    private static string Snippet(string sentence)
    {
        string s = sentence.Trim();
        return s.Length <= MaxSnippet ? s : string.Concat(s.AsSpan(0, MaxSnippet - 1), "…");
    }

    [GeneratedRegex(@"(?<=[.!?])\s+|\n+", RegexOptions.CultureInvariant)]
    private static partial Regex Sentences();

    [GeneratedRegex(@"[\p{L}']+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
