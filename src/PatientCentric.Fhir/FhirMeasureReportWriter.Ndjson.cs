using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Hl7.Fhir.Model;
using PatientCentric.Scoring;

namespace PatientCentric.Fhir;

// WriteNdjson: one Utf8JsonWriter over one growing buffer for the whole output, handed to the stream in chunks of at
// least 64 KiB. The individual MeasureReports (one per patient card: nearly all of the output) are written straight
// with the Utf8JsonWriter, in exactly the bytes the Firely serializer gives for the resource BuildReport builds (same
// element order, same escaping, same number formatting); the few other resources still go through Firely.
public sealed partial class FhirMeasureReportWriter
{
    private const int ChunkBytes = 1 << 16;

    private void WriteNdjsonCore(PracticeEvaluation evaluation, IEnumerable<ScoreCard> patientCards, Stream output)
    {
        var buffer = new ArrayBufferWriter<byte>(2 * ChunkBytes);
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, SkipValidation = false });

        void EndLine()
        {
            writer.Flush();
            buffer.GetSpan(1)[0] = (byte)'\n';
            buffer.Advance(1);
            writer.Reset(buffer);
            if (buffer.WrittenCount >= ChunkBytes)
            {
                output.Write(buffer.WrittenSpan);
                buffer.ResetWrittenCount();
            }
        }

        void Write(Resource resource)
        {
            Serializer.Serialize(resource, writer);
            EndLine();
        }

        IndividualReports? individual = null;
        Walk(evaluation, patientCards, Write, (card, measureId, ids, reporter) =>
        {
            individual ??= new IndividualReports(this, evaluation, reporter);
            individual.Write(writer, card, measureId, individual.ReportId(card, measureId, ids));
            EndLine();
        });
        if (buffer.WrittenCount > 0)
            output.Write(buffer.WrittenSpan);
        output.Flush();
    }

    /// <summary>Writes the individual <see cref="MeasureReport"/> of one patient card as <see cref="BuildReport"/> builds it
    /// and the Firely serializer writes it; what is the same for every card of an evaluation (names, systems, the date,
    /// the period, each measure's URL and improvement notation) is encoded once.</summary>
    private sealed class IndividualReports(FhirMeasureReportWriter owner, PracticeEvaluation evaluation, string? reporter)
    {
        private static readonly JsonEncodedText ResourceTypeName = JsonEncodedText.Encode("resourceType");
        private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
        private static readonly JsonEncodedText StatusName = JsonEncodedText.Encode("status");
        private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode("type");
        private static readonly JsonEncodedText MeasureName = JsonEncodedText.Encode("measure");
        private static readonly JsonEncodedText SubjectName = JsonEncodedText.Encode("subject");
        private static readonly JsonEncodedText ReferenceName = JsonEncodedText.Encode("reference");
        private static readonly JsonEncodedText DateName = JsonEncodedText.Encode("date");
        private static readonly JsonEncodedText ReporterName = JsonEncodedText.Encode("reporter");
        private static readonly JsonEncodedText PeriodName = JsonEncodedText.Encode("period");
        private static readonly JsonEncodedText StartName = JsonEncodedText.Encode("start");
        private static readonly JsonEncodedText EndName = JsonEncodedText.Encode("end");
        private static readonly JsonEncodedText ImprovementNotationName = JsonEncodedText.Encode("improvementNotation");
        private static readonly JsonEncodedText CodingName = JsonEncodedText.Encode("coding");
        private static readonly JsonEncodedText SystemName = JsonEncodedText.Encode("system");
        private static readonly JsonEncodedText CodeName = JsonEncodedText.Encode("code");
        private static readonly JsonEncodedText DisplayName = JsonEncodedText.Encode("display");
        private static readonly JsonEncodedText GroupName = JsonEncodedText.Encode("group");
        private static readonly JsonEncodedText TextName = JsonEncodedText.Encode("text");
        private static readonly JsonEncodedText PopulationName = JsonEncodedText.Encode("population");
        private static readonly JsonEncodedText CountName = JsonEncodedText.Encode("count");
        private static readonly JsonEncodedText MeasureScoreName = JsonEncodedText.Encode("measureScore");
        private static readonly JsonEncodedText ValueName = JsonEncodedText.Encode("value");
        private static readonly JsonEncodedText UnitName = JsonEncodedText.Encode("unit");
        private static readonly JsonEncodedText MeasureReportText = JsonEncodedText.Encode(nameof(MeasureReport));
        private static readonly JsonEncodedText CompleteText = JsonEncodedText.Encode("complete");
        private static readonly JsonEncodedText IndividualText = JsonEncodedText.Encode("individual");
        private static readonly JsonEncodedText PopulationSystemText = JsonEncodedText.Encode(PopulationSystem);
        private static readonly JsonEncodedText ImprovementSystemText = JsonEncodedText.Encode(ImprovementSystem);
        private static readonly JsonEncodedText UcumText = JsonEncodedText.Encode(Ucum);
        private static readonly JsonEncodedText[] ProportionCodes = [.. PopulationCodes(proportion: true).Select(c => JsonEncodedText.Encode(c))];
        private static readonly JsonEncodedText[] ContinuousCodes = [.. PopulationCodes(proportion: false).Select(c => JsonEncodedText.Encode(c))];
        private static readonly string PatientPrefix = "Patient/";

        private readonly JsonEncodedText? _date = new FhirDateTime(evaluation.AsOf).Value is { } date ? JsonEncodedText.Encode(date) : null;
        private readonly JsonEncodedText? _reporter = reporter is null ? null : JsonEncodedText.Encode(reporter);
        private readonly JsonEncodedText _start = JsonEncodedText.Encode(evaluation.Period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        private readonly JsonEncodedText _end = JsonEncodedText.Encode(evaluation.Period.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        private readonly Dictionary<string, JsonEncodedText> _measureUrls = new(StringComparer.Ordinal);
        private readonly Dictionary<string, CodeableConcept?> _improvement = new(StringComparer.Ordinal);

        private readonly Dictionary<string, string> _readable = new(StringComparer.Ordinal);
        private readonly string[] _parts = new string[4];

        /// <summary>The id <see cref="FhirMeasureReportWriter.ReportId"/> claims for a patient's card, without its two
        /// strings per card: the readable prefix is the same for every card of a measure, and the parts' array is reused
        /// (<see cref="FhirResourceIds.Claim"/> keeps neither).</summary>
        public string ReportId(ScoreCard card, string measureId, FhirResourceIds ids)
        {
            if (card.Scope.Level != ScopeLevel.Patient)
                return FhirMeasureReportWriter.ReportId(card, measureId, ids);
            var level = LevelName(ScopeLevel.Patient);
            if (!_readable.TryGetValue(measureId, out var readable))
                _readable.Add(measureId, readable = $"{measureId}.{level}");
            _parts[0] = nameof(MeasureReport);
            _parts[1] = card.MeasureKey;
            _parts[2] = level;
            _parts[3] = card.Scope.Key;
            return ids.Claim(null, readable, _parts);
        }

        public void Write(Utf8JsonWriter writer, ScoreCard card, string measureId, string id)
        {
            writer.WriteStartObject();
            writer.WriteString(ResourceTypeName, MeasureReportText);
            writer.WriteString(IdName, id);
            writer.WriteString(StatusName, CompleteText);
            writer.WriteString(TypeName, IndividualText);
            writer.WriteString(MeasureName, MeasureUrl(measureId));

            writer.WriteStartObject(SubjectName);
            Span<char> subject = stackalloc char[8 + MaxIdLength];
            writer.WriteString(ReferenceName, subject[..PatientReference(card.Scope.Key, subject)]);
            writer.WriteEndObject();

            if (_date is { } date)
                writer.WriteString(DateName, date);
            if (_reporter is { } reporterText)
            {
                writer.WriteStartObject(ReporterName);
                writer.WriteString(ReferenceName, reporterText);
                writer.WriteEndObject();
            }
            writer.WriteStartObject(PeriodName);
            writer.WriteString(StartName, _start);
            writer.WriteString(EndName, _end);
            writer.WriteEndObject();
            if (Improvement(card.MeasureKey) is { } improvement)
            {
                var coding = improvement.Coding[0];
                writer.WriteStartObject(ImprovementNotationName);
                writer.WriteStartArray(CodingName);
                writer.WriteStartObject();
                writer.WriteString(SystemName, ImprovementSystemText);
                writer.WriteString(CodeName, coding.Code);
                writer.WriteString(DisplayName, coding.Display);
                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteStartArray(GroupName);
            writer.WriteStartObject();
            var proportion = card.Scale == ScoreScale.Proportion;
            var ok = card.Status == ScoreStatus.Ok && card.Value is not null;
            if (!ok)
            {
                writer.WriteStartObject(CodeName);
                writer.WriteString(TextName, card.StatusReason is { Length: > 0 } reason ? $"{card.Status}: {reason}" : card.Status.ToString());
                writer.WriteEndObject();
            }
            var codes = proportion ? ProportionCodes : ContinuousCodes;
            writer.WriteStartArray(PopulationName);
            Population(writer, codes[0], card.EvidenceCount + card.ExcludedCount);
            Population(writer, codes[1], card.EvidenceCount);
            Population(writer, codes[2], card.ExcludedCount);
            if (proportion && Numerator(card) is int numerator)
                Population(writer, codes[3], numerator);
            writer.WriteEndArray();
            if (ok)
            {
                writer.WriteStartObject(MeasureScoreName);
                writer.WriteNumber(ValueName, decimal.CreateSaturating(card.Value!.Value));
                if (Unit(card.Scale) is { } unit)
                {
                    writer.WriteString(UnitName, unit);
                    writer.WriteString(SystemName, UcumText);
                    writer.WriteString(CodeName, unit);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        private static void Population(Utf8JsonWriter writer, JsonEncodedText code, int count)
        {
            writer.WriteStartObject();
            writer.WriteStartObject(CodeName);
            writer.WriteStartArray(CodingName);
            writer.WriteStartObject();
            writer.WriteString(SystemName, PopulationSystemText);
            writer.WriteString(CodeName, code);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteNumber(CountName, count);
            writer.WriteEndObject();
        }

        // "Patient/" and the key mapped as ToFhirId maps it, into destination; returns the characters written.
        private static int PatientReference(string key, Span<char> destination)
        {
            PatientPrefix.CopyTo(destination);
            int n = PatientPrefix.Length;
            foreach (var c in key)
            {
                if (n - PatientPrefix.Length == MaxIdLength) break;
                destination[n++] = char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '-';
            }
            if (n == PatientPrefix.Length)
            {
                "measure".CopyTo(destination[n..]);
                n += "measure".Length;
            }
            return n;
        }

        private JsonEncodedText MeasureUrl(string measureId)
        {
            if (!_measureUrls.TryGetValue(measureId, out var url))
                _measureUrls.Add(measureId, url = JsonEncodedText.Encode(owner.MeasureUrl(measureId)));
            return url;
        }

        private CodeableConcept? Improvement(string measureKey)
        {
            if (!_improvement.TryGetValue(measureKey, out var improvement))
                _improvement.Add(measureKey, improvement = ImprovementNotation(measureKey));
            return improvement;
        }
    }
}
