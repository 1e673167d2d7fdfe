using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Hl7.Fhir.Model;
using PatientCentric.Control;
using PatientCentric.Scoring;

namespace PatientCentric.Fhir.Tests;

// WriteNdjson writes every resource without Firely (Organization, Measures, summary, individual and period reports):
// its bytes must be those of Firely's serialization of Build, for every kind of resource and any text in it.
public sealed partial class FhirMeasureReportWriterTests
{
    private const string OddText = "q\"uote\\ back/slash \u0001\u001f\u007f ä 😀 <b>&'+ \u2028";

    // Cards of every scale, Ok and not, with and without a numerator, at every population level and with odd keys; a
    // proportion and three other kinds of practice series with points that have and lack values and populations.
    private static PracticeEvaluation EveryKind(string practiceName)
    {
        var cards = new List<ScoreCard>();
        var scales = Enum.GetValues<ScoreScale>();
        for (int i = 0; i < scales.Length; i++)
        {
            var key = $"measure-{scales[i]}";
            double value = new[] { 0.25, -2.5, 1e300, 5e-324, 7.9e28, double.MaxValue, 0.1 + 0.2, 1e-7, 123456789.125 }[i % 9];
            cards.Add(ScoreCard.Ok(key, ScoreScope.Practice, value, scales[i], 10 + i, i, []));
            cards.Add(new ScoreCard(key, ScoreScope.ServiceLine("line " + OddText), value, scales[i], ScoreStatus.Ok, 7, 1,
                                    [ScoreComponent.Describe("numerator", 2.5, ScoreScale.Count, "Counted.")], null));
            cards.Add(ScoreCard.WithoutValue(key, new ScoreScope(ScopeLevel.Clinician, "dr. " + OddText), scales[i], ScoreStatus.InsufficientData,
                                             "Too few: " + OddText));
            cards.Add(new ScoreCard(key, ScoreScope.Stakeholder("payer"), null, scales[i], ScoreStatus.NotApplicable, 0, 0, [], null));
        }
        cards.Add(ScoreCard.Ok(OddText, ScoreScope.Practice, 0.5, ScoreScale.Proportion, 4, 0, []));
        cards.Add(ScoreCard.Ok("no-show-rate", ScoreScope.Practice, 0.1, ScoreScale.Proportion, 40, 2, []));
        cards.Add(ScoreCard.Ok("lead-time", ScoreScope.Practice, 3, ScoreScale.Days, 40, 2, []));
        var january = new MeasurementPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31));
        var february = new MeasurementPeriod(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28));
        ImmutableArray<SeriesPoint> Points(bool proportion) =>
        [
            new SeriesPoint(january, false, proportion ? 0.2 : 1e300, proportion ? 2 : null, proportion ? 10 : null, ScoreStatus.Ok, 10, null),
            new SeriesPoint(february, true, null, null, null, ScoreStatus.InsufficientData, 0, "None in " + OddText),
            new SeriesPoint(february, false, double.NaN, -1, double.NaN, ScoreStatus.Ok, 3, null),
            new SeriesPoint(january, false, -0.5, 3e9, 4e9, ScoreStatus.Ok, int.MaxValue, ""),
        ];
        MeasureSeries Series(string key, MeasureKind kind, ScoreScope scope) =>
            new(key, scope, PeriodGrain.Month, kind, ImprovementDirection.Increase, Points(kind == MeasureKind.Proportion), null, null, null);
        return new PracticeEvaluation(practiceName, BuiltInProfiles.PrimaryCareFeeForService,
                                      new MeasurementPeriod(january.Start, february.End), new DateTimeOffset(2026, 3, 1, 12, 0, 0, 123, TimeSpan.FromHours(-5)),
                                      "UTC", [.. cards])
        {
            PatientCards =
            [
                ScoreCard.Ok("pdc", ScoreScope.Patient("P-" + OddText), 0.9, ScoreScale.Proportion, 30, 0, []),
                ScoreCard.WithoutValue("patient-only " + OddText, ScoreScope.Patient("P-2"), ScoreScale.Minutes, ScoreStatus.NotApplicable, OddText),
            ],
            Series =
            [
                Series("no-show-rate", MeasureKind.Proportion, ScoreScope.Practice),
                Series(OddText, MeasureKind.Proportion, ScoreScope.Practice),
                Series("lead-time", MeasureKind.DurationStatistic, ScoreScope.Practice),
                Series("measure-Count", MeasureKind.RatePer1000, ScoreScope.Practice),
                Series("patient-only " + OddText, MeasureKind.DurationStatistic, ScoreScope.Practice),
                Series("no-card-measure", MeasureKind.Proportion, ScoreScope.Practice),
                Series("lead-time", MeasureKind.DurationStatistic, ScoreScope.ServiceLine("derm")),
            ],
        };
    }

    [Theory]
    [InlineData("Test practice")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(OddText)]
    public void WriteNdjson_GivesFirelysBytes_ForEveryResourceKind(string practiceName)
    {
        var evaluation = EveryKind(practiceName);
        var writer = new FhirMeasureReportWriter("https://example.org/fhir+x/");
        var bytes = Ndjson(writer, evaluation);
        AssertSameBytes(FirelyNdjson(writer, evaluation), bytes);

        // Every kind of resource and every shape of report group is in the output compared.
        var lines = Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.IsNullOrWhiteSpace(practiceName) ? 0 : 1, lines.Count(l => l.StartsWith("{\"resourceType\":\"Organization\"", StringComparison.Ordinal)));
        Assert.Equal(Enum.GetValues<ScoreScale>().Length + 5, lines.Count(l => l.StartsWith("{\"resourceType\":\"Measure\"", StringComparison.Ordinal)));
        var reports = lines.Where(l => l.StartsWith("{\"resourceType\":\"MeasureReport\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(evaluation.Cards.Length + evaluation.PatientCards.Length + 5 * 4, reports.Count);
        Assert.Contains(reports, l => l.Contains("\"type\":\"summary\"", StringComparison.Ordinal) && l.Contains("\"code\":{\"text\"", StringComparison.Ordinal));
        Assert.Contains(reports, l => l.Contains("\"type\":\"summary\"", StringComparison.Ordinal) && l.Contains("\"code\":\"numerator\"", StringComparison.Ordinal));
        Assert.Contains(reports, l => l.Contains("\"type\":\"individual\"", StringComparison.Ordinal));
        Assert.Contains(reports, l => !l.Contains("\"population\"", StringComparison.Ordinal));   // a period without populations
        Assert.Contains(reports, l => Regex.IsMatch(l, "\"measureScore\":\\{\"value\":[-0-9.E+]+\\}"));   // a score without a unit
        Assert.Contains(reports, l => l.Contains("2026-03-01T12:00:00.123-05:00", StringComparison.Ordinal));
    }

    // Properties, not fields: they use the generators of another part of this class, whose fields may be set after these.
    private static Gen<ScoreScope> AnyPopulationScope =>
        from level in Gen.Elements(ScopeLevel.Practice, ScopeLevel.ServiceLine, ScopeLevel.Clinician, ScopeLevel.Stakeholder)
        from key in AnyText.Where(t => !string.IsNullOrWhiteSpace(t))
        select level == ScopeLevel.Practice ? ScoreScope.Practice : new ScoreScope(level, key);

    private static Gen<string> AnyMeasureKey => Gen.Elements("pdc-statins", "no-show-rate", "lead-time", "kept-rate", "rating", "a measure/with odd key", "ñ", OddText);

    private static Gen<ScoreCard> AnyPopulationCard =>
        from card in AnyPatientCard
        from measure in AnyMeasureKey
        from scope in AnyPopulationScope
        select new ScoreCard(measure, scope, card.Value, card.Scale, card.Status, card.EvidenceCount, card.ExcludedCount, card.Components, card.StatusReason);

    private static Gen<double?> AnyPointNumber =>
        Gen.OneOf(Gen.Constant((double?)null), Gen.Elements(0.0, -1.0, 0.5, 2.5, 3e9, 1e300, double.NaN, double.PositiveInfinity, 5e-324).Select(d => (double?)d),
                  ArbMap.Default.GeneratorFor<NormalFloat>().Select(f => (double?)f.Get));

    private static Gen<SeriesPoint> AnyPoint =>
        from start in Gen.Choose(0, 3_000)
        from length in Gen.Choose(0, 40)
        from partial in ArbMap.Default.GeneratorFor<bool>()
        from value in AnyPointNumber
        from numerator in AnyPointNumber
        from denominator in AnyPointNumber
        from status in Gen.Elements(Enum.GetValues<ScoreStatus>())
        from evidence in Gen.Choose(0, 100_000)
        from reason in Gen.OneOf(Gen.Constant((string?)null), Gen.Constant((string?)""), AnyText.Select(t => (string?)t))
        let first = new DateOnly(2020, 1, 1).AddDays(start)
        select new SeriesPoint(new MeasurementPeriod(first, first.AddDays(length)), partial, value, numerator, denominator, status, evidence, reason);

    private static Gen<MeasureSeries> AnySeries =>
        from measure in AnyMeasureKey
        from kind in Gen.Elements(Enum.GetValues<MeasureKind>())
        from practice in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
        from points in Gen.ListOf(AnyPoint)
        select new MeasureSeries(measure, practice ? ScoreScope.Practice : ScoreScope.ServiceLine("derm"), PeriodGrain.Month, kind,
                                 ImprovementDirection.Neutral, [.. points], null, null, null);

    // Text JSON can carry: no lone surrogate.
    private static bool Valid(string? text) => text is null || Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)) == text;

    private static bool Valid(ScoreCard card) => Valid(card.MeasureKey) && Valid(card.Scope.Key) && Valid(card.StatusReason);

    // Nine in ten evaluations hold only text JSON can carry (they must be written); the rest may hold any text.
    private static Gen<(PracticeEvaluation Evaluation, bool Valid)> AnyEvaluation =>
        from valid in Gen.Frequency((9, Gen.Constant(true)), (1, Gen.Constant(false)))
        from name in Gen.OneOf(Gen.Elements("Practice", "", " "), AnyText).Where(n => !valid || Valid(n))
        from cards in Gen.ListOf(AnyPopulationCard)
        from patientCards in Gen.ListOf(AnyPatientCard)
        from series in Gen.ListOf(AnySeries)
        from ticks in Gen.Choose(0, int.MaxValue)
        from offsetMinutes in Gen.Choose(-14 * 60, 14 * 60)
        select (HandMade() with
        {
            PracticeName = name,
            AsOf = new DateTimeOffset(new DateTime(2026, 1, 1).AddTicks(ticks * 997L), TimeSpan.FromMinutes(offsetMinutes)),
            Cards = [.. cards.Where(c => !valid || Valid(c))],
            PatientCards = [.. patientCards.Where(c => !valid || Valid(c))],
            Series = [.. series.Select(s => valid ? s with { Points = [.. s.Points.Where(p => Valid(p.StatusReason))] } : s)],
        }, valid);

    [Property(MaxTest = 150)]
    public Property WriteNdjson_GivesFirelysBytes_ForAnyEvaluation() =>
        Prop.ForAll(AnyEvaluation.ToArbitrary(), generated =>
        {
            var writer = new FhirMeasureReportWriter("https://example.org/fhir");
            var firely = Outcome(() => FirelyNdjson(writer, generated.Evaluation));
            var written = Outcome(() => Ndjson(writer, generated.Evaluation));
            return firely == written && (!generated.Valid || !written.Contains('.', StringComparison.Ordinal));   // bytes, not an exception's name
        });

    [Property(MaxTest = 1_000)]
    public Property DateText_IsFirelysDateTime() =>
        Prop.ForAll(
            Gen.Choose(0, int.MaxValue).ToArbitrary(), Gen.Choose(0, 9_999_999).ToArbitrary(), Gen.Choose(-14 * 60, 14 * 60).ToArbitrary(),
            (seconds, fraction, offsetMinutes) =>
            {
                var instant = new DateTimeOffset(new DateTime(1990, 1, 1).AddSeconds(seconds).AddTicks(fraction % 3 == 0 ? 0 : fraction),
                                                 TimeSpan.FromMinutes(offsetMinutes));
                return FhirMeasureReportWriter.DateText(instant) == new FhirDateTime(instant).Value;
            });

    [Fact]
    public void WriteNdjson_BuildsNoFirelyObject_AndTheWriterHoldsNoFirelySerializer()
    {
        var evaluation = EveryKind("Practice");
        var writer = new FhirMeasureReportWriter();
        int before = FhirMeasureReportWriter.FirelySinksMade;
        Ndjson(writer, evaluation);
        using (var stream = new MemoryStream())
            writer.WriteNdjson(evaluation, evaluation.PatientCards, stream);
        Assert.Equal(before, FhirMeasureReportWriter.FirelySinksMade);
        writer.Build(evaluation);
        Assert.Equal(before + 1, FhirMeasureReportWriter.FirelySinksMade);   // the hook is live: Build counts

        // No field of the writer or its nested types is (or holds) something of Firely's serialization, so no first use
        // of the writer type makes a serializer.
        static bool Serialization(Type type) =>
            type.Namespace == "Hl7.Fhir.Serialization" || type.GetGenericArguments().Any(Serialization)
            || (type.HasElementType && Serialization(type.GetElementType()!));
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        var types = new[] { typeof(FhirMeasureReportWriter) }.Concat(typeof(FhirMeasureReportWriter).GetNestedTypes(All)).ToList();
        Assert.True(types.Count > 3);
        Assert.Empty(types.SelectMany(t => t.GetFields(All)).Where(f => Serialization(f.FieldType)).Select(f => $"{f.DeclaringType!.Name}.{f.Name}"));
    }
}
