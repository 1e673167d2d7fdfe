using System.Globalization;
using System.Text;
using Hl7.Fhir.Model;
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
    /// its turn comes (the Firely objects <see cref="WriteNdjson(PracticeEvaluation, Stream)"/> once serialized; the
    /// baseline of <c>MeasureReportWriterBenchmarks</c>).</summary>
    internal void ForEachResource(PracticeEvaluation evaluation, IEnumerable<ScoreCard> patientCards, Action<Resource> resource) =>
        Walk(evaluation, patientCards, new FirelyResources(this, resource));

    /// <summary>The one order of the resources of an evaluation (<see cref="Build"/>'s, and each line's of
    /// <see cref="WriteNdjson(PracticeEvaluation, Stream)"/>), with their ids claimed in that order: each resource is
    /// handed to <paramref name="sink"/> as plain data, which builds or writes it.</summary>
    private void Walk(PracticeEvaluation evaluation, IEnumerable<ScoreCard> patientCards, IResourceSink sink)
    {
        var ids = new FhirResourceIds();
        string? reporter = null;
        if (!string.IsNullOrWhiteSpace(evaluation.PracticeName))
        {
            var organizationId = ids.Claim(null, evaluation.PracticeName, nameof(Organization), evaluation.PracticeName);
            sink.Organization(organizationId, evaluation.PracticeName);
            reporter = $"{nameof(Organization)}/{organizationId}";
        }
        var (firstCards, measureIds) = FirstCards(evaluation, patientCards, ids);
        foreach (var card in firstCards)
            sink.Measure(measureIds[card.MeasureKey], card.MeasureKey, card.Scale == ScoreScale.Proportion);

        var common = new ReportCommon(DateText(evaluation.AsOf), reporter, DayText(evaluation.Period.Start), DayText(evaluation.Period.End));
        var reportIds = new ReportIds(ids);
        foreach (var card in evaluation.Cards)
        {
            var measureId = measureIds[card.MeasureKey];
            sink.Report(CardReport(card, measureId, reportIds.Claim(card, measureId), common, individual: false));
        }
        foreach (var card in patientCards)
        {
            var measureId = measureIds[card.MeasureKey];
            sink.Report(CardReport(card, measureId, reportIds.Claim(card, measureId), common, individual: true));
        }
        PeriodReports(evaluation, measureIds, ids, common, sink);
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

    // The report of a card: a summary report (identified by its scope) of a population card, or the individual report
    // (its subject the patient) of a patient card.
    private static ReportData CardReport(ScoreCard card, string measureId, string id, ReportCommon common, bool individual)
    {
        var proportion = card.Scale == ScoreScale.Proportion;
        var populations = new Populations();
        populations.Add(PopulationCode.InitialPopulation, card.EvidenceCount + card.ExcludedCount);
        populations.Add(proportion ? PopulationCode.Denominator : PopulationCode.MeasurePopulation, card.EvidenceCount);
        populations.Add(proportion ? PopulationCode.DenominatorExclusion : PopulationCode.MeasurePopulationExclusion, card.ExcludedCount);
        if (proportion && Numerator(card) is int numerator)
            populations.Add(PopulationCode.Numerator, numerator);
        var ok = card.Status == ScoreStatus.Ok && card.Value is not null;
        return new ReportData(
            id, individual, individual ? card.Scope.Key : ScopeValue(card.Scope.Level, card.Scope.Key), measureId, card.MeasureKey,
            common.Date, common.Reporter, common.Start, common.End, populations,
            ok ? card.Value : null, card.Scale, ok ? null : StatusText(card.Status, card.StatusReason));
    }

    // The text of a value's absence: its status, and its reason when there is one.
    private static string StatusText(ScoreStatus status, string? reason) =>
        reason is { Length: > 0 } ? $"{status}: {reason}" : status.ToString();

    // The value of a summary report's identifier (system {base}/scope): the scope's level and key.
    private static string ScopeValue(ScopeLevel level, string key) => $"{LevelName(level)}:{key}";

    // An instant as a FHIR dateTime, as Firely's FhirDateTime writes it: seconds, the fraction when not zero, the offset.
    internal static string DateText(DateTimeOffset instant) =>
        instant.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture);

    private static string DayText(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Writes the resources of <see cref="Build"/> as NDJSON: one compact JSON resource per line, UTF-8 without a
    /// byte-order mark, each line ended by <c>'\n'</c>. Each resource is written in turn, in the bytes the Firely SDK's
    /// serializer gives for it, without building it: the whole set is never held in memory.</summary>
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
        using var sink = new NdjsonResources(this, output);
        Walk(evaluation, patientCards, sink);
        sink.Finish();
    }

    private const string CriteriaLanguage = "text/plain";
    private const string PatientPrefix = "Patient/";

    private string MeasureUrl(string measureId) => $"{_base}/Measure/{measureId}";

    // The system of a summary report's identifier.
    private string ScopeSystem => _base + "/scope";

    private static string ScoringCode(bool proportion) => proportion ? "proportion" : "continuous-variable";

    // The criteria text of a Measure's population.
    private static string Criteria(string key, PopulationCode code) =>
        $"The records the PatientCentric measure '{key}' counts as {PopulationCodeNames[(int)code]}.";

    // Neutral and undefined directions have no code in measure-improvement-notation: the element is left out.
    private static (string Code, string Display)? ImprovementNotation(string measureKey) => MeasureCatalog.DirectionOf(measureKey) switch
    {
        ImprovementDirection.Increase => ("increase", "Increased score indicates improvement"),
        ImprovementDirection.Decrease => ("decrease", "Decreased score indicates improvement"),
        _ => null,
    };

    // The populations of a measure (each in its Measure, in this order).
    private static PopulationCode[] MeasurePopulations(bool proportion) => proportion
        ? [PopulationCode.InitialPopulation, PopulationCode.Denominator, PopulationCode.DenominatorExclusion, PopulationCode.Numerator]
        : [PopulationCode.InitialPopulation, PopulationCode.MeasurePopulation, PopulationCode.MeasurePopulationExclusion];

    private static int? Numerator(ScoreCard card)
    {
        foreach (var component in card.Components)
        {
            if (component.Name == "numerator" && component.InputValue is double n && double.IsFinite(n) && n >= 0)
                return Count(n);
        }
        return card.Value is double v
            ? (int)Math.Round(v * card.EvidenceCount, MidpointRounding.AwayFromZero)
            : null;
    }

    // A population count from a non-negative value: rounded half away from zero, at most int.MaxValue.
    private static int Count(double value) => (int)Math.Round(Math.Min(value, int.MaxValue), MidpointRounding.AwayFromZero);

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
        Span<char> id = stackalloc char[MaxIdLength];
        return new string(id[..ToFhirId(key, id)]);
    }

    /// <summary>Writes <see cref="ToFhirId(string)"/> of <paramref name="key"/> into <paramref name="destination"/> (room
    /// for <see cref="MaxIdLength"/> characters) and returns how many characters it wrote.</summary>
    private static int ToFhirId(string key, Span<char> destination)
    {
        int n = 0;
        foreach (var c in key)
        {
            if (n == MaxIdLength) break;
            destination[n++] = char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '-';
        }
        if (n > 0) return n;
        "measure".CopyTo(destination);
        return "measure".Length;
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
