using PatientCentric.Touchpoints;

namespace PatientCentric.Tests.Touchpoints;

public sealed class ReviewClassifierTests
{
    private static ReviewTheme Theme(IReadOnlyList<string> reviews, Commitment c) => new KeywordReviewClassifier().Classify(reviews)[(int)c];

    [Fact]
    public void PraiseAndComplaint_AreCountedPerCommitment_OncePerReview()
    {
        var reviews = new[] { "The staff were kind and caring. Very kind!", "Front desk was rude.", "We waited an hour. Then waited more." };
        Assert.Equal((1, 1), (Theme(reviews, Commitment.Compassion).Pros, Theme(reviews, Commitment.Compassion).Cons));
        Assert.Equal((0, 1), (Theme(reviews, Commitment.RespectingTime).Pros, Theme(reviews, Commitment.RespectingTime).Cons));
    }

    [Theory]
    [InlineData("The nurse was not rude at all.", Commitment.Compassion, 1, 0)]       // negated complaint → praise
    [InlineData("The room was not clean.", Commitment.SafeEnvironment, 0, 1)]         // negated praise → complaint
    [InlineData("I didn't have to wait.", Commitment.RespectingTime, 1, 0)]
    [InlineData("Started on time, very punctual.", Commitment.RespectingTime, 1, 0)]  // a phrase of two words
    [InlineData("Rude? Not here; everyone was friendly.", Commitment.Compassion, 1, 1)]
    [InlineData("Nobody answered my message; it was ignored.", Commitment.Engagement, 0, 1)]   // "nobody answered" is a complaint
    public void Negation_FlipsPolarityWithinTheWindow(string review, Commitment c, int pros, int cons)
    {
        var t = Theme([review], c);
        Assert.Equal((pros, cons), (t.Pros, t.Cons));
    }

    [Fact]
    public void Snippets_AreScrubbedOfNames()
    {
        var t = Theme(["Dr. Amelia Watson listened and was so kind. Ask for Jordan at the desk."], Commitment.Compassion);
        string snippet = Assert.Single(t.ProExamples);
        Assert.Equal("[name] listened and was so kind.", snippet);
        Assert.Equal("Ask for [name] at the desk, I said.", NameScrubber.Default.Scrub("Ask for Jordan at the desk, I said."));
        Assert.DoesNotContain("Watson", string.Join(" ", new KeywordReviewClassifier().Classify(["Nurse Watson was kind."]).SelectMany(x => x.ProExamples)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Watson was rude to me.", "[name] was rude to me.")]                        // a surname starting a sentence
    [InlineData("Great visit. Watson was late.", "Great visit. [name] was late.")]
    [InlineData("dr. amelia watson listened.", "[name] listened.")]                        // a lower-case title and name
    [InlineData("ask for mr smith at the desk.", "ask for [name] at the desk.")]
    [InlineData("Dr. Wat\u200Bson was kind.", "[name] was kind.")]                         // a zero-width space inside the name
    [InlineData("Ask for Wat\u200Bson at the desk.", "Ask for [name] at the desk.")]
    [InlineData("Ask for \uFF2Aordan at the desk.", "Ask for [name] at the desk.")]      // a full-width capital
    [InlineData("Rude staff. The wait was long. Everyone was kind.", "Rude staff. The wait was long. Everyone was kind.")]
    public void DefaultScrubber_RemovesNamesThatUsedToSlipThrough(string text, string expected) =>
        Assert.Equal(expected, NameScrubber.Default.Scrub(text));

    [Fact]
    public void Snippets_AreShortened()
    {
        string longSentence = "Everyone was kind " + string.Concat(Enumerable.Repeat("and thoughtful ", 20)) + "today.";
        Assert.True(Theme([longSentence], Commitment.Compassion).ProExamples[0].Length <= 120);
    }

    [Fact]
    public void EmptyReviews_AreIgnored() => Assert.All(new KeywordReviewClassifier().Classify(["", "  "]), t => Assert.Equal((0, 0), (t.Pros, t.Cons)));
}
