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
        var items = ImmutableArray.CreateBuilder<SupportPlanItem>();
        foreach (var card in cards.Where(c => c.Status == ScoreStatus.Ok))
        {
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
                items.Add(Item(timeline, r.kind, card.MeasureKey, value, r.threshold, card.Components));
        }

        foreach (var group in timeline.ClinicianRatings.GroupBy(x => x.JobKind).OrderBy(g => g.Key))
        {
            int[] ratings = [.. group.Select(x => x.Rating).Where(x => x is >= 1 and <= 5)];   // ratings off the 1–5 scale are invalid and not used
            if (ratings.Length < options.MinimumRatings)
                continue;   // shown only with at least k ratings (docs/jobs.md#clinician-ratings)
            double shrunk = ShrunkenRating.Compute(ratings, options.RatingPriorMean, options.RatingPriorWeight)!.Value;
            if (shrunk < options.RatingSupportBelow)
            {
                items.Add(Item(timeline, group.Key, "clinician-rating", shrunk, options.RatingSupportBelow,
                [
                    ScoreComponent.Describe("shrunken-rating", shrunk, ScoreScale.Utility, "Clinicians' 1–5 ratings shrunk toward the prior: (C·m + Σx) / (C + n)."),
                    ScoreComponent.Describe("ratings", ratings.Length, ScoreScale.Count, "Ratings behind the shrunken mean."),
                ]));
            }
        }
        return items.Count == 0 ? null : new SupportPlan(timeline.PatientKey, items.ToImmutable());
    }

    private static SupportPlanItem Item(PatientTimeline timeline, PatientJobKind kind, string measureKey, double value, double threshold, ImmutableArray<ScoreComponent> evidence)
    {
        var barrier = timeline.Barriers.Where(b => b.JobKind == kind).OrderByDescending(b => b.ReportedOn).Select(b => b.Barrier).FirstOrDefault();
        bool medication = kind is PatientJobKind.TakeMedication or PatientJobKind.FillPrescription;
        var supports = SupportActions.Default[barrier].Where(a => medication || !SupportActions.IsMedicationOnly(a)).ToImmutableArray();
        if (supports.IsEmpty)
            supports = [SupportAction.OutreachCall];
        return new SupportPlanItem(kind, measureKey, value, threshold, barrier, supports, evidence);
    }

    private static PatientJobKind KindOf(string kindKey) =>
        Enum.GetValues<PatientJobKind>().FirstOrDefault(k => JobKinds.Key(k) == kindKey, PatientJobKind.HostDefined);
}
