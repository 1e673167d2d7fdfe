using System.Runtime.CompilerServices;
using Hl7.Fhir.Model;
using PatientCentric.Scoring;

namespace PatientCentric.Fhir;

// What Walk hands out: each resource as plain data, to a sink that builds it as a Firely object (Build) or writes its
// JSON (WriteNdjson), and the Firely sink.
public sealed partial class FhirMeasureReportWriter
{
    /// <summary>Receives the resources of one walk, in order, as plain data; a report's data is only valid during the
    /// call.</summary>
    private interface IResourceSink
    {
        /// <summary>The practice's Organization.</summary>
        void Organization(string id, string name);

        /// <summary>The Measure of a measure key; <paramref name="proportion"/> for a proportion measure, else a
        /// continuous-variable one.</summary>
        void Measure(string id, string key, bool proportion);

        /// <summary>A MeasureReport: summary or individual, of a card or of a period.</summary>
        void Report(in ReportData report);
    }

    /// <summary>The codes of http://terminology.hl7.org/CodeSystem/measure-population the writer uses.</summary>
    private enum PopulationCode
    {
        InitialPopulation,
        Denominator,
        DenominatorExclusion,
        Numerator,
        MeasurePopulation,
        MeasurePopulationExclusion,
    }

    private static readonly string[] PopulationCodeNames =
        ["initial-population", "denominator", "denominator-exclusion", "numerator", "measure-population", "measure-population-exclusion"];

    private readonly record struct Population(PopulationCode Code, int Count);

    /// <summary>A report group's populations, at most four, in order, without an allocation.</summary>
    private struct Populations
    {
        private Items _items;
        private int _count;

        public readonly int Count => _count;

        public readonly Population this[int index] =>
            (uint)index < (uint)_count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

        public void Add(PopulationCode code, int count) => _items[_count++] = new Population(code, count);

        [InlineArray(4)]
        private struct Items
        {
            private Population _first;
        }
    }

    /// <summary>What every card report of an evaluation shares: the date (FHIR dateTime), the reporter reference (none
    /// without a practice) and the evaluation's period (first and last day).</summary>
    private sealed record ReportCommon(string Date, string? Reporter, string Start, string End);

    /// <summary>One MeasureReport: <paramref name="Individual"/> with <paramref name="Scope"/> the patient key (its subject),
    /// else a summary with <paramref name="Scope"/> its identifier's value. <paramref name="Score"/> is the measureScore
    /// (in <paramref name="Scale"/>'s unit); without one, <paramref name="CodeText"/> says why.</summary>
    private readonly record struct ReportData(
        string Id, bool Individual, string Scope, string MeasureId, string MeasureKey, string Date, string? Reporter,
        string Start, string End, Populations Populations, double? Score, ScoreScale Scale, string? CodeText);

    /// <summary>Claims the ids of card reports: always hashed over the measure key, level and scope key. The readable
    /// prefix names the measure and the scope, except a patient's: its key (a pseudonym, or the FHIR Patient id with
    /// IncludePatientReferences) is only ever hashed. The prefix of a patient or practice card is the same for every card
    /// of a measure, so it is made once; the parts' array is reused (<see cref="FhirResourceIds.Claim"/> keeps neither).</summary>
    private sealed class ReportIds(FhirResourceIds ids)
    {
        private readonly Dictionary<(string, ScopeLevel), string> _readable = [];
        private readonly string[] _parts = new string[4];

        public string Claim(ScoreCard card, string measureId)
        {
            var level = card.Scope.Level;
            string readable;
            if (level is ScopeLevel.Patient or ScopeLevel.Practice)
            {
                if (!_readable.TryGetValue((measureId, level), out readable!))
                    _readable.Add((measureId, level), readable = $"{measureId}.{LevelName(level)}");
            }
            else
            {
                readable = $"{measureId}.{LevelName(level)}.{card.Scope.Key}";
            }
            _parts[0] = nameof(MeasureReport);
            _parts[1] = card.MeasureKey;
            _parts[2] = LevelName(level);
            _parts[3] = card.Scope.Key;
            return ids.Claim(null, readable, _parts);
        }
    }

    /// <summary>How many Firely sinks this thread has made: a test's check that <see cref="WriteNdjson(PracticeEvaluation, Stream)"/>
    /// builds no Firely object (only this sink makes them).</summary>
    [ThreadStatic]
    internal static int FirelySinksMade;

    /// <summary>Builds each resource as a Firely object (<see cref="Build"/>); the only place the writer makes them.</summary>
    private sealed class FirelyResources : IResourceSink
    {
        private readonly FhirMeasureReportWriter _owner;
        private readonly Action<Resource> _resource;

        public FirelyResources(FhirMeasureReportWriter owner, Action<Resource> resource)
        {
            _owner = owner;
            _resource = resource;
            FirelySinksMade++;
        }

        public void Organization(string id, string name) => _resource(new Organization { Id = id, Name = name });

        public void Measure(string id, string key, bool proportion)
        {
            var measure = new Measure
            {
                Id = id,
                Url = _owner.MeasureUrl(id),
                Name = ToComputableName(key),
                Title = key,
                Status = PublicationStatus.Active,
                Scoring = new CodeableConcept(ScoringSystem, ScoringCode(proportion)),
                ImprovementNotation = Improvement(key),
            };
            var group = new Measure.GroupComponent();
            foreach (var code in MeasurePopulations(proportion))
            {
                group.Population.Add(new Measure.PopulationComponent
                {
                    Code = new CodeableConcept(PopulationSystem, PopulationCodeNames[(int)code]),
                    Criteria = new Expression { Language = CriteriaLanguage, Expression_ = Criteria(key, code) },
                });
            }
            measure.Group.Add(group);
            _resource(measure);
        }

        public void Report(in ReportData data)
        {
            var report = new MeasureReport
            {
                Id = data.Id,
                Status = MeasureReport.MeasureReportStatus.Complete,
                Type = data.Individual ? MeasureReport.MeasureReportType.Individual : MeasureReport.MeasureReportType.Summary,
                Measure = _owner.MeasureUrl(data.MeasureId),
                Date = data.Date,
                Reporter = data.Reporter is null ? null : new ResourceReference(data.Reporter),
                ImprovementNotation = Improvement(data.MeasureKey),
                Period = new Period { Start = data.Start, End = data.End },
            };
            if (data.Individual)
                report.Subject = new ResourceReference(PatientPrefix + ToFhirId(data.Scope));
            else
                report.Identifier.Add(new Identifier(_owner.ScopeSystem, data.Scope));
            var group = new MeasureReport.GroupComponent();
            for (int i = 0; i < data.Populations.Count; i++)
            {
                var population = data.Populations[i];
                group.Population.Add(new MeasureReport.PopulationComponent
                {
                    Code = new CodeableConcept(PopulationSystem, PopulationCodeNames[(int)population.Code]),
                    Count = population.Count,
                });
            }
            if (data.Score is double score)
            {
                var quantity = new Quantity { Value = decimal.CreateSaturating(score) };
                if (Unit(data.Scale) is { } unit)
                {
                    quantity.Unit = unit;
                    quantity.System = Ucum;
                    quantity.Code = unit;
                }
                group.MeasureScore = quantity;
            }
            else
            {
                group.Code = new CodeableConcept { Text = data.CodeText };
            }
            report.Group.Add(group);
            _resource(report);
        }

        private static CodeableConcept? Improvement(string measureKey) =>
            ImprovementNotation(measureKey) is var (code, display) ? new CodeableConcept(ImprovementSystem, code, display, null) : null;
    }
}
