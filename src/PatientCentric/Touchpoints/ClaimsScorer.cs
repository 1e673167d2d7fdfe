using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Serialization;
using static PatientCentric.Scoring.InvariantText;

namespace PatientCentric.Touchpoints;

/// <summary>Billing moments of truth from claims (docs/touchpoints/billing.md; HFMA MAP Keys): <c>clean-claim-rate</c> = claims that
/// passed every edit with no manual intervention ÷ claims first submitted in the period; <c>initial-denial-rate</c> =
/// claims with any line denied at first adjudication ÷ claims adjudicated in the period (by remittance date).</summary>
/// <remarks>Each claim counts once, at first submission (a claim held, edited, rejected and resubmitted is not clean even
/// if later paid). A partial denial counts as denied (convention). Claims adjudicated before they were submitted are
/// invalid and excluded from both rates. A claim whose edit result is not recorded (<see cref="Claim.EditsUnknown"/>; every
/// claim read from FHIR) is excluded from the clean-claim rate only, counted as <c>edits-not-recorded</c>; when no claim
/// first submitted in the period records its edit result, the clean-claim card is NotApplicable with that reason rather
/// than a made-up rate. The initial denial rate needs only the remittance and is unaffected.</remarks>
internal sealed class ClaimsScorer : ITouchpointCombiner<ClaimsScorer.Accumulator>, IPeriodRoutedCombiner
{
    public const string CleanClaimKey = "clean-claim-rate";
    public const string DenialKey = "initial-denial-rate";

    /// <summary>The exclusion code of a claim whose edit result is not recorded (<see cref="Claim.EditsUnknown"/>).</summary>
    public const string EditsNotRecordedCode = "edits-not-recorded";

    /// <summary>Why the clean-claim rate is NotApplicable when no claim in the period records its edit result.</summary>
    public const string EditsNotRecordedReason =
        "No claim first submitted in the period records whether it passed the claim edits without manual intervention (FHIR Claim, ClaimResponse and ExplanationOfBenefit have no element for it), so the clean-claim rate cannot be measured.";

    public string Key => "claims";

    public TouchpointKind Kind => TouchpointKind.Billing;

    public MeasureCategory Category => MeasureCategory.Operational;

    public ImmutableArray<ScoreCard> Score(PracticeDataSet data, ScoringContext context) =>
        Finish(Add(CreateAccumulator(context), data, context), context);

    public Accumulator CreateAccumulator(ScoringContext context) => new();

    public Accumulator Add(Accumulator accumulator, PracticeDataSet shard, ScoringContext context) =>
        PeriodRouting.Add(accumulator, shard, context, AddTo);

    public void AddByPeriod(object[] accumulators, PracticeDataSet shard, ScoringContext context, PeriodBuckets buckets) =>
        PeriodRouting.AddByPeriod<Accumulator>(accumulators, shard, context, buckets, AddTo);

    // Each claim's counts to the accumulators of the buckets of the dates it is counted by; every bucket knows whether the
    // scope has claims at all, as one scored over that bucket's period alone does.
    private static void AddTo(Accumulator[] accumulators, PracticeDataSet shard, ScoringContext context, PeriodBuckets? buckets)
    {
        if (shard.Claims.IsEmpty)
            return;
        var rates = ClaimRates.CountByPeriod(shard.Claims, context.Period, buckets);
        for (int b = 0; b < accumulators.Length; b++)
        {
            accumulators[b].HasClaims = true;
            accumulators[b].Rates = Sum(accumulators[b].Rates, rates[b]);
        }
    }

    public Accumulator Merge(Accumulator left, Accumulator right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        left.HasClaims |= right.HasClaims;
        left.Rates = Sum(left.Rates, right.Rates);
        return left;
    }

    private static ClaimRates Sum(ClaimRates a, ClaimRates b) =>
        new(a.Submitted + b.Submitted, a.Clean + b.Clean, a.Adjudicated + b.Adjudicated, a.Denied + b.Denied, a.Invalid + b.Invalid)
        {
            EditsUnknown = a.EditsUnknown + b.EditsUnknown,
        };

    /// <summary>The partial result: whether any shard holds claims at all, and the claim counts.</summary>
    internal sealed class Accumulator
    {
        public bool HasClaims { get; set; }

        public ClaimRates Rates { get; set; }

        /// <summary>Returns the accumulator as plain data (docs/scale.md#the-serialized-partial).</summary>
        public ClaimsState ToState() => new(HasClaims, new ClaimRatesState(Rates.Submitted, Rates.Clean, Rates.Adjudicated, Rates.Denied, Rates.Invalid, Rates.EditsUnknown));

        /// <summary>Rebuilds an accumulator from <see cref="ToState"/>'s data, refusing negative counts and numbers that are not finite.</summary>
        /// <param name="state">The data.</param>
        /// <param name="path">The JSON path of <paramref name="state"/>, for errors.</param>
        public static Accumulator FromState(ClaimsState state, string path)
        {
            PartialFormat.Need(state, path);
            var accumulator = new Accumulator
            {
                HasClaims = state.HasClaims,
                Rates = PartialFormat.Need(state.Rates, path + ".rates").ToRates(path + ".rates"),
            };

            return accumulator;
        }
    }

    public ImmutableArray<ScoreCard> Finish(Accumulator accumulator, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        ArgumentNullException.ThrowIfNull(context);
        if (!accumulator.HasClaims)
            return [];
        var c = accumulator.Rates;
        int minimum = context.Profile.MinimumEvidence.RateEvents;
        ExclusionTally Invalid()
        {
            var tally = new ExclusionTally();
            for (int i = 0; i < c.Invalid; i++)
                tally.Add("adjudicated-before-submitted", "the claim is adjudicated before its first submission");
            return tally;
        }
        var cleanExclusions = Invalid();
        for (int i = 0; i < c.EditsUnknown; i++)
            cleanExclusions.Add(EditsNotRecordedCode, "the claim's edit result is not recorded, so it is neither clean nor unclean");
        ScoreCard Rate(string key, int numerator, int denominator, string numeratorText, string denominatorText, ExclusionTally exclusions)
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
        // Absent data is not bad data: with no recorded edit result the clean-claim rate is unknown, not 0 % or 100 %.
        var clean = c.Submitted == 0 && c.EditsUnknown > 0
            ? AbsentInputCard.Build(CleanClaimKey, context, ScoreScale.Proportion, EditsNotRecordedReason, cleanExclusions)
            : Rate(CleanClaimKey, c.Clean, c.Submitted, "Claims that passed every edit with no manual intervention.",
                c.EditsUnknown == 0 ? "Claims first submitted in the period." : "Claims first submitted in the period whose edit result is recorded.",
                cleanExclusions);
        return
        [
            clean,
            Rate(DenialKey, c.Denied, c.Adjudicated, "Claims with any line denied at first adjudication.", "Claims first adjudicated in the period.", Invalid()),
        ];
    }
}

// A ClaimsScorer.Accumulator as plain data (docs/scale.md#the-serialized-partial).
internal sealed record ClaimsState(bool HasClaims, ClaimRatesState Rates);

// ClaimRates as plain data, with the checks a count read from a partial must pass.
internal sealed record ClaimRatesState(int Submitted, int Clean, int Adjudicated, int Denied, int Invalid, int EditsUnknown)
{
    public ClaimRates ToRates(string path)
    {
        PartialFormat.Count(Submitted, path + ".submitted");
        PartialFormat.Count(Adjudicated, path + ".adjudicated");
        PartialFormat.Count(Invalid, path + ".invalid");
        PartialFormat.Count(EditsUnknown, path + ".editsUnknown");
        if (Clean < 0 || Clean > Submitted)
            throw PartialFormat.Field(path + ".clean", "the clean claims must be from 0 to the submitted claims.");
        if (Denied < 0 || Denied > Adjudicated)
            throw PartialFormat.Field(path + ".denied", "the denied claims must be from 0 to the adjudicated claims.");
        return new ClaimRates(Submitted, Clean, Adjudicated, Denied, Invalid) { EditsUnknown = EditsUnknown };
    }
}
