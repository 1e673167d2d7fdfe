using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;
using PatientCentric.Records;
using PatientCentric.Scoring;
using static PatientCentric.Scoring.InvariantText;

namespace PatientCentric.Jobs;

/// <summary>PQA Proportion of Days Covered per patient and drug class, keyed <c>pdc:&lt;class&gt;</c> (docs/jobs.md#proportion-of-days-covered-exactly-as-pqa-defines-it).
/// Ok with the PDC as value when the patient is in the denominator; NotApplicable (PDC still in the components) when
/// there are too few fills on distinct dates. Fills of drugs outside every class are not target medications and are not measured.</summary>
internal sealed class PdcScorer : IJobScorer
{
    public const string ScorerKey = "pdc";

    private readonly PdcRules _rules;
    private readonly ImmutableDictionary<string, string> _classes;
    private readonly string _numeratorReason;     // the texts that depend on the options only: built once, not per card
    private readonly string _denominatorReason;
    private readonly string _notInDenominatorReason;

    public PdcScorer(IOptions<PatientCentricOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value.Jobs;
        _rules = new PdcRules(o.MinimumFills, o.AllowPriorSupply, o.AdherenceThreshold);
        _classes = o.DrugClasses.Count > 0
            ? o.DrugClasses.ToImmutableDictionary(kv => kv.Key.ToUpperInvariant(), kv => kv.Value, StringComparer.Ordinal)
            : DrugClasses.PqaDefault;
        _numeratorReason = Inv($"Adherent: round(PDC, 4) ≥ {_rules.AdherenceThreshold:0.##}.");
        _denominatorReason = Inv($"In the denominator: at least {_rules.MinimumFills} fills on distinct dates in the period.");
        _notInDenominatorReason = Inv($"Fewer than {_rules.MinimumFills} fills on distinct dates in the period: not in the measure's denominator (the PDC is still computed).");
    }

    public string Key => ScorerKey;

    public ImmutableArray<ScoreCard> Score(PatientTimeline timeline, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(context);
        if (timeline.MedicationFills.IsEmpty)
            return [];
        // The classes in ordinal order, each with its fills and exclusions: a patient has few classes, so a short list
        // kept sorted on insert; a fill's id is checked against the ids seen before it (a set only for many fills).
        var byClass = new List<(string Class, List<Dispense> Fills, ExclusionTally Exclusions)>(2);
        var fills = timeline.MedicationFills;
        HashSet<string>? seenIds = fills.Length > SmallFillCount ? new HashSet<string>(fills.Length, StringComparer.Ordinal) : null;
        Span<int> seen = stackalloc int[SmallFillCount];   // without the set: the indices of the fills whose ids were seen
        int seenCount = 0;
        for (int n = 0; n < fills.Length; n++)
        {
            var f = fills[n];
            if (string.IsNullOrWhiteSpace(f.Drug))
                continue;
            string drug = f.Drug.ToUpperInvariant();
            if (!_classes.TryGetValue(drug, out string? cls))
                continue;   // not a target medication of any class
            var entry = ClassEntry(byClass, cls, fills.Length);
            bool firstOfId;
            if (seenIds is not null)
            {
                firstOfId = seenIds.Add(f.Id);
            }
            else
            {
                firstOfId = !IdAmong(fills, seen[..seenCount], f.Id);
                if (firstOfId)
                    seen[seenCount++] = n;
            }
            if (!firstOfId)
                entry.Exclusions.Add("duplicate-fill", "the fill repeats another fill's source id and is counted once");
            else if (f.DaysSupply < 1)
                entry.Exclusions.Add("days-supply-not-positive", "the fill's days' supply is below 1");
            else
                entry.Fills.Add(new Dispense(drug, f.DateOfService, f.DaysSupply));
        }
        if (byClass.Count == 0)
            return [];
        var cards = ImmutableArray.CreateBuilder<ScoreCard>(byClass.Count);
        var scope = ScoreScope.Patient(timeline.PatientKey);
        foreach (var (cls, classFills, exclusions) in byClass)
        {
            var r = ProportionOfDaysCovered.Compute(CollectionsMarshal.AsSpan(classFills), context.Period, _rules);
            if (r.Pdc is not { } pdc)
                continue;   // no fill of the class in the period: nothing to measure
            bool adherent = r.IsAdherent(_rules.AdherenceThreshold) == true;
            var components = ImmutableArray.CreateBuilder<ScoreComponent>(5 + exclusions.CodeCount);
            components.Add(ScoreComponent.Describe("pdc", pdc, ScoreScale.Proportion,
                string.Create(CultureInfo.InvariantCulture, $"Days covered ÷ treatment days, from the index date {r.IndexDate:yyyy-MM-dd}.")));
            components.Add(ScoreComponent.Describe("days-covered", r.DaysCovered, ScoreScale.Days, "Days in the treatment period with supply on hand, same-drug overlaps shifted forward."));
            components.Add(ScoreComponent.Describe("treatment-days", r.TreatmentDays, ScoreScale.Days, "Days from the index date to the end of the period, both included."));
            components.Add(ScoreComponent.Describe("numerator", r.InDenominator && adherent ? 1 : 0, ScoreScale.Count, _numeratorReason));
            components.Add(ScoreComponent.Describe("denominator", r.InDenominator ? 1 : 0, ScoreScale.Count, _denominatorReason));
            exclusions.AddComponentsTo(components);
            string key = ScorerKey + ":" + cls;
            cards.Add(r.InDenominator
                ? ScoreCard.Ok(key, scope, pdc, ScoreScale.Proportion, r.FillsInPeriod, exclusions.Total, components.MoveToImmutable())
                : ScoreCard.WithoutValue(key, scope, ScoreScale.Proportion, ScoreStatus.NotApplicable, _notInDenominatorReason,
                    r.FillsInPeriod, exclusions.Total, components.MoveToImmutable()));
        }
        return cards.Count == cards.Capacity ? cards.MoveToImmutable() : cards.ToImmutable();
    }

    // Up to this many fills per patient, a repeated id is found by comparing with the earlier fills instead of a set.
    private const int SmallFillCount = 16;

    // Whether one of the fills at the indices given has the id (ordinal), as the set of the ids seen so far would say.
    private static bool IdAmong(ImmutableArray<MedicationFill> fills, ReadOnlySpan<int> indices, string id)
    {
        foreach (int i in indices)
        {
            if (string.Equals(fills[i].Id, id, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    // The entry of a class, added in ordinal order of the class key when new (the order a sorted dictionary gives).
    private static (string Class, List<Dispense> Fills, ExclusionTally Exclusions) ClassEntry(
        List<(string Class, List<Dispense> Fills, ExclusionTally Exclusions)> byClass, string cls, int capacity)
    {
        int i = 0;
        for (; i < byClass.Count; i++)
        {
            int c = string.CompareOrdinal(byClass[i].Class, cls);
            if (c == 0)
                return byClass[i];
            if (c > 0)
                break;
        }
        var entry = (cls, new List<Dispense>(capacity), new ExclusionTally());
        byClass.Insert(i, entry);
        return entry;
    }
}
