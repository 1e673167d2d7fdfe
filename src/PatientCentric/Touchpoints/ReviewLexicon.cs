using System.Collections.Immutable;

namespace PatientCentric.Touchpoints;

/// <summary>The word lists the default review classifier uses: per commitment, words that praise and words that
/// complain, plus negation words (no published lexicon fits; this is the library's transparent default, and hosts may supply their own).</summary>
/// <param name="Praise">Per commitment, lower-case words or phrases that praise it.</param>
/// <param name="Complaint">Per commitment, lower-case words or phrases that complain about it.</param>
/// <param name="Negations">Lower-case words that flip the polarity of a match within <paramref name="NegationWindow"/> words before it.</param>
/// <param name="NegationWindow">How many words before a match a negation reaches, 1 to 5. Default 3.</param>
public sealed record ReviewLexicon(ImmutableDictionary<Commitment, ImmutableArray<string>> Praise,
                                   ImmutableDictionary<Commitment, ImmutableArray<string>> Complaint,
                                   ImmutableArray<string> Negations, int NegationWindow = 3)
{
    /// <summary>Gets the default lexicon.</summary>
    public static ReviewLexicon Default { get; } = new(
        new Dictionary<Commitment, ImmutableArray<string>>
        {
            [Commitment.Compassion] = ["kind", "caring", "compassionate", "gentle", "empathetic", "listened", "understanding", "warm", "friendly"],
            [Commitment.SafeEnvironment] = ["clean", "safe", "hygienic", "sterile", "spotless", "tidy"],
            [Commitment.Trust] = ["honest", "trust", "trustworthy", "transparent", "confident", "reliable", "no pressure"],
            [Commitment.Engagement] = ["explained", "informative", "answered", "thorough", "followed up", "involved", "clear"],
            [Commitment.RespectingTime] = ["on time", "punctual", "prompt", "quick", "efficient", "no wait"],
            [Commitment.ValueAddedServices] = ["complimentary", "convenient", "parking", "comfortable", "extra", "refreshments"],
        }.ToImmutableDictionary(),
        new Dictionary<Commitment, ImmutableArray<string>>
        {
            [Commitment.Compassion] = ["rude", "cold", "dismissive", "uncaring", "condescending", "unfriendly"],
            [Commitment.SafeEnvironment] = ["dirty", "unsafe", "unsanitary", "unclean", "infection"],
            [Commitment.Trust] = ["pushy", "upsell", "upsold", "dishonest", "misleading", "hidden fees", "scam"],
            [Commitment.Engagement] = ["confusing", "ignored", "unanswered", "never called", "no explanation", "unclear"],
            [Commitment.RespectingTime] = ["waited", "wait", "late", "delay", "delayed", "rushed", "slow"],
            [Commitment.ValueAddedServices] = ["no parking", "uncomfortable", "inconvenient", "overpriced"],
        }.ToImmutableDictionary(),
        ["not", "no", "never", "hardly", "isn't", "wasn't", "weren't", "didn't", "don't", "doesn't", "without", "nobody", "nothing", "none", "nor"]);
}
