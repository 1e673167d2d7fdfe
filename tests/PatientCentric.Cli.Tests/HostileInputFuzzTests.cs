using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PatientCentric.Cli.Eval;
using PatientCentric.Cli.Sample;

namespace PatientCentric.Cli.Tests;

/// <summary>Hostile input, as an attacker or a careless export would send it, to every eval measure and to
/// <c>report --input</c>: each valid example request (docs/cli-json.md, for the measures documented without one the
/// examples below) is mutated with extreme and non-finite numbers, wrong types, invalid UTF-8 bytes, lone surrogate
/// escapes, repeated fields, deep nesting, long arrays, instants at 0001 and 9999, unknown fields and a byte order mark.
/// The only outcomes allowed: exit 0 with one finite JSON document on stdout, or exit 2 with one line on stderr.
/// Bounded: a fixed-seed run (the same cases every time) plus a random run, a few hundred cases each.</summary>
public sealed partial class HostileInputFuzzTests
{
    private const string AsOf = "2026-01-15T12:00:00Z";

    /// <summary>Requests for the measures whose docs section shows the request only in outline.</summary>
    private static readonly ImmutableArray<string> ExtraExamples =
    [
        """{"measure":"lead-time","timeZone":"America/Chicago","appointments":[{"bookedAt":"2025-01-09T23:30:00-06:00","start":"2025-01-10T08:00:00-06:00"},{"bookedAt":"2025-01-01T09:00:00-06:00","start":"2025-01-10T08:00:00-06:00"}]}""",
        """{"measure":"cycle-time","timeZone":"America/Chicago","visits":[{"arrivedAt":"2025-03-03T08:50:00-06:00","departedAt":"2025-03-03T09:47:30-06:00"},{"arrivedAt":"2025-03-03T09:00:00-06:00"}]}""",
        """{"measure":"review-themes","reviews":["Dr. Amelia Watson listened and was so kind. We waited 40 minutes though.","Not clean, and the receptionist Jordan was rude."],"negationWindow":3}""",
        """{"measure":"commitments","commitments":[{"name":"respecting-time","measures":[{"key":"wait-to-be-seen","value":15,"worst":60,"best":0,"weight":2},{"key":"lead-time","value":7,"worst":30,"best":0}]}]}""",
        """{"measure":"touchpoints","asOf":"2025-04-01T00:00:00Z","dataSet":{"schemaVersion":1,"practiceName":"X","timeZone":"America/Chicago","period":{"start":"2025-03-01","end":"2025-03-31"},"serviceLines":[{"key":"pc","name":"Primary care"}],"appointments":[{"id":"A1","patientKey":"P1","serviceLine":"pc","clinicianKey":"C1","bookedAt":"2025-02-20T09:00:00-06:00","start":"2025-03-03T09:00:00-06:00","outcome":"Kept","arrivedAt":"2025-03-03T08:50:00-06:00","seenAt":"2025-03-03T09:05:00-06:00","departedAt":"2025-03-03T09:40:00-06:00"}]}}""",
        """{"measure":"relative-weights","outcome":"y","predictors":["a","b"],"rows":[{"y":1,"a":2,"b":3},{"y":2,"a":1,"b":5},{"y":4,"a":3,"b":1},{"y":3,"a":5,"b":2},{"y":5,"a":4,"b":4},{"y":2,"a":2,"b":2}]}""",
        """{"measure":"primary-customer","strategy":"topsis","stakeholders":[{"key":"patients","kind":"Patient","power":0.4,"legitimacy":1,"urgency":1},{"key":"payer","kind":"Payer","power":1,"legitimacy":1,"urgency":0}],"criteria":[{"key":"fit","weight":0.5,"direction":"benefit","scaleLow":0,"scaleHigh":10},{"key":"cost-to-serve","weight":0.5,"direction":"cost","scaleLow":0,"scaleHigh":10}],"assessments":[{"stakeholder":"patients","criterion":"fit","value":8,"source":"survey","assessedOn":"2025-01-15"},{"stakeholder":"patients","criterion":"cost-to-serve","value":4,"source":"finance","assessedOn":"2025-01-31"},{"stakeholder":"payer","criterion":"fit","value":5,"source":"survey","assessedOn":"2025-01-15"},{"stakeholder":"payer","criterion":"cost-to-serve","value":2,"source":"finance","assessedOn":"2025-01-31"}],"criteriaPairwise":[{"row":"fit","col":"cost-to-serve","value":2}],"decidedOn":"2025-02-01"}""",
        """{"measure":"primary-customer","strategy":"ahp","stakeholders":[{"key":"patients"},{"key":"payer"}],"criteria":[{"key":"fit","direction":"benefit","scaleLow":0,"scaleHigh":10},{"key":"cost-to-serve","direction":"cost","scaleLow":0,"scaleHigh":10}],"assessments":[{"stakeholder":"patients","criterion":"fit","value":8,"source":"survey","assessedOn":"2025-01-15"},{"stakeholder":"patients","criterion":"cost-to-serve","value":4,"source":"finance","assessedOn":"2025-01-31"},{"stakeholder":"payer","criterion":"fit","value":5,"source":"survey","assessedOn":"2025-01-15"},{"stakeholder":"payer","criterion":"cost-to-serve","value":2,"source":"finance","assessedOn":"2025-01-31"}],"criteriaPairwise":[{"row":"fit","col":"cost-to-serve","value":2}]}""",
    ];

    /// <summary>Every measure in the eval registry with at least one valid example, so measures added later are fuzzed.</summary>
    private static readonly ImmutableArray<(string Measure, JsonNode Request)> Seeds = LoadSeeds();

    /// <summary>The synthetic sample with every record list cut to its first three records: every kind of record, small.</summary>
    private static readonly Lazy<JsonNode> DataSetSeed = new(() =>
    {
        var data = (JsonObject)JsonNode.Parse(CliApp.SampleJson(SamplePracticeGenerator.Generate(seed: 7, patients: 40)))!;
        foreach (var (name, value) in data.ToList())
        {
            // Declarations stay whole (records refer to them); record lists keep their first three.
            if (value is JsonArray list && name is not ("serviceLines" or "surveyItems" or "kpiSeries" or "assumptionBindings"))
                while (list.Count > 3) list.RemoveAt(list.Count - 1);
        }
        return data;
    });

    /// <summary>Values an attacker or a careless export sends, written into the JSON text as they are.</summary>
    private static readonly ImmutableArray<string> HostileTokens =
    [
        "1e308", "-1e308", "1.7976931348623157e308", "5e-324", "-5e-324", "1e-30", "1e155", "1e154", "1e200", "-1e200", "1e-200",
        "1e400", "-1e400", "-0", "0", "-1", "1", "2", "0.5", "1e7", "9999999", "2147483647", "2147483648", "-2147483649",
        "9223372036854775808", "123456789012345678901234567890", "1.0000000000000002", "4.9e-324", "1E+308",
        "true", "false", "null", "[]", "{}", "[null]", "[{}]", "[1e308,-1e308]", "[5e-324,1e308]", "\"\"", "\" \"", "\"x\"", "\"\\ud800\"", "\"a\\udc00b\"",
        "\"\\u0000\"", "\"NaN\"", "\"Infinity\"", "\"-1\"", "\"99\"", "\"0001-01-01\"", "\"9999-12-31\"", "\"0001-01-01T00:00:00Z\"",
        "\"9999-12-31T23:59:59Z\"", "\"9999-12-31T23:59:59.9999999+14:00\"", "\"9999-12-30T00:00:00-14:00\"", "\"0001-01-01T00:00:00+14:00\"",
        "\"0001-01-01T00:00:00-14:00\"", "\"9999-12-31T00:00:00\"", "\"2025-02-30\"", "\"2025-06-01T12:00:00Z\"", "\"America/Chicago\"",
        "\"UTC\"", "\"Mars/Olympus\"", "\"Kept\"", "99", "\"line\\nbreak\"", "\"\\u200bDr\\u200b\"",
        new string('[', 70) + new string(']', 70), "{\"a\":" + new string('[', 40) + new string(']', 40) + "}",
    ];

    private enum Kind { Replace, ScaleNumber, DuplicateField, AddField, RemoveField, GrowArray }

    private sealed record Mutation(Kind Kind, int Target, int Token, int Amount);

    private enum ByteKind { None, Bom, InvalidByte, OverlongByte, EncodedSurrogate, TruncatedSequence }

    private sealed record Plan(int Seed, ImmutableArray<Mutation> Mutations, ByteKind Bytes, int BytePosition)
    {
        public override string ToString() => $"seed {Seed}, {string.Join(", ", Mutations)}, {Bytes}@{BytePosition}";
    }

    private static Gen<Plan> Plans(int seeds) =>
        from seed in Gen.Choose(0, seeds - 1)
        from count in Gen.Choose(1, 3)
        from mutations in Gen.ArrayOf(
            from kind in Gen.Elements(Enum.GetValues<Kind>())
            from target in Gen.Choose(0, 10_000)
            from token in Gen.Choose(0, HostileTokens.Length - 1)
            from amount in Gen.Choose(-330, 3_000)
            select new Mutation(kind, target, token, amount), count)
        from bytes in Gen.Frequency((6, Gen.Constant(ByteKind.None)), (1, Gen.Elements(Enum.GetValues<ByteKind>())))
        from position in Gen.Choose(0, 10_000)
        select new Plan(seed, [.. mutations], bytes, position);

    [Fact]
    public void EveryMeasure_HasAValidExample_ThatSucceeds()
    {
        var missing = EvalMeasures.All.Select(m => m.Id).Except(Seeds.Select(s => s.Measure)).ToList();
        Assert.True(missing.Count == 0, $"no example request that succeeds for: {string.Join(", ", missing)} (add one to docs/cli-json.md)");
    }

    [Fact]
    public void TheDataSetSeed_IsReadAndScored() =>
        Assert.Equal(0, RunReport(Encoding.UTF8.GetBytes(DataSetSeed.Value.ToJsonString())).ExitCode);

    [Property(MaxTest = 600, Replay = "(20260115,1)")]
    public Property Eval_HostileRequest_ExitsZeroWithFiniteJson_OrTwoWithOneLine_FixedSeed() => EvalProperty();

    [Property(MaxTest = 400)]
    public Property Eval_HostileRequest_ExitsZeroWithFiniteJson_OrTwoWithOneLine() => EvalProperty();

    [Property(MaxTest = 60, Replay = "(20260116,1)")]
    public Property Report_HostileDataSet_ExitsZeroWithFiniteJson_OrTwoWithAnErrorAndNoTrace_FixedSeed() => ReportProperty();

    [Property(MaxTest = 40)]
    public Property Report_HostileDataSet_ExitsZeroWithFiniteJson_OrTwoWithAnErrorAndNoTrace() => ReportProperty();

    private static Property EvalProperty() =>
        Prop.ForAll(Plans(Seeds.Length).ToArbitrary(), plan =>
        {
            byte[] request = Apply(Seeds[plan.Seed].Request, plan);
            var r = RunEval(request);
            return Check(r, oneLine: true, Describe(request, r));
        });

    private static Property ReportProperty() =>
        Prop.ForAll(Plans(1).ToArbitrary(), plan =>
        {
            byte[] data = Apply(DataSetSeed.Value, plan);
            var r = RunReport(data);
            return Check(r, oneLine: false, Describe(data, r));
        });

    private static CliRunner.Result RunReport(byte[] data)
    {
        string file = Path.Combine(Path.GetTempPath(), $"pc-fuzz-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(file, data);
        try
        {
            return CliRunner.Run("report", "--input", file, "--format", "json", "--as-of", AsOf);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static CliRunner.Result RunEval(byte[] request)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        using var stdin = new MemoryStream(request);
        int code = new CliApp(TextReader.Null, output, error) { StdinBytes = stdin }.Run(["eval"]);
        return new CliRunner.Result(code, output.ToString(), error.ToString());
    }

    /// <summary>Exit 0: nothing on stderr (eval) and one JSON document with finite numbers on stdout. Exit 2: nothing on
    /// stdout, "error: " first, no stack trace, and for eval exactly one line. Anything else is a defect.</summary>
    private static bool Check(CliRunner.Result r, bool oneLine, string what)
    {
        switch (r.ExitCode)
        {
            case 0:
                Assert.True(!oneLine || r.Stderr.Length == 0, what);
                using (var doc = JsonDocument.Parse(r.Stdout))
                    Assert.True(AllFinite(doc.RootElement), what);
                return true;
            case 2:
                Assert.True(r.Stdout.Length == 0, what);
                Assert.True(r.Stderr.StartsWith("error: ", StringComparison.Ordinal), what);
                Assert.True(!r.Stderr.Contains("   at ", StringComparison.Ordinal), what);
                Assert.True(!oneLine || r.Stderr.TrimEnd('\n', '\r').Split('\n').Length == 1, what);
                return true;
            default:
                Assert.Fail(what);
                return false;
        }
    }

    private static string Describe(byte[] input, CliRunner.Result r)
    {
        string text = Encoding.UTF8.GetString(input);
        return $"exit {r.ExitCode}; stderr: {r.Stderr.Trim()}; input ({input.Length} bytes): {(text.Length > 1500 ? text[..1500] + "…" : text)}";
    }

    private static bool AllFinite(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.TryGetDouble(out double d) && double.IsFinite(d),
        JsonValueKind.Array => e.EnumerateArray().All(AllFinite),
        JsonValueKind.Object => e.EnumerateObject().All(p => AllFinite(p.Value)),
        _ => true,
    };

    // A small tree of raw JSON text, so that mutations can write what a serializer never would.
    private abstract record J;

    private sealed record Obj(List<(string Name, J Value)> Fields) : J;

    private sealed record Arr(List<J> Items) : J;

    private sealed record Raw(string Text) : J;

    private static J ToTree(JsonNode? node) => node switch
    {
        JsonObject o => new Obj([.. o.Select(p => (p.Key, ToTree(p.Value)))]),
        JsonArray a => new Arr([.. a.Select(ToTree)]),
        null => new Raw("null"),
        _ => new Raw(node.ToJsonString()),
    };

    private static void Write(StringBuilder s, J j)
    {
        switch (j)
        {
            case Obj o:
                s.Append('{');
                for (int i = 0; i < o.Fields.Count; i++)
                {
                    if (i > 0) s.Append(',');
                    s.Append(JsonSerializer.Serialize(o.Fields[i].Name)).Append(':');
                    Write(s, o.Fields[i].Value);
                }
                s.Append('}');
                break;
            case Arr a:
                s.Append('[');
                for (int i = 0; i < a.Items.Count; i++)
                {
                    if (i > 0) s.Append(',');
                    Write(s, a.Items[i]);
                }
                s.Append(']');
                break;
            case Raw r:
                s.Append(r.Text);
                break;
        }
    }

    /// <summary>Every node below the root with the container holding it, in document order.</summary>
    private static List<(J Node, J Parent, int Index)> Nodes(J root)
    {
        var list = new List<(J, J, int)>();
        void Walk(J j)
        {
            switch (j)
            {
                case Obj o:
                    for (int i = 0; i < o.Fields.Count; i++) { list.Add((o.Fields[i].Value, o, i)); Walk(o.Fields[i].Value); }
                    break;
                case Arr a:
                    for (int i = 0; i < a.Items.Count; i++) { list.Add((a.Items[i], a, i)); Walk(a.Items[i]); }
                    break;
            }
        }
        Walk(root);
        return list;
    }

    private static void Set(J parent, int index, J value)
    {
        if (parent is Obj o) o.Fields[index] = (o.Fields[index].Name, value);
        else ((Arr)parent).Items[index] = value;
    }

    private static byte[] Apply(JsonNode seed, Plan plan)
    {
        var root = ToTree(seed);
        foreach (var m in plan.Mutations)
        {
            var nodes = Nodes(root);
            if (nodes.Count == 0) break;
            var (node, parent, index) = nodes[m.Target % nodes.Count];
            switch (m.Kind)
            {
                case Kind.Replace:
                    Set(parent, index, new Raw(HostileTokens[m.Token]));
                    break;
                case Kind.ScaleNumber:
                    // Prefer a number: scale it by 10^Amount (Amount in -330..3000 is folded into -330..330).
                    var numbers = nodes.Where(n => n.Node is Raw { Text: var t } && t.Length > 0 && (char.IsAsciiDigit(t[0]) || t[0] == '-')).ToList();
                    if (numbers.Count == 0) break;
                    var pick = numbers[m.Target % numbers.Count];
                    int exponent = (((m.Amount % 661) + 661) % 661) - 330;
                    Set(pick.Parent, pick.Index, new Raw(((Raw)pick.Node).Text + "e" + exponent.ToString(CultureInfo.InvariantCulture)));
                    break;
                case Kind.DuplicateField:
                    if (parent is Obj o1) o1.Fields.Add(o1.Fields[index]);
                    break;
                case Kind.AddField:
                    if (parent is Obj o2) o2.Fields.Add(("zzExtra", new Raw(HostileTokens[m.Token])));
                    else if (node is Obj o3) o3.Fields.Add(("zzExtra", new Raw(HostileTokens[m.Token])));
                    break;
                case Kind.RemoveField:
                    if (parent is Obj o4) o4.Fields.RemoveAt(index);
                    else ((Arr)parent).Items.RemoveAt(index);
                    break;
                case Kind.GrowArray:
                    if (parent is Arr a)
                        a.Items.InsertRange(index, Enumerable.Repeat(node, Math.Clamp(m.Amount, 1, 3_000)));
                    break;
            }
        }
        var text = new StringBuilder();
        Write(text, root);
        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
        if (plan.Bytes == ByteKind.None)
            return bytes;
        if (plan.Bytes == ByteKind.Bom)
            return [0xEF, 0xBB, 0xBF, .. bytes];
        // Inside a string when there is one, where a JSON parser does not look at the bytes itself.
        int[] quotes = [.. bytes.Select((b, i) => (b, i)).Where(p => p.b == (byte)'"').Select(p => p.i + 1)];
        int at = quotes.Length > 0 ? quotes[plan.BytePosition % quotes.Length] : plan.BytePosition % (bytes.Length + 1);
        byte[] insert = plan.Bytes switch
        {
            ByteKind.InvalidByte => [0xFF],
            ByteKind.OverlongByte => [0xC0, 0xAF],
            ByteKind.EncodedSurrogate => [0xED, 0xA0, 0x80],
            _ => [0xE2, 0x82],
        };
        return [.. bytes[..at], .. insert, .. bytes[at..]];
    }

    private static ImmutableArray<(string, JsonNode)> LoadSeeds()
    {
        string docs = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Docs", "cli-json.md"));
        var requests = JsonBlock().Matches(docs).Select(m => m.Groups[1].Value).Concat(ExtraExamples);
        var seeds = ImmutableArray.CreateBuilder<(string, JsonNode)>();
        foreach (string text in requests)
        {
            JsonNode? node;
            try { node = JsonNode.Parse(text); } catch (JsonException) { continue; }
            // Only examples that succeed as they are: a mutation then tests the mutation, not a broken example.
            if (node is JsonObject o && o["measure"] is JsonValue v && v.TryGetValue(out string? id) && EvalMeasures.Find(id) is not null
                && RunEval(Encoding.UTF8.GetBytes(text)).ExitCode == 0)
                seeds.Add((id, node));
        }
        return seeds.ToImmutable();
    }

    [GeneratedRegex(@"```json\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
