using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;

namespace PatientCentric.Fhir.Tests;

/// <summary>FsCheck generators of hostile FHIR input for the reader's fuzz tests (shared with the CLI tests): NDJSON lines
/// built from realistic resources of every mapped type and then broken: truncated, two objects on a line, text after the
/// object, impossible and out-of-range dates, times without offset, huge and wrong-typed values, deep nesting, invalid
/// UTF-8, byte-order marks and control bytes; Bundles whose entries are not what they should be; gzip files cut short or
/// followed by junk. Every resource names the patient <see cref="Sentinel"/>, which must never reach a message.</summary>
internal static partial class HostileFhir
{
    public const string Sentinel = "PID-SENTINEL-7f3a";

    private static readonly string[] Templates =
    [
        """{"resourceType":"Patient","id":"@P@","meta":{"lastUpdated":"2024-01-01T00:00:00Z"},"name":[{"family":"@P@"}]}""",
        """{"resourceType":"Encounter","id":"e1","meta":{"lastUpdated":"2024-03-02T00:00:00Z"},"status":"finished","class":{"code":"AMB"},"subject":{"reference":"Patient/@P@"},"period":{"start":"2024-03-01T09:00:00Z","end":"2024-03-01T09:40:00+01:00"},"statusHistory":[{"status":"arrived","period":{"start":"2024-03-01T08:50:00Z"}}]}""",
        """{"resourceType":"Encounter","id":"e1","meta":{"lastUpdated":"2024-03-05T00:00:00Z"},"status":"entered-in-error","class":{"code":"AMB"},"subject":{"reference":"Patient/@P@"},"period":{"start":"2024-03-01T09:00:00Z"}}""",
        """{"resourceType":"Appointment","id":"a1","status":"noshow","created":"2024-02-01","start":"2024-03-02T09:00:00.000+02:00","participant":[{"actor":{"reference":"Patient/@P@"}},{"actor":{"reference":"Practitioner/d1"}}]}""",
        """{"resourceType":"MedicationDispense","id":"d1","meta":{"lastUpdated":"2024-01-06T00:00:00Z"},"status":"completed","subject":{"reference":"Patient/@P@"},"medicationCodeableConcept":{"text":"Atorvastatin"},"whenHandedOver":"2024-01-05T16:00:00-05:00","daysSupply":{"value":30},"authorizingPrescription":[{"reference":"MedicationRequest/r1"}]}""",
        """{"resourceType":"MedicationDispense","id":"d1","meta":{"lastUpdated":"2024-01-09T00:00:00Z"},"status":"entered-in-error","subject":{"reference":"Patient/@P@"},"medicationCodeableConcept":{"text":"Atorvastatin"},"whenHandedOver":"2024-01-05","daysSupply":{"value":30}}""",
        """{"resourceType":"MedicationRequest","id":"r1","subject":{"reference":"Patient/@P@"},"authoredOn":"2024-01-01","dispenseRequest":{"validityPeriod":{"start":"2024-01-02"},"expectedSupplyDuration":{"value":30,"code":"d"}},"medicationCodeableConcept":{"text":"Metformin"}}""",
        """{"resourceType":"ServiceRequest","id":"s1","category":[{"coding":[{"code":"3457005"}]}],"code":{"text":"Cardiology"},"subject":{"reference":"Patient/@P@"},"authoredOn":"2024-01-02"}""",
        """{"resourceType":"Task","id":"t1","status":"completed","basedOn":[{"reference":"ServiceRequest/s1"}],"executionPeriod":{"end":"2024-01-20T10:00:00Z"}}""",
        """{"resourceType":"Claim","id":"c1","patient":{"reference":"Patient/@P@"},"created":"2024-01-02","total":{"value":120.50,"currency":"USD"}}""",
        """{"resourceType":"ClaimResponse","id":"cr1","request":{"reference":"Claim/c1"},"created":"2024-01-09","outcome":"error"}""",
        """{"resourceType":"ExplanationOfBenefit","id":"eob1","claim":{"reference":"Claim/c1"},"created":"2024-01-05","outcome":"complete"}""",
        """{"resourceType":"QuestionnaireResponse","id":"q1","status":"completed","subject":{"reference":"Patient/@P@"},"authored":"2024-02-01T10:00:00Z","item":[{"linkId":"nps","answer":[{"valueInteger":9}]},{"linkId":"a","answer":[{"valueDecimal":4.5}]}]}""",
        """{"resourceType":"Communication","id":"m1","sender":{"reference":"Patient/@P@"},"sent":"2024-02-03T08:00:00Z"}""",
        """{"resourceType":"Schedule","id":"sch1"}""",
        """{"resourceType":"Slot","id":"sl1","schedule":{"reference":"Schedule/sch1"},"status":"free","start":"2024-03-04T09:00:00Z"}""",
        """{"resourceType":"Observation","id":"o1","status":"final","subject":{"reference":"Patient/@P@"},"valueQuantity":{"value":5.4}}""",
    ];

    private static readonly string[] Dates =
    [
        "2025-02-30", "2023-02-29T09:00:00Z", "10000-01-01T00:00:00Z", "0000-01-01", "2024-13-01", "2024", "2024-03",
        "2024-03-01T09:00:00", "2024-03-01T09:00Z", "2024-03-01T24:00:00Z", "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00",
        "2016-12-31T23:59:60Z", "2024-03-01T09:00:00.1234567890123+13:59", "", " ", "2024-03-01T09:00:00+14:30", "2024-03-01T09:00:00.Z",
        "2024-03-01T09:00:00Z", "2024-03-01",
    ];

    private static readonly string[] Values =
    [
        "1e400", "-1e400", "123456789012345678901234567890", "-0", "0.0000000000000000000000000001", "1E+2", "99999999999", "2.5",
        "true", "false", "null", "[]", "{}", "\"x\"", "\"30\"", "[[[[[[[[[[]]]]]]]]]]", "{\"a\":{\"b\":{\"c\":[1,2,{}]}}}", "\"\\ud800\"",
        "\"\\u0000\"", "\"Patient/" + Sentinel + "\"",
    ];

    private static readonly string[] Junk = ["{}", "x", "}", "{", "]", ",", "//c", "\u00a0", "\"s\"", "0", "{\"resourceType\":\"Patient\",\"id\":\"p2\"}"];

    [GeneratedRegex("\"[0-9]{4}-[0-9]{2}-[0-9]{2}[^\"]*\"")]
    private static partial Regex DatePattern();

    [GeneratedRegex(":(\"[^\"]*\"|-?[0-9][0-9.eE+-]*|true|false|null)")]
    private static partial Regex ValuePattern();

    private static readonly Encoding Utf8 = new UTF8Encoding(false);

    private static string Fill(string template) => template.Replace("@P@", Sentinel, StringComparison.Ordinal);

    /// <summary>One NDJSON line (without its LF): a resource, often broken.</summary>
    public static Gen<byte[]> Line() =>
        from template in Gen.Elements(Templates).Select(Fill)
        from line in Gen.Frequency(
            (3, Gen.Constant(Utf8.GetBytes(template))),
            (3, from date in Gen.Elements(Dates) from k in Gen.Choose(0, 99) select Utf8.GetBytes(ReplaceNth(DatePattern(), template, k, "\"" + date + "\""))),
            (3, from value in Gen.Elements(Values) from k in Gen.Choose(0, 99) select Utf8.GetBytes(ReplaceNth(ValuePattern(), template, k, ":" + value))),
            (2, from cut in Gen.Choose(0, template.Length - 1) select Utf8.GetBytes(template[..cut])),
            (2, from junk in Gen.Elements(Junk) from space in Gen.Elements("", " ", "\t", "\r") select Utf8.GetBytes(template + space + junk)),
            (1, Gen.Constant(Utf8.GetBytes(template + template))),
            (1, from depth in Gen.Elements(10, 63, 64, 65, 1_000, 50_000)
                select Utf8.GetBytes(template[..^1] + ",\"extension\":" + new string('[', depth) + new string(']', depth) + "}")),
            (1, from at in Gen.Choose(0, template.Length) from bad in Gen.Elements<byte[]>([0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0x00], [0xEF, 0xBB, 0xBF], [0xC0, 0xAF])
                select (byte[])[.. Utf8.GetBytes(template[..at]), .. bad, .. Utf8.GetBytes(template[at..])]),
            (1, Gen.Elements("[]", "[1,2]", "\"Patient\"", "42", "null", "{}", "{\"resourceType\":42}", "{\"resourceType\":\"Bundle\",\"entry\":{}}")
                .Select(Utf8.GetBytes)))
        select line;

    /// <summary>The text of an NDJSON file of 1–8 such lines, with LF or CRLF endings and sometimes blank lines.</summary>
    public static Gen<byte[]> Ndjson() =>
        from lines in Gen.ListOf(Line()).Select(l => l.Take(8).ToList()).Where(l => l.Count > 0)
        from crlf in Gen.Elements(false, true)
        from blank in Gen.Elements(false, false, true)
        select Join(lines, crlf ? "\r\n"u8.ToArray() : "\n"u8.ToArray(), blank);

    private static byte[] Join(List<byte[]> lines, byte[] separator, bool blank)
    {
        var output = new MemoryStream();
        foreach (var line in lines)
        {
            output.Write(line);
            output.Write(separator);
            if (blank) output.Write(separator);
        }
        return output.ToArray();
    }

    /// <summary>A Bundle file of such lines as entries, or with entries that are not what a Bundle holds.</summary>
    public static Gen<byte[]> Bundle() =>
        from lines in Gen.ListOf(Line()).Select(l => l.Take(6).ToList())
        from shape in Gen.Choose(0, 5)
        select shape switch
        {
            0 => Wrap("\"entry\":{\"resource\":" + (lines.Count > 0 ? Utf8.GetString(lines[0]) : "{}") + "}"),
            1 => Wrap("\"entry\":[{\"request\":{\"method\":\"DELETE\",\"url\":\"Encounter/e1\"}},{\"fullUrl\":\"urn:uuid:1\"},42,{\"resource\":[]}]"),
            2 => Wrap("\"entry\":null"),
            _ => [.. Utf8.GetBytes("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":["),
                  .. lines.SelectMany((l, i) => (byte[])[.. Utf8.GetBytes((i > 0 ? "," : "") + "{\"fullUrl\":\"urn:uuid:" + i + "\",\"resource\":"), .. l, .. "}"u8.ToArray()]),
                  .. "]}"u8.ToArray()],
        };

    private static byte[] Wrap(string entry) => Utf8.GetBytes("{\"resourceType\":\"Bundle\",\"type\":\"searchset\"," + entry + "}");

    /// <summary>NDJSON text gzip-compressed (in one or two members), and where to cut it: 0 for whole, else the number of
    /// bytes kept (1 to length − 1), and whether junk follows.</summary>
    public static Gen<(byte[] Gzip, int Cut, bool Junk)> Gzip() =>
        from text in Ndjson()
        from members in Gen.Elements(1, 2)
        from cutAt in Gen.Choose(0, 1_000_000)
        from cut in Gen.Elements(false, true)
        from junk in Gen.Elements(false, false, false, true)
        let gz = members == 1 ? Compress(text) : [.. Compress(text[..(text.Length / 2)]), .. Compress(text[(text.Length / 2)..])]
        select (gz, cut && !junk ? 1 + (cutAt % (gz.Length - 1)) : 0, junk);

    public static byte[] Compress(byte[] data)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(data);
        return output.ToArray();
    }

    private static string ReplaceNth(Regex pattern, string text, int k, string replacement)
    {
        var matches = pattern.Matches(text);
        if (matches.Count == 0) return text;
        var m = matches[k % matches.Count];
        return string.Concat(text.AsSpan(0, m.Index), replacement, text.AsSpan(m.Index + m.Length));
    }
}
