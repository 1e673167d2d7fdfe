using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Jobs;

/// <summary>Builds a patient's support plan from their job score cards, clinician ratings and recorded barriers
/// (docs/jobs.md#support-plans). Advisory only: the plan lists supports, never a decision about care (docs/guardrails.md).</summary>
internal static class SupportPlanner
{
    /// <summary>Plans support for one patient.</summary>
    /// <param name="timeline">The patient's records (ratings and barriers are read from it).</param>
    /// <param name="cards">The patient's job score cards.</param>
    /// <param name="options">Thresholds and rating settings.</param>
    /// <returns>The plan, or <see langword="null"/> when no job is below its threshold.</returns>
    public static SupportPlan? Plan(PatientTimeline timeline, ImmutableArray<ScoreCard> cards, JobOptions options)
    {
        ImmutableArray<SupportPlanItem>.Builder? items = null;   // created at the first item: most patients need none
        foreach (var card in cards)
        {
            if (card.Status != ScoreStatus.Ok)
                continue;
            (PatientJobKind kind, double threshold)? rule = card.MeasureKey switch
            {
                var k when k.StartsWith(PdcScorer.ScorerKey + ":", StringComparison.Ordinal) => (PatientJobKind.TakeMedication, options.AdherenceThreshold),
                ReferralClosureScorer.ScorerKey => (PatientJobKind.CompleteReferral, options.SupportThreshold),
                var k when k.StartsWith(JobTimelinessScorer.ScorerKey + ":", StringComparison.Ordinal) => (KindOf(k[(JobTimelinessScorer.ScorerKey.Length + 1)..]), options.SupportThreshold),
                _ => null,
            };
            if (rule is not { } r)
                continue;
            double value = card.Value!.Value;
            bool below = card.MeasureKey.StartsWith(PdcScorer.ScorerKey + ":", StringComparison.Ordinal)
                ? Math.Round(value, 4, MidpointRounding.AwayFromZero) < r.threshold   // the PDC's own adherence rule (docs/jobs.md#proportion-of-days-covered-exactly-as-pqa-defines-it, step 8)
                : value < r.threshold;
            if (below)
                (items ??= ImmutableArray.CreateBuilder<SupportPlanItem>()).Add(Item(timeline, r.kind, card.MeasureKey, value, r.threshold, card.Components));
        }

        foreach (var kind in RatedKinds(timeline.ClinicianRatings))
        {
            int[] ratings = ValidRatings(timeline.ClinicianRatings, kind);   // ratings off the 1–5 scale are invalid and not used
            if (ratings.Length < options.MinimumRatings)
                continue;   // shown only with at least k ratings (docs/jobs.md#clinician-ratings)
            double shrunk = ShrunkenRating.Compute(ratings, options.RatingPriorMean, options.RatingPriorWeight)!.Value;
            if (shrunk < options.RatingSupportBelow)
            {
                (items ??= ImmutableArray.CreateBuilder<SupportPlanItem>()).Add(Item(timeline, kind, "clinician-rating", shrunk, options.RatingSupportBelow,
                [
                    ScoreComponent.Describe("shrunken-rating", shrunk, ScoreScale.Utility, "Clinicians' 1–5 ratings shrunk toward the prior: (C·m + Σx) / (C + n)."),
                    ScoreComponent.Describe("ratings", ratings.Length, ScoreScale.Count, "Ratings behind the shrunken mean."),
                ]));
            }
        }
        return items is null ? null : new SupportPlan(timeline.PatientKey, items.ToImmutable());
    }

    // The job kinds the ratings are about, distinct, in ascending order (as grouping then ordering by kind gives).
    private static List<PatientJobKind> RatedKinds(ImmutableArray<ClinicianRating> ratings)
    {
        if (ratings.IsEmpty)
            return [];
        var kinds = new List<PatientJobKind>(2);
        foreach (var r in ratings)
        {
            int i = kinds.BinarySearch(r.JobKind);
            if (i < 0)
                kinds.Insert(~i, r.JobKind);
        }
        return kinds;
    }

    // The 1–5 ratings of one job kind, in the ratings' order.
    private static int[] ValidRatings(ImmutableArray<ClinicianRating> ratings, PatientJobKind kind)
    {
        int count = 0;
        foreach (var r in ratings)
        {
            if (r.JobKind == kind && r.Rating is >= 1 and <= 5)
                count++;
        }
        if (count == 0)
            return [];
        var valid = new int[count];
        int n = 0;
        foreach (var r in ratings)
        {
            if (r.JobKind == kind && r.Rating is >= 1 and <= 5)
                valid[n++] = r.Rating;
        }
        return valid;
    }

    private static SupportPlanItem Item(PatientTimeline timeline, PatientJobKind kind, string measureKey, double value, double threshold, ImmutableArray<ScoreComponent> evidence)
    {
        // The latest barrier reported for the kind (the first of those reported on that day), or the default barrier.
        BarrierReport? latest = null;
        foreach (var b in timeline.Barriers)
        {
            if (b.JobKind == kind && (latest is null || b.ReportedOn > latest.ReportedOn))
                latest = b;
        }
        var barrier = latest?.Barrier ?? default;
        bool medication = kind is PatientJobKind.TakeMedication or PatientJobKind.FillPrescription;
        var supports = SupportActions.Default[barrier].Where(a => medication || !SupportActions.IsMedicationOnly(a)).ToImmutableArray();
        if (supports.IsEmpty)
            supports = [SupportAction.OutreachCall];
        return new SupportPlanItem(kind, measureKey, value, threshold, barrier, supports, evidence);
    }

    private static readonly PatientJobKind[] Kinds = Enum.GetValues<PatientJobKind>();

    private static PatientJobKind KindOf(string kindKey)
    {
        foreach (var k in Kinds)
        {
            if (JobKinds.Key(k) == kindKey)
                return k;
        }
        return PatientJobKind.HostDefined;
    }
}
