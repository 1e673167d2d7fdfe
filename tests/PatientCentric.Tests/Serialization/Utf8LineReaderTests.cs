using System.Text;
using FsCheck.Xunit;
using PatientCentric.Scoring;
using PatientCentric.Serialization;

namespace PatientCentric.Tests.Serialization;

/// <summary>The reader of the per-patient outputs' lines as UTF-8 bytes: it gives the lines <see cref="StreamReader.ReadLine"/>
/// gives for text with <c>\n</c> or <c>\r\n</c> line breaks, however the stream splits its reads and however long a line.</summary>
public sealed class Utf8LineReaderTests
{
    /// <summary>A stream that hands out its bytes in reads of random lengths (1 to 8,000 bytes), as a pipe or a slow
    /// file may, so that lines cross read boundaries anywhere, also inside a character of several bytes.</summary>
    private sealed class ChoppyStream(byte[] bytes, Random random) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, random.Next(1, 8_000)));
    }

    private static List<string> ReadAll(Stream stream)
    {
        using var reader = new Utf8LineReader(stream);
        var lines = new List<string>();
        while (reader.TryReadLine(out var line))
            lines.Add(Encoding.UTF8.GetString(line));
        return lines;
    }

    private static List<string> ReadLines(string text)
    {
        using var reader = new StringReader(text);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
            lines.Add(line);
        return lines;
    }

    [Property(MaxTest = 200)]
    public bool Lines_AreThoseOfReadLine(int seed)
    {
        var random = new Random(seed);
        string[] pieces = ["a", "{\"k\":1}", "é", "€", "😀", " ", "\r\n", "\n", "\n\n"];
        var text = new StringBuilder();
        int count = random.Next(0, 400);
        for (int i = 0; i < count; i++)
            text.Append(pieces[random.Next(pieces.Length)]);
        if (random.Next(4) == 0)
            text.Append(new string('x', random.Next(60_000, 200_000)));   // a line longer than the buffer
        string s = text.ToString();
        return ReadAll(new ChoppyStream(Encoding.UTF8.GetBytes(s), random)).SequenceEqual(ReadLines(s));
    }

    [Fact]
    public void AnEmptyStream_HasNoLine()
    {
        Assert.Empty(ReadAll(new MemoryStream()));
        Assert.Equal([""], ReadAll(new MemoryStream("\n"u8.ToArray())));
        Assert.Equal(["a", "b"], ReadAll(new MemoryStream("a\nb"u8.ToArray())));
    }

    [Fact]
    public void ReadPatients_OfALineThatIsNotUtf8_IsADataError_NamingTheLine()
    {
        using var file = new MemoryStream([.. "{\"rank\":"u8, 0xC3, 0x28, .. "}\n"u8]);
        var error = Assert.Throws<PatientCentricDataException>(() => EvaluationPartial.ReadPatients([file]).ToList());
        Assert.Contains("PC0123", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
    }
}
