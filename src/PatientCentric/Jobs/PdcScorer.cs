using System.Collections.Immutable;
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

    public PdcScorer(IOptions<PatientCentricOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value.Jobs;
        _rules = new PdcRules(o.MinimumFills, o.AllowPriorSupply, o.AdherenceThreshold);
        _classes = o.DrugClasses.Count > 0
            ? o.DrugClasses.ToImmutableDictionary(kv => kv.Key.ToUpperInvariant(), kv => kv.Value, StringComparer.Ordinal)
            : DrugClasses.PqaDefault;
    }

    public string Key => ScorerKey;

    public ImmutableArray<ScoreCard> Score(PatientTimeline timeline, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(context);
        if (timeline.MedicationFills.IsEmpty)
            return [];
        var byClass = new SortedDictionary<string, (List<Dispense> Fills, ExclusionTally Exclusions)>(StringComparer.Ordinal);
        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in timeline.MedicationFills)
        {
            if (string.IsNullOrWhiteSpace(f.Drug) || !_classes.TryGetValue(f.Drug.ToUpperInvariant(), out string? cls))
                continue;   // not a target medication of any class
            if (!byClass.TryGetValue(cls, out var entry))
                byClass[cls] = entry = ([], new ExclusionTally());
            if (!seenIds.Add(f.Id))
                entry.Exclusions.Add("duplicate-fill", "the fill repeats another fill's source id and is counted once");
            else if (f.DaysSupply < 1)
                entry.Exclusions.Add("days-supply-not-positive", "the fill's days' supply is below 1");
            else
                entry.Fills.Add(new Dispense(f.Drug.ToUpperInvariant(), f.DateOfService, f.DaysSupply));
        }
        var cards = ImmutableArray.CreateBuilder<ScoreCard>();
        var scope = ScoreScope.Patient(timeline.PatientKey);
        foreach (var (cls, (fills, exclusions)) in byClass)
        {
            var r = ProportionOfDaysCovered.Compute(fills.ToArray(), context.Period, _rules);
            if (r.Pdc is not { } pdc)
                continue;   // no fill of the class in the period: nothing to measure
            bool adherent = r.IsAdherent(_rules.AdherenceThreshold) == true;
            var components = ImmutableArray.CreateBuilder<ScoreComponent>();
            components.Add(ScoreComponent.Describe("pdc", pdc, ScoreScale.Proportion, Inv($"Days covered ÷ treatment days, from the index date {r.IndexDate:yyyy-MM-dd}.")));
            components.Add(ScoreComponent.Describe("days-covered", r.DaysCovered, ScoreScale.Days, "Days in the treatment period with supply on hand, same-drug overlaps shifted forward."));
            components.Add(ScoreComponent.Describe("treatment-days", r.TreatmentDays, ScoreScale.Days, "Days from the index date to the end of the period, both included."));
            components.Add(ScoreComponent.Describe("numerator", r.InDenominator && adherent ? 1 : 0, ScoreScale.Count, Inv($"Adherent: round(PDC, 4) ≥ {_rules.AdherenceThreshold:0.##}.")));
            components.Add(ScoreComponent.Describe("denominator", r.InDenominator ? 1 : 0, ScoreScale.Count, Inv($"In the denominator: at least {_rules.MinimumFills} fills on distinct dates in the period.")));
            components.AddRange(exclusions.ToComponents());
            string key = $"{ScorerKey}:{cls}";
            cards.Add(r.InDenominator
                ? ScoreCard.Ok(key, scope, pdc, ScoreScale.Proportion, r.FillsInPeriod, exclusions.Total, components.ToImmutable())
                : ScoreCard.WithoutValue(key, scope, ScoreScale.Proportion, ScoreStatus.NotApplicable,
                    Inv($"Fewer than {_rules.MinimumFills} fills on distinct dates in the period: not in the measure's denominator (the PDC is still computed)."),
                    r.FillsInPeriod, exclusions.Total, components.ToImmutable()));
        }
        return cards.ToImmutable();
    }
}
