using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;
using static PatientCentric.Scoring.InvariantText;

namespace PatientCentric.Touchpoints;

/// <summary>Billing moments of truth from claims (DOMAIN.md §2.4; HFMA MAP Keys): <c>clean-claim-rate</c> = claims that
/// passed every edit with no manual intervention ÷ claims first submitted in the period; <c>initial-denial-rate</c> =
/// claims with any line denied at first adjudication ÷ claims adjudicated in the period (by remittance date).</summary>
/// <remarks>Each claim counts once, at first submission (a claim held, edited, rejected and resubmitted is not clean even
/// if later paid). A partial denial counts as denied (convention). Claims adjudicated before they were submitted are
/// invalid and excluded.</remarks>
internal sealed class ClaimsScorer : ITouchpointScorer
{
    public const string CleanClaimKey = "clean-claim-rate";
    public const string DenialKey = "initial-denial-rate";

    public string Key => "claims";

    public TouchpointKind Kind => TouchpointKind.Billing;

    public MeasureCategory Category => MeasureCategory.Operational;

    public ImmutableArray<ScoreCard> Score(PracticeDataSet data, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(context);
        if (data.Claims.IsEmpty)
            return [];
        var c = ClaimRates.Count(data.Claims, context.Period);
        int minimum = context.Profile.MinimumEvidence.RateEvents;
        var exclusions = new ExclusionTally();
        for (int i = 0; i < c.Invalid; i++)
            exclusions.Add("adjudicated-before-submitted", "the claim is adjudicated before its first submission");
        ScoreCard Rate(string key, int numerator, int denominator, string numeratorText, string denominatorText)
        {
            var components = ImmutableArray.CreateBuilder<ScoreComponent>();
            components.Add(ScoreComponent.Describe("numerator", numerator, ScoreScale.Count, numeratorText));
            components.Add(ScoreComponent.Describe("denominator", denominator, ScoreScale.Count, denominatorText));
            components.AddRange(exclusions.ToComponents());
            return denominator == 0 || denominator < minimum
                ? ScoreCard.WithoutValue(key, context.Scope, ScoreScale.Proportion, ScoreStatus.InsufficientData,
                    Inv($"Fewer claims in the denominator than the minimum of {minimum}."), denominator, exclusions.Total, components.ToImmutable())
                : ScoreCard.Ok(key, context.Scope, (double)numerator / denominator, ScoreScale.Proportion, denominator, exclusions.Total, components.ToImmutable());
        }
        return
        [
            Rate(CleanClaimKey, c.Clean, c.Submitted, "Claims that passed every edit with no manual intervention.", "Claims first submitted in the period."),
            Rate(DenialKey, c.Denied, c.Adjudicated, "Claims with any line denied at first adjudication.", "Claims first adjudicated in the period."),
        ];
    }
}
