using System.Buffers;
using System.Text.Json;
using PatientCentric.Scoring;

namespace PatientCentric.Fhir;

// WriteNdjson: one Utf8JsonWriter over one growing buffer for the whole output, handed to the stream in chunks of at
// least 64 KiB. Every resource is written straight with the Utf8JsonWriter, in exactly the bytes the Firely serializer
// gives for the resource Build builds from the same data (same element order, same escaping, same number formatting),
// without building it: one method per JSON shape (Organization, Measure, MeasureReport).
public sealed partial class FhirMeasureReportWriter
{
    private const int ChunkBytes = 1 << 16;

    /// <summary>Writes each resource of a walk as one NDJSON line. What is the same for many reports (names, systems,
    /// the date, the reporter, the period, each measure's URL and improvement notation) is encoded once.</summary>
    private sealed class NdjsonResources : IResourceSink, IDisposable
    {
        private static readonly JsonEncodedText ResourceTypeName = JsonEncodedText.Encode("resourceType");
        private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
        private static readonly JsonEncodedText IdentifierName = JsonEncodedText.Encode("identifier");
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
        private static readonly JsonEncodedText NameName = JsonEncodedText.Encode("name");
        private static readonly JsonEncodedText UrlName = JsonEncodedText.Encode("url");
        private static readonly JsonEncodedText TitleName = JsonEncodedText.Encode("title");
        private static readonly JsonEncodedText ScoringName = JsonEncodedText.Encode("scoring");
        private static readonly JsonEncodedText CriteriaName = JsonEncodedText.Encode("criteria");
        private static readonly JsonEncodedText LanguageName = JsonEncodedText.Encode("language");
        private static readonly JsonEncodedText ExpressionName = JsonEncodedText.Encode("expression");
        private static readonly JsonEncodedText OrganizationText = JsonEncodedText.Encode("Organization");
        private static readonly JsonEncodedText MeasureText = JsonEncodedText.Encode("Measure");
        private static readonly JsonEncodedText MeasureReportText = JsonEncodedText.Encode("MeasureReport");
        private static readonly JsonEncodedText ActiveText = JsonEncodedText.Encode("active");
        private static readonly JsonEncodedText CompleteText = JsonEncodedText.Encode("complete");
        private static readonly JsonEncodedText IndividualText = JsonEncodedText.Encode("individual");
        private static readonly JsonEncodedText SummaryText = JsonEncodedText.Encode("summary");
        private static readonly JsonEncodedText CriteriaLanguageText = JsonEncodedText.Encode(CriteriaLanguage);
        private static readonly JsonEncodedText PopulationSystemText = JsonEncodedText.Encode(PopulationSystem);
        private static readonly JsonEncodedText ScoringSystemText = JsonEncodedText.Encode(ScoringSystem);
        private static readonly JsonEncodedText ProportionText = JsonEncodedText.Encode(ScoringCode(proportion: true));
        private static readonly JsonEncodedText ContinuousVariableText = JsonEncodedText.Encode(ScoringCode(proportion: false));
        private static readonly JsonEncodedText ImprovementSystemText = JsonEncodedText.Encode(ImprovementSystem);
        private static readonly JsonEncodedText UcumText = JsonEncodedText.Encode(Ucum);
        private static readonly JsonEncodedText[] PopulationCodeTexts = [.. PopulationCodeNames.Select(c => JsonEncodedText.Encode(c))];

        private readonly FhirMeasureReportWriter _owner;
        private readonly Stream _output;
        private readonly ArrayBufferWriter<byte> _buffer = new(2 * ChunkBytes);
        private readonly Utf8JsonWriter _writer;
        private readonly Dictionary<string, JsonEncodedText> _measureUrls = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (JsonEncodedText Code, JsonEncodedText Display)?> _improvement = new(StringComparer.Ordinal);
        private readonly JsonEncodedText _scopeSystem;
        private Encoded _date, _reporter, _start, _end;

        public NdjsonResources(FhirMeasureReportWriter owner, Stream output)
        {
            _owner = owner;
            _output = output;
            _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = false, SkipValidation = false });
            _scopeSystem = JsonEncodedText.Encode(owner.ScopeSystem);
        }

        public void Organization(string id, string name)
        {
            _writer.WriteStartObject();
            _writer.WriteString(ResourceTypeName, OrganizationText);
            _writer.WriteString(IdName, id);
            _writer.WriteString(NameName, name);
            _writer.WriteEndObject();
            EndLine();
        }

        public void Measure(string id, string key, bool proportion)
        {
            _writer.WriteStartObject();
            _writer.WriteString(ResourceTypeName, MeasureText);
            _writer.WriteString(IdName, id);
            _writer.WriteString(UrlName, MeasureUrl(id));
            _writer.WriteString(NameName, ToComputableName(key));
            _writer.WriteString(TitleName, key);
            _writer.WriteString(StatusName, ActiveText);
            _writer.WriteStartObject(ScoringName);
            Coding(ScoringSystemText, proportion ? ProportionText : ContinuousVariableText);
            _writer.WriteEndObject();
            ImprovementNotation(key);
            _writer.WriteStartArray(GroupName);
            _writer.WriteStartObject();
            _writer.WriteStartArray(PopulationName);
            foreach (var code in MeasurePopulations(proportion))
            {
                _writer.WriteStartObject();
                PopulationCode(code);
                _writer.WriteStartObject(CriteriaName);
                _writer.WriteString(LanguageName, CriteriaLanguageText);
                _writer.WriteString(ExpressionName, Criteria(key, code));
                _writer.WriteEndObject();
                _writer.WriteEndObject();
            }
            _writer.WriteEndArray();
            _writer.WriteEndObject();
            _writer.WriteEndArray();
            _writer.WriteEndObject();
            EndLine();
        }

        public void Report(in ReportData report)
        {
            var writer = _writer;
            writer.WriteStartObject();
            writer.WriteString(ResourceTypeName, MeasureReportText);
            writer.WriteString(IdName, report.Id);
            if (!report.Individual)
            {
                writer.WriteStartArray(IdentifierName);
                writer.WriteStartObject();
                writer.WriteString(SystemName, _scopeSystem);
                writer.WriteString(ValueName, report.Scope);
                writer.WriteEndObject();
                writer.WriteEndArray();
            }
            writer.WriteString(StatusName, CompleteText);
            writer.WriteString(TypeName, report.Individual ? IndividualText : SummaryText);
            writer.WriteString(MeasureName, MeasureUrl(report.MeasureId));
            if (report.Individual)
            {
                writer.WriteStartObject(SubjectName);
                Span<char> subject = stackalloc char[PatientPrefix.Length + MaxIdLength];
                writer.WriteString(ReferenceName, subject[..PatientReference(report.Scope, subject)]);
                writer.WriteEndObject();
            }
            writer.WriteString(DateName, _date.Of(report.Date));
            if (report.Reporter is { } reporter)
            {
                writer.WriteStartObject(ReporterName);
                writer.WriteString(ReferenceName, _reporter.Of(reporter));
                writer.WriteEndObject();
            }
            writer.WriteStartObject(PeriodName);
            writer.WriteString(StartName, _start.Of(report.Start));
            writer.WriteString(EndName, _end.Of(report.End));
            writer.WriteEndObject();
            ImprovementNotation(report.MeasureKey);

            writer.WriteStartArray(GroupName);
            writer.WriteStartObject();
            if (report.CodeText is { } text)
            {
                writer.WriteStartObject(CodeName);
                writer.WriteString(TextName, text);
                writer.WriteEndObject();
            }
            if (report.Populations.Count > 0)
            {
                writer.WriteStartArray(PopulationName);
                for (int i = 0; i < report.Populations.Count; i++)
                {
                    var population = report.Populations[i];
                    writer.WriteStartObject();
                    PopulationCode(population.Code);
                    writer.WriteNumber(CountName, population.Count);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }
            if (report.Score is double score)
            {
                writer.WriteStartObject(MeasureScoreName);
                writer.WriteNumber(ValueName, decimal.CreateSaturating(score));
                if (Unit(report.Scale) is { } unit)
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
            EndLine();
        }

        /// <summary>Hands the rest of the buffer to the stream and flushes it.</summary>
        public void Finish()
        {
            if (_buffer.WrittenCount > 0)
                _output.Write(_buffer.WrittenSpan);
            _output.Flush();
        }

        public void Dispose() => _writer.Dispose();

        private void EndLine()
        {
            _writer.Flush();
            _buffer.GetSpan(1)[0] = (byte)'\n';
            _buffer.Advance(1);
            _writer.Reset(_buffer);
            if (_buffer.WrittenCount >= ChunkBytes)
            {
                _output.Write(_buffer.WrittenSpan);
                _buffer.ResetWrittenCount();
            }
        }

        // "code": a CodeableConcept of one coding of measure-population.
        private void PopulationCode(PopulationCode code)
        {
            _writer.WriteStartObject(CodeName);
            Coding(PopulationSystemText, PopulationCodeTexts[(int)code]);
            _writer.WriteEndObject();
        }

        // "coding": [{system, code}] (the CodeableConcept's object is the caller's).
        private void Coding(JsonEncodedText system, JsonEncodedText code)
        {
            _writer.WriteStartArray(CodingName);
            _writer.WriteStartObject();
            _writer.WriteString(SystemName, system);
            _writer.WriteString(CodeName, code);
            _writer.WriteEndObject();
            _writer.WriteEndArray();
        }

        // The measure's improvementNotation, or nothing where the library defines no direction.
        private void ImprovementNotation(string measureKey)
        {
            if (!_improvement.TryGetValue(measureKey, out var improvement))
            {
                improvement = FhirMeasureReportWriter.ImprovementNotation(measureKey) is var (code, display)
                    ? (JsonEncodedText.Encode(code), JsonEncodedText.Encode(display))
                    : null;
                _improvement.Add(measureKey, improvement);
            }
            if (improvement is not var (codeText, displayText))
                return;
            _writer.WriteStartObject(ImprovementNotationName);
            _writer.WriteStartArray(CodingName);
            _writer.WriteStartObject();
            _writer.WriteString(SystemName, ImprovementSystemText);
            _writer.WriteString(CodeName, codeText);
            _writer.WriteString(DisplayName, displayText);
            _writer.WriteEndObject();
            _writer.WriteEndArray();
            _writer.WriteEndObject();
        }

        // "Patient/" and the key mapped as ToFhirId maps it, into destination; returns the characters written.
        private static int PatientReference(string key, Span<char> destination)
        {
            PatientPrefix.CopyTo(destination);
            return PatientPrefix.Length + ToFhirId(key, destination[PatientPrefix.Length..]);
        }

        private JsonEncodedText MeasureUrl(string measureId)
        {
            if (!_measureUrls.TryGetValue(measureId, out var url))
                _measureUrls.Add(measureId, url = JsonEncodedText.Encode(_owner.MeasureUrl(measureId)));
            return url;
        }
    }

    /// <summary>The encoded form of the last text asked for: the same string instance (a walk's date, reporter or
    /// period) is encoded once.</summary>
    private struct Encoded
    {
        private string? _text;
        private JsonEncodedText _encoded;

        public JsonEncodedText Of(string text)
        {
            if (!ReferenceEquals(text, _text))
            {
                _encoded = JsonEncodedText.Encode(text);
                _text = text;
            }
            return _encoded;
        }
    }
}
