using System.Globalization;
using System.Text;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using PatientCentric.Control;
using PatientCentric.Scoring;

namespace PatientCentric.Fhir;

/// <summary>Writes a <see cref="PracticeEvaluation"/> as FHIR R4 resources: the practice as an <see cref="Organization"/>,
/// one <see cref="Measure"/> per measure key, one summary <see cref="MeasureReport"/> per population card, one
/// individual <see cref="MeasureReport"/> per patient card, and one summary <see cref="MeasureReport"/> per measure and
/// period of the practice's series (docs/fhir.md).</summary>
/// <remarks>
/// <para>Proportion measures are reported with the populations <c>initial-population</c> (evidence + excluded),
/// <c>denominator</c> (evidence), <c>denominator-exclusion</c> (excluded) and <c>numerator</c>; other scales are reported
/// as continuous-variable measures with <c>initial-population</c>, <c>measure-population</c> and
/// <c>measure-population-exclusion</c>. A card without a value has no <c>measureScore</c>; its status and reason are in
/// <c>group.code.text</c>.</para>
/// <para>Every resource has an id that is valid, unique within the output and the same for the same evaluation on every
/// run; an individual report's id hashes the patient key rather than showing it. Each report's <c>reporter</c> is the
/// practice's Organization. Measures and reports carry <c>improvementNotation</c> (<c>increase</c> or <c>decrease</c>)
/// where the library defines the measure's improvement direction, and none where it does not. Patients are referenced
/// (<c>subject</c>) by the card's patient key: a pseudonym unless the reader was asked for FHIR Patient ids.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed partial class FhirMeasureReportWriter
{
    private const string PopulationSystem = "http://terminology.hl7.org/CodeSystem/measure-population";
    private const string ScoringSystem = "http://terminology.hl7.org/CodeSystem/measure-scoring";
    private const string ImprovementSystem = "http://terminology.hl7.org/CodeSystem/measure-improvement-notation";
    private const string Ucum = "http://unitsofmeasure.org";
    private const int MaxIdLength = 64;

    private static readonly FhirJsonSerializer Serializer = new();

    private readonly string _base;

    /// <summary>Initializes a writer.</summary>
    /// <param name="canonicalBase">The absolute <c>http</c> or <c>https</c> base of the canonical URLs, such as
    /// <c>https://example.org/fhir</c>; a trailing slash is ignored.</param>
    /// <exception cref="ArgumentException"><paramref name="canonicalBase"/> is empty, not an absolute http(s) URI, or has a
    /// query or fragment.</exception>
    public FhirMeasureReportWriter(string canonicalBase = "https://patientcentric.example/fhir")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(canonicalBase);
        var trimmed = canonicalBase.Trim().TrimEnd('/');
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            throw new ArgumentException($"'{canonicalBase}' is not an absolute http or https URI without query or fragment.", nameof(canonicalBase));
        _base = trimmed;
    }

    /// <summary>Builds the resources for an evaluation: the practice's <see cref="Organization"/> first, then the measures (in
    /// order of first appearance), then one summary report per card in <see cref="PracticeEvaluation.Cards"/>, then one
    /// individual report per card in <see cref="PracticeEvaluation.PatientCards"/>, then one summary report per period of each
    /// practice-level series in <see cref="PracticeEvaluation.Series"/>. Every report names the organization as
    /// its <c>reporter</c>; without a practice name (empty or white space) there is neither.</summary>
    /// <param name="evaluation">The evaluation.</param>
    /// <returns>The resources, new on every call; their ids are the same for the same evaluation on every call and run.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="evaluation"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<Resource> Build(PracticeEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var resources = new List<Resource>();
        ForEachResource(evaluation, evaluation.PatientCards, resources.Add);
        return resources;
    }

    /// <summary>Gives the resources of <see cref="Build"/> to <paramref name="resource"/> one at a time, each built when
    /// its turn comes (the path <see cref="WriteNdjson(PracticeEvaluation, Stream)"/> took before it wrote the individual
    /// reports itself; the baseline of <c>MeasureReportWriterBenchmarks</c>).</summary>
    internal void ForEachResource(PracticeEvaluation evaluation, IEnumerable<ScoreCard> patientCards, Action<Resource> resource) =>
        Walk(evaluation, patientCards, resource,
            (card, measureId, ids, reporter) => resource(BuildReport(evaluation, card, measureId, ids, reporter, individual: true)));

    /// <summary>The one order of the resources of an evaluation (<see cref="Build"/>'s, and each line's of
    /// <see cref="WriteNdjson(PracticeEvaluation, Stream)"/>): each resource but the individual reports to
    /// <paramref name="resource"/>, and each patient card, with its measure's id, the ids claimed so far and the reporter,
    /// to <paramref name="individual"/>, which builds or writes its report.</summary>
    private void Walk(PracticeEvaluation evaluation, IEnumerable<ScoreCard> patientCards, Action<Resource> resource,
                      Action<ScoreCard, string, FhirResourceIds, string?> individual)
    {
        var ids = new FhirResourceIds();
        var (organization, reporter) = BuildOrganization(evaluation, ids);
        if (organization is not null)
            resource(organization);
        var (firstCards, measureIds) = FirstCards(evaluation, patientCards, ids);
        foreach (var card in firstCards)
            resource(BuildMeasure(card, measureIds[card.MeasureKey]));
        foreach (var card in evaluation.Cards)
            resource(BuildReport(evaluation, card, measureIds[card.MeasureKey], ids, reporter, individual: false));
        foreach (var card in patientCards)
            individual(card, measureIds[card.MeasureKey], ids, reporter);
        foreach (var report in PeriodReports(evaluation, measureIds, ids, reporter))
            resource(report);
    }

    // The practice's Organization and the reference every report names as its reporter; neither without a practice name.
    private static (Organization? Organization, string? Reporter) BuildOrganization(PracticeEvaluation evaluation, FhirResourceIds ids)
    {
        if (string.IsNullOrWhiteSpace(evaluation.PracticeName))
            return (null, null);
        var organization = new Organization
        {
            Id = ids.Claim(null, evaluation.PracticeName, nameof(Organization), evaluation.PracticeName),
            Name = evaluation.PracticeName,
        };
        return (organization, $"{nameof(Organization)}/{organization.Id}");
    }

    // The first card of each measure key (in order of first appearance: one Measure each) and the measures' ids.
    private static (List<ScoreCard> FirstCards, Dictionary<string, string> MeasureIds) FirstCards(
        PracticeEvaluation evaluation, IEnumerable<ScoreCard> patientCards, FhirResourceIds ids)
    {
        var firstCards = new List<ScoreCard>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var card in evaluation.Cards.Concat(patientCards))
        {
            if (seen.Add(card.MeasureKey))
                firstCards.Add(card);
        }
        return (firstCards, MeasureIds(firstCards.Select(c => c.MeasureKey), ids));
    }

    // Keys that are valid ids keep themselves; then, in ordinal order so the result does not depend on card order, the
    // others take their sanitised form when it fits and is free, else a hashed id.
    private static Dictionary<string, string> MeasureIds(IEnumerable<string> keys, FhirResourceIds ids)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var ordered = keys.Order(StringComparer.Ordinal).ToList();
        foreach (var key in ordered.Where(FhirResourceIds.IsValid))
            result[key] = ids.Claim(key, key, nameof(Measure), key);
        foreach (var key in ordered.Where(k => !FhirResourceIds.IsValid(k)))
            result[key] = ids.Claim(FhirResourceIds.Sanitize(key), key, nameof(Measure), key);
        return result;
    }

    /// <summary>Writes the resources of <see cref="Build"/> as NDJSON: one compact JSON resource per line, UTF-8 without a
    /// byte-order mark, each line ended by <c>'\n'</c>. Each resource is built, written and let go in turn: the whole
    /// set is never held in memory.</summary>
    /// <param name="evaluation">The evaluation.</param>
    /// <param name="output">A writable stream; it is flushed, not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="output"/> is not writable.</exception>
    public void WriteNdjson(PracticeEvaluation evaluation, Stream output)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        WriteNdjson(evaluation, evaluation.PatientCards, output);
    }

    /// <summary>Writes the resources of <see cref="Build"/> as <see cref="WriteNdjson(PracticeEvaluation, Stream)"/> does,
    /// with <paramref name="patientCards"/> in place of <see cref="PracticeEvaluation.PatientCards"/>: for an evaluation
    /// whose patient cards are kept on disk rather than in memory (docs/scale.md#per-patient-outputs-on-disk).</summary>
    /// <param name="evaluation">The evaluation; its own <see cref="PracticeEvaluation.PatientCards"/> are not read.</param>
    /// <param name="patientCards">The patient cards, in order. Enumerated twice (the measures first, then one individual
    /// report per card), and read one card at a time.</param>
    /// <param name="output">A writable stream; it is flushed, not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="output"/> is not writable.</exception>
    public void WriteNdjson(PracticeEvaluation evaluation, IEnumerable<ScoreCard> patientCards, Stream output)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(patientCards);
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanWrite)
            throw new ArgumentException("The output stream is not writable.", nameof(output));
        WriteNdjsonCore(evaluation, patientCards, output);
    }

    private Measure BuildMeasure(ScoreCard card, string id)
    {
        var key = card.MeasureKey;
        var proportion = card.Scale == ScoreScale.Proportion;
        var measure = new Measure
        {
            Id = id,
            Url = MeasureUrl(id),
            Name = ToComputableName(key),
            Title = key,
            Status = PublicationStatus.Active,
            Scoring = new CodeableConcept(ScoringSystem, proportion ? "proportion" : "continuous-variable"),
            ImprovementNotation = ImprovementNotation(key),
        };
        var group = new Measure.GroupComponent();
        foreach (var code in PopulationCodes(proportion))
        {
            group.Population.Add(new Measure.PopulationComponent
            {
                Code = new CodeableConcept(PopulationSystem, code),
                Criteria = new Expression
                {
                    Language = "text/plain",
                    Expression_ = $"The records the PatientCentric measure '{key}' counts as {code}.",
                },
            });
        }
        measure.Group.Add(group);
        return measure;
    }

    private MeasureReport BuildReport(PracticeEvaluation evaluation, ScoreCard card, string measureId, FhirResourceIds ids,
                                      string? reporter, bool individual)
    {
        var report = new MeasureReport
        {
            Id = ReportId(card, measureId, ids),
            Status = MeasureReport.MeasureReportStatus.Complete,
            Type = individual ? MeasureReport.MeasureReportType.Individual : MeasureReport.MeasureReportType.Summary,
            Measure = MeasureUrl(measureId),
            Date = new FhirDateTime(evaluation.AsOf).Value,
            Reporter = reporter is null ? null : new ResourceReference(reporter),
            ImprovementNotation = ImprovementNotation(card.MeasureKey),
            Period = new Period
            {
                Start = evaluation.Period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                End = evaluation.Period.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            },
        };
        if (individual)
            report.Subject = new ResourceReference("Patient/" + ToFhirId(card.Scope.Key));
        else
            report.Identifier.Add(new Identifier(_base + "/scope", $"{LevelName(card.Scope.Level)}:{card.Scope.Key}"));

        var proportion = card.Scale == ScoreScale.Proportion;
        var group = new MeasureReport.GroupComponent();
        var codes = PopulationCodes(proportion);
        group.Population.Add(Population(codes[0], card.EvidenceCount + card.ExcludedCount));
        group.Population.Add(Population(codes[1], card.EvidenceCount));
        group.Population.Add(Population(codes[2], card.ExcludedCount));
        if (proportion && Numerator(card) is int numerator)
            group.Population.Add(Population(codes[3], numerator));
        if (card.Status == ScoreStatus.Ok && card.Value is double value)
            group.MeasureScore = Score(value, card.Scale);
        else
            group.Code = new CodeableConcept { Text = card.StatusReason is { Length: > 0 } reason ? $"{card.Status}: {reason}" : card.Status.ToString() };
        report.Group.Add(group);
        return report;
    }

    private string MeasureUrl(string measureId) => $"{_base}/Measure/{measureId}";

    // Always hashed over the measure key, level and scope key. The readable prefix names the measure and the scope, except
    // a patient's: its key (a pseudonym, or the FHIR Patient id with IncludePatientReferences) is only ever hashed.
    private static string ReportId(ScoreCard card, string measureId, FhirResourceIds ids)
    {
        var level = LevelName(card.Scope.Level);
        var readable = card.Scope.Level switch
        {
            ScopeLevel.Patient or ScopeLevel.Practice => $"{measureId}.{level}",
            _ => $"{measureId}.{level}.{card.Scope.Key}",
        };
        return ids.Claim(null, readable, nameof(MeasureReport), card.MeasureKey, level, card.Scope.Key);
    }

    // Neutral and undefined directions have no code in measure-improvement-notation: the element is left out.
    private static CodeableConcept? ImprovementNotation(string measureKey) => MeasureCatalog.DirectionOf(measureKey) switch
    {
        ImprovementDirection.Increase => new CodeableConcept(ImprovementSystem, "increase", "Increased score indicates improvement", null),
        ImprovementDirection.Decrease => new CodeableConcept(ImprovementSystem, "decrease", "Decreased score indicates improvement", null),
        _ => null,
    };

    private static string[] PopulationCodes(bool proportion) => proportion
        ? ["initial-population", "denominator", "denominator-exclusion", "numerator"]
        : ["initial-population", "measure-population", "measure-population-exclusion"];

    private static MeasureReport.PopulationComponent Population(string code, int count) =>
        new() { Code = new CodeableConcept(PopulationSystem, code), Count = count };

    private static int? Numerator(ScoreCard card)
    {
        foreach (var component in card.Components)
        {
            if (component.Name == "numerator" && component.InputValue is double n && double.IsFinite(n) && n >= 0)
                return (int)Math.Round(Math.Min(n, int.MaxValue), MidpointRounding.AwayFromZero);
        }
        return card.Value is double v
            ? (int)Math.Round(v * card.EvidenceCount, MidpointRounding.AwayFromZero)
            : null;
    }

    private static Quantity Score(double value, ScoreScale scale)
    {
        var quantity = new Quantity { Value = decimal.CreateSaturating(value) };
        if (Unit(scale) is { } unit)
        {
            quantity.Unit = unit;
            quantity.System = Ucum;
            quantity.Code = unit;
        }
        return quantity;
    }

    // The UCUM unit of a scale, or none.
    private static string? Unit(ScoreScale scale) => scale switch
    {
        ScoreScale.Proportion or ScoreScale.NetPromoter or ScoreScale.Utility or ScoreScale.Count => "1",
        ScoreScale.Days => "d",
        ScoreScale.Hours => "h",
        ScoreScale.Minutes => "min",
        ScoreScale.Seconds => "s",
        _ => null,
    };

    private static string LevelName(ScopeLevel level) => level switch
    {
        ScopeLevel.Practice => "practice",
        ScopeLevel.ServiceLine => "service-line",
        ScopeLevel.Clinician => "clinician",
        ScopeLevel.Patient => "patient",
        ScopeLevel.Stakeholder => "stakeholder",
        _ => level.ToString().ToLowerInvariant(),
    };

    /// <summary>Maps a key to the FHIR id rules <c>[A-Za-z0-9\-\.]{1,64}</c>: other characters become <c>-</c>.</summary>
    internal static string ToFhirId(string key)
    {
        var sb = new StringBuilder(Math.Min(key.Length, MaxIdLength));
        foreach (var c in key)
        {
            if (sb.Length == MaxIdLength) break;
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '-');
        }
        return sb.Length == 0 ? "measure" : sb.ToString();
    }

    /// <summary>Maps a kebab-case key to a computable name matching <c>[A-Z]([A-Za-z0-9_]){0,254}</c>.</summary>
    internal static string ToComputableName(string key)
    {
        var sb = new StringBuilder(key.Length + 1);
        var upper = true;
        foreach (var c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c)) { upper = true; continue; }
            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        if (sb.Length == 0 || !char.IsAsciiLetterUpper(sb[0])) sb.Insert(0, 'M');
        return sb.Length > 255 ? sb.ToString(0, 255) : sb.ToString();
    }
}
