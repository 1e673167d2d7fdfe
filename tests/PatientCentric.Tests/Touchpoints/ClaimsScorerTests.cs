using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Touchpoints;
using static PatientCentric.Tests.TestData;

namespace PatientCentric.Tests.Touchpoints;

/// <summary>Clean-claim and initial denial rates (DOMAIN.md §2.4, HFMA MAP Keys), and claims whose edit result is not
/// recorded (<see cref="Claim.EditsUnknown"/>, as every claim read from FHIR).</summary>
public sealed class ClaimsScorerTests
{
    private static int _next;

    // A claim first submitted on 2025-01-<submitted>; adjudicated 10 days later unless pending.
    private static Claim C(int submitted, bool clean, bool? denied, bool editsUnknown = false) =>
        new($"CL{Interlocked.Increment(ref _next):D10}", "P-TEST", "primary-care", new DateOnly(2025, 1, submitted), clean,
            denied is null ? null : new DateOnly(2025, 1, submitted + 10), denied, 100m) { EditsUnknown = editsUnknown };

    private static Dictionary<string, ScoreCard> Score(params Claim[] claims) =>
        new ClaimsScorer().Score(Data() with { Claims = [.. claims] }, Context()).ToDictionary(c => c.MeasureKey, StringComparer.Ordinal);

    private static double? Component(ScoreCard card, string name) => card.Components.SingleOrDefault(c => c.Name == name)?.InputValue;

    [Fact]
    public void Score_WhenEveryClaimRecordsItsEdits_GivesBothRatesWithoutExclusions()
    {
        var cards = Score(C(2, clean: true, denied: false), C(3, clean: true, denied: true), C(4, clean: false, denied: false), C(5, clean: true, denied: null));
        var clean = cards[ClaimsScorer.CleanClaimKey];
        Assert.Equal((ScoreStatus.Ok, 3.0 / 4, 4, 0), (clean.Status, clean.Value, clean.EvidenceCount, clean.ExcludedCount));
        Assert.Equal("Claims first submitted in the period.", clean.Components.Single(c => c.Name == "denominator").Reason);
        Assert.DoesNotContain(clean.Components, c => c.Name.StartsWith(ScoreComponent.ExclusionPrefix, StringComparison.Ordinal));
        var denial = cards[ClaimsScorer.DenialKey];
        Assert.Equal((ScoreStatus.Ok, 1.0 / 3, 3, 0), (denial.Status, denial.Value, denial.EvidenceCount, denial.ExcludedCount));
    }

    [Fact]
    public void Score_WhenSomeClaimsDoNotRecordTheirEdits_LeavesThemOutOfTheCleanRateOnly_AndCountsThem()
    {
        // Two claims with a recorded edit result (one clean), three without: the clean-claim rate is 1 of 2, not 1 of 5
        // (and not 4 of 5, which "not denied = clean" used to give). All five are adjudicated, so the denial rate is 1 of 5.
        var cards = Score(C(2, clean: true, denied: false), C(3, clean: false, denied: false),
                          C(4, clean: false, denied: false, editsUnknown: true), C(5, clean: false, denied: true, editsUnknown: true),
                          C(6, clean: false, denied: false, editsUnknown: true));
        var clean = cards[ClaimsScorer.CleanClaimKey];
        Assert.Equal((ScoreStatus.Ok, 0.5, 2, 3), (clean.Status, clean.Value, clean.EvidenceCount, clean.ExcludedCount));
        Assert.Equal(3.0, Component(clean, "excluded:edits-not-recorded"));
        Assert.Equal(2.0, Component(clean, "denominator"));
        Assert.Equal("Claims first submitted in the period whose edit result is recorded.", clean.Components.Single(c => c.Name == "denominator").Reason);
        var denial = cards[ClaimsScorer.DenialKey];
        Assert.Equal((ScoreStatus.Ok, 1.0 / 5, 5, 0), (denial.Status, denial.Value, denial.EvidenceCount, denial.ExcludedCount));
        Assert.Null(Component(denial, "excluded:edits-not-recorded"));
    }

    [Fact]
    public void Score_WhenNoClaimRecordsItsEdits_IsNotApplicableWithTheReason_NotARate()
    {
        var cards = Score(C(2, clean: false, denied: false, editsUnknown: true), C(3, clean: false, denied: true, editsUnknown: true),
                          C(4, clean: false, denied: null, editsUnknown: true));
        var clean = cards[ClaimsScorer.CleanClaimKey];
        Assert.Equal(ScoreStatus.NotApplicable, clean.Status);
        Assert.Null(clean.Value);
        Assert.Equal((0, 3), (clean.EvidenceCount, clean.ExcludedCount));
        Assert.Equal(ClaimsScorer.EditsNotRecordedReason, clean.StatusReason);
        Assert.StartsWith("No claim first submitted in the period records whether it passed the claim edits", clean.StatusReason, StringComparison.Ordinal);
        Assert.Equal(3.0, Component(clean, "excluded:edits-not-recorded"));
        // The denial rate needs only the remittance: still computed over the two adjudicated claims.
        var denial = cards[ClaimsScorer.DenialKey];
        Assert.Equal((ScoreStatus.Ok, 0.5, 2), (denial.Status, denial.Value, denial.EvidenceCount));
    }

    [Fact]
    public void Score_InvalidClaimsBesideUnknownEdits_AreCountedUnderTheirOwnCode_AndTheCardIsStillNotApplicable()
    {
        var adjudicatedBeforeSubmission = new Claim("X", "P-TEST", "primary-care", new DateOnly(2025, 1, 20), false, new DateOnly(2025, 1, 10), false, 1m) { EditsUnknown = true };
        var clean = Score(adjudicatedBeforeSubmission, C(3, clean: false, denied: false, editsUnknown: true))[ClaimsScorer.CleanClaimKey];
        Assert.Equal((ScoreStatus.NotApplicable, 2), (clean.Status, clean.ExcludedCount));
        Assert.Equal(1.0, Component(clean, "excluded:adjudicated-before-submitted"));
        Assert.Equal(1.0, Component(clean, "excluded:edits-not-recorded"));
    }

    [Fact]
    public void Score_FewClaimsWithRecordedEdits_IsInsufficientData_NotNotApplicable()
    {
        var cards = new ClaimsScorer().Score(Data() with { Claims = [C(2, clean: true, denied: false), C(3, clean: false, denied: false, editsUnknown: true)] },
                                             Context(BuiltInProfiles.PrimaryCareValueBased));
        var clean = cards.Single(c => c.MeasureKey == ClaimsScorer.CleanClaimKey);
        Assert.Equal((ScoreStatus.InsufficientData, 1, 1), (clean.Status, clean.EvidenceCount, clean.ExcludedCount));
        Assert.Equal("Fewer claims in the denominator than the minimum of 20.", clean.StatusReason);
    }

    [Fact]
    public void ClaimRates_CountsUnknownEditsApart_FromTheCleanDenominator()
    {
        var r = ClaimRates.Count([C(2, true, false), C(3, false, true, editsUnknown: true), C(4, false, null, editsUnknown: true)], January);
        Assert.Equal((1, 1, 2, 1, 0, 2), (r.Submitted, r.Clean, r.Adjudicated, r.Denied, r.Invalid, r.EditsUnknown));
        Assert.Equal(1.0, r.CleanClaimRate);
        Assert.Equal(0.5, r.InitialDenialRate);
        Assert.Null(ClaimRates.Count([C(2, true, false, editsUnknown: true)], January).CleanClaimRate);
    }

    private static Arbitrary<(bool Clean, bool? Denied, bool Unknown, int Day)[]> Claims() =>
        (from clean in Gen.Elements(true, false)
         from denied in Gen.Elements<bool?>(true, false, null)
         from unknown in Gen.Elements(true, false)
         from day in Gen.Choose(1, 20)
         select (clean, denied, unknown, day)).ArrayOf().ToArbitrary();

    [Property(MaxTest = 1_000)]
    public Property Score_UnknownEdits_NeverChangeTheDenialRate_AndCleanRateUsesOnlyRecordedEdits() =>
        Prop.ForAll(Claims(), claims =>
        {
            var records = claims.Select(x => C(x.Day, x.Clean, x.Denied, x.Unknown)).ToArray();
            var cards = Score(records);
            if (records.Length == 0)
                return cards.Count == 0;
            var known = Score([.. records.Select(c => c with { EditsUnknown = false })]);
            var denial = cards[ClaimsScorer.DenialKey];
            bool denialSame = denial.Status == known[ClaimsScorer.DenialKey].Status && denial.Value == known[ClaimsScorer.DenialKey].Value;
            int recorded = claims.Count(x => !x.Unknown), cleanRecorded = claims.Count(x => !x.Unknown && x.Clean);
            var clean = cards[ClaimsScorer.CleanClaimKey];
            bool cleanRight = recorded == 0
                ? clean.Status == ScoreStatus.NotApplicable && clean.Value is null && clean.ExcludedCount == claims.Length
                : clean.Status == ScoreStatus.Ok && Math.Abs(clean.Value!.Value - (double)cleanRecorded / recorded) <= 1e-12
                  && clean.ExcludedCount == claims.Length - recorded;
            return denialSame && cleanRight;
        });
}
