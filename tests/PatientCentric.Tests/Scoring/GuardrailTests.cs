using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Touchpoints;
using static PatientCentric.Tests.TestData;

namespace PatientCentric.Tests.Scoring;

public sealed class GuardrailTests
{
    /// <summary>A host's own satisfaction scorer; counts calls so tests can prove the framework never ran it.</summary>
    private sealed class HostSatisfactionScorer : ITouchpointScorer
    {
        public int Calls;
        public string Key => "host-satisfaction";
        public TouchpointKind Kind => TouchpointKind.FollowUp;
        public MeasureCategory Category => MeasureCategory.Satisfaction;

        public ImmutableArray<ScoreCard> Score(PracticeDataSet data, ScoringContext context)
        {
            Interlocked.Increment(ref Calls);
            return [ScoreCard.Ok(Key, context.Scope, 1, ScoreScale.Proportion, 1, 0, [])];
        }
    }

    [Fact]
    public void Score_SatisfactionMeasureOnAPartnerInteraction_IsRefusedByTheFrameworkWithoutCallingTheScorer()
    {
        var scorer = new HostSatisfactionScorer();
        var card = Assert.Single(PracticeEvaluator.Score(scorer, Data(), Context() with { Role = InteractionRole.Partner }));
        Assert.Equal(ScoreStatus.GuardrailBlocked, card.Status);
        Assert.Null(card.Value);
        Assert.Equal("Satisfaction measures (NPS, 0–10 ratings, top-box of ratings) never score clinical (Partner) interactions: satisfaction must not steer clinical care (docs/guardrails.md).", card.StatusReason);
        Assert.Equal(0, scorer.Calls);
    }

    [Fact]
    public void Score_SatisfactionMeasureOnACustomerInteraction_Runs()
    {
        var scorer = new HostSatisfactionScorer();
        Assert.Equal(ScoreStatus.Ok, Assert.Single(PracticeEvaluator.Score(scorer, Data(), Context())).Status);
        Assert.Equal(1, scorer.Calls);
    }

    public static TheoryData<MeasureCategory, InteractionRole, bool> RoleTable => new()
    {
        // DOMAIN.md §1: which scorers may score which role.
        { MeasureCategory.Operational, InteractionRole.Customer, true },
        { MeasureCategory.Operational, InteractionRole.Partner, false },
        { MeasureCategory.Operational, InteractionRole.Employee, false },
        { MeasureCategory.Satisfaction, InteractionRole.Customer, true },
        { MeasureCategory.Satisfaction, InteractionRole.Partner, false },
        { MeasureCategory.Satisfaction, InteractionRole.Employee, false },
        { MeasureCategory.ExperienceReport, InteractionRole.Customer, true },
        { MeasureCategory.ExperienceReport, InteractionRole.Partner, true },
        { MeasureCategory.ExperienceReport, InteractionRole.Employee, false },
        { MeasureCategory.ClinicalQuality, InteractionRole.Customer, false },
        { MeasureCategory.ClinicalQuality, InteractionRole.Partner, true },
        { MeasureCategory.ClinicalQuality, InteractionRole.Employee, false },
        { MeasureCategory.JobPerformance, InteractionRole.Customer, false },
        { MeasureCategory.JobPerformance, InteractionRole.Partner, false },
        { MeasureCategory.JobPerformance, InteractionRole.Employee, true },
    };

    [Theory]
    [MemberData(nameof(RoleTable))]
    public void Permits_FollowsTheDomainRoleTable(MeasureCategory category, InteractionRole role, bool permitted)
    {
        Assert.Equal(permitted, RoleGuardrail.Permits(category, role, out string? reason));
        Assert.Equal(permitted, reason is null);
    }

    [Fact]
    public void Evaluate_PartnerRatingItems_AreBlockedInEveryScope_WhileCustomerItemsAreScored()
    {
        var rating = new SurveyItem("provider-rating", "Rate the provider", SurveyItemKind.Rating, ZeroToTen, InteractionRole.Partner);
        var recommend = new SurveyItem("recommend", "Recommend?", SurveyItemKind.LikelihoodToRecommend, ZeroToTen, InteractionRole.Customer);
        var returns = Enumerable.Range(0, 40).Select(i => Return(i % 2 == 0 ? "provider-rating" : "recommend", "10"));
        using var provider = new ServiceCollection().AddPatientCentric().BuildServiceProvider();
        var evaluation = provider.GetRequiredService<PracticeEvaluator>().Evaluate(Data(items: [rating, recommend], returns: returns), January, Lenient);

        var blocked = evaluation.Cards.Where(c => c.Status == ScoreStatus.GuardrailBlocked).ToList();
        Assert.Equal(3, blocked.Count);   // practice + two service lines
        Assert.All(blocked, c => Assert.Equal("rating", c.MeasureKey));
        Assert.DoesNotContain(evaluation.Cards, c => c.MeasureKey.StartsWith("rating:", StringComparison.Ordinal));
        Assert.Contains(evaluation.Cards, c => c.MeasureKey == "nps:recommend" && c.Status == ScoreStatus.Ok && c.Scope == ScoreScope.Practice);
    }
}
