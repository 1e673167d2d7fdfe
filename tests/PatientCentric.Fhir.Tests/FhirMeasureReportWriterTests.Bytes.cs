using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Hl7.Fhir.Serialization;
using PatientCentric.Scoring;

namespace PatientCentric.Fhir.Tests;

// WriteNdjson writes the individual reports without Firely: its bytes must stay those of every Build resource
// serialized by Firely's FhirJsonSerializer, one per line.
public sealed partial class FhirMeasureReportWriterTests
{
    private static byte[] FirelyNdjson(FhirMeasureReportWriter writer, PracticeEvaluation evaluation)
    {
        var serializer = new FhirJsonSerializer();
        using var stream = new MemoryStream();
        foreach (var resource in writer.Build(evaluation))
        {
            using (var json = new Utf8JsonWriter(stream))
                serializer.Serialize(resource, json);
            stream.WriteByte((byte)'\n');
        }
        return stream.ToArray();
    }

    private static byte[] Ndjson(FhirMeasureReportWriter writer, PracticeEvaluation evaluation)
    {
        using var stream = new MemoryStream();
        writer.WriteNdjson(evaluation, stream);
        return stream.ToArray();
    }

    private static void AssertSameBytes(byte[] expected, byte[] actual)
    {
        if (expected.AsSpan().SequenceEqual(actual))
            return;
        var want = Encoding.UTF8.GetString(expected).Split('\n');
        var got = Encoding.UTF8.GetString(actual).Split('\n');
        int i = 0;
        while (i < Math.Min(want.Length, got.Length) && want[i] == got[i])
            i++;
        Assert.Fail($"line {i + 1} differs:\nFirely: {(i < want.Length ? want[i] : "(none)")}\nwriter: {(i < got.Length ? got[i] : "(none)")}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WriteNdjson_GivesFirelysBytes(bool real)
    {
        var evaluation = real ? EvaluateSynthea() : HandMade();
        var writer = new FhirMeasureReportWriter("https://example.org/fhir+x/");
        AssertSameBytes(FirelyNdjson(writer, evaluation), Ndjson(writer, evaluation));
    }

    [Fact]
    public void WriteNdjson_GivesFirelysBytes_OverManyChunks()
    {
        // More than one 64 KiB chunk of individual reports, with and without a practice (no reporter then).
        var cards = Enumerable.Range(0, 2_000)
            .Select(i => ScoreCard.Ok(i % 3 == 0 ? "pdc-statins" : "no-show-rate", ScoreScope.Patient($"P-{i:X8}"), i / 2_000.0, ScoreScale.Proportion, i, i % 7, []))
            .ToImmutableArray();
        foreach (var name in new[] { "Practice", " " })
        {
            var evaluation = HandMade() with { PracticeName = name, PatientCards = cards };
            var writer = new FhirMeasureReportWriter();
            var bytes = Ndjson(writer, evaluation);
            Assert.True(bytes.Length > 1 << 17);
            AssertSameBytes(FirelyNdjson(writer, evaluation), bytes);
        }
    }

    private static readonly Gen<string> AnyText =
        Gen.OneOf(
            Gen.Elements("P-0123ABCD", "a", "ä ö", "😀x", "\ud800", "x\udc00", "<b>&'\"\\+", "\u0001\u001f\u007f", "\u2028 \u00a0", new string('k', 90)),
            ArbMap.Default.GeneratorFor<NonWhiteSpaceString>().Select(s => s.Get));

    private static readonly Gen<ScoreCard> AnyPatientCard =
        from measure in Gen.Elements("pdc-statins", "no-show-rate", "lead-time", "kept-rate", "a measure/with odd key", "ñ")
        from key in AnyText.Where(t => !string.IsNullOrWhiteSpace(t))
        from patient in Gen.Frequency((9, Gen.Constant(true)), (1, Gen.Constant(false)))
        from scale in Gen.Elements(Enum.GetValues<ScoreScale>())
        from status in Gen.Elements(Enum.GetValues<ScoreStatus>())
        from value in Gen.OneOf(
            Gen.Elements(0.0, -0.0, 1.0, 0.1, 1e-30, 5e-324, -2.5, 1e15, 1e28, 7.9e28, 1e300, double.MaxValue, double.MinValue, 0.1 + 0.2),
            ArbMap.Default.GeneratorFor<NormalFloat>().Select(f => f.Get))
        from evidence in Gen.Choose(0, 100_000)
        from excluded in Gen.Choose(0, 1_000)
        from reason in Gen.OneOf(Gen.Constant((string?)null), Gen.Constant((string?)""), AnyText.Select(t => (string?)t))
        from numerator in Gen.OneOf(Gen.Constant((double?)null), Gen.Elements(0.0, 2.5, -1.0, 3e9, double.NaN).Select(n => (double?)n))
        select new ScoreCard(measure, patient ? ScoreScope.Patient(key) : ScoreScope.ServiceLine(key), status == ScoreStatus.Ok ? value : null, scale, status, evidence, excluded,
                             numerator is double n ? [ScoreComponent.Describe("numerator", n, ScoreScale.Count, "Counted.")] : [],
                             status == ScoreStatus.Ok ? null : reason);

    [Property(MaxTest = 200)]
    public Property WriteNdjson_GivesFirelysBytes_ForAnyPatientCards() =>
        Prop.ForAll(Gen.ListOf(AnyPatientCard).Select(l => l.ToImmutableArray()).ToArbitrary(), Gen.Elements("Practice", "").ToArbitrary(), (cards, name) =>
        {
            var evaluation = HandMade() with { PracticeName = name, PatientCards = cards };
            var writer = new FhirMeasureReportWriter();
            return Outcome(() => FirelyNdjson(writer, evaluation)) == Outcome(() => Ndjson(writer, evaluation));
        });

    // The bytes written, or the type of the exception thrown (text JSON cannot carry must fail alike).
    private static string Outcome(Func<byte[]> write)
    {
        try
        {
            return Convert.ToHexString(write());
        }
        catch (Exception e)
        {
            return e.GetType().FullName!;
        }
    }

    // The id hash as first written: the identity string built whole, then encoded.
    private static string HashedAsBefore(string readable, params string[] parts)
    {
        var identity = new StringBuilder();
        foreach (var part in parts)
            identity.Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part);
        string hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(identity.ToString())), 0, 8).ToLowerInvariant();
        string prefix = FhirResourceIds.Sanitize(readable);
        if (prefix.Length > 64 - 1 - 16)
            prefix = prefix[..(64 - 1 - 16)];
        prefix = prefix.TrimEnd('-', '.');
        return prefix.Length == 0 ? hash : prefix + "-" + hash;
    }

    [Property(MaxTest = 1_000)]
    public Property Hashed_GivesTheIdsItAlwaysGave() =>
        Prop.ForAll(
            Gen.OneOf(AnyText, Gen.Elements("", "-", "..-", "a.-", new string('.', 70), new string('x', 46) + "-.y")).ToArbitrary(),
            Gen.ArrayOf(Gen.OneOf(AnyText, Gen.Constant(""), Gen.Constant(new string('é', 400)))).ToArbitrary(),
            (readable, parts) => FhirResourceIds.Hashed(readable, parts) == HashedAsBefore(readable, parts));
}
