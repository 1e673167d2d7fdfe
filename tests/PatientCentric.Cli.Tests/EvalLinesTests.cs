using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PatientCentric.Cli.Tests;

/// <summary><c>eval --lines</c> (docs/cli-json.md#many-requests-in-one-process-eval---lines): JSON Lines in, one compact
/// result or error line per request out, in order.</summary>
public sealed partial class EvalLinesTests
{
    private const string Nps = """{"measure":"nps","scores":[10,9,9,8,7,6,3]}""";
    private const string BadNps = """{"measure":"nps","scores":[10,9,7,11]}""";

    private static CliRunner.Result Lines(string input, params string[] more) => Lines(Encoding.UTF8.GetBytes(input), more);

    private static CliRunner.Result Lines(byte[] input, params string[] more) =>
        CliRunner.RunWithBytes(new MemoryStream(input), ["eval", "--lines", .. more]);

    private static string[] OutputLines(CliRunner.Result r)
    {
        Assert.EndsWith("\n", r.Stdout, StringComparison.Ordinal);
        return r.Stdout[..^1].Split('\n');
    }

    /// <summary>The single-request eval's result, compacted: what --lines must write for the same request.</summary>
    private static string SingleCompact(string request)
    {
        var r = CliRunner.Eval(request);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            doc.RootElement.WriteTo(w);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static (int Line, string Path, string Message) ErrorOf(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var error = Assert.Single(doc.RootElement.EnumerateObject());
        Assert.Equal("error", error.Name);
        Assert.Equal(["line", "path", "message"], error.Value.EnumerateObject().Select(p => p.Name));
        return (error.Value.GetProperty("line").GetInt32(), error.Value.GetProperty("path").GetString()!, error.Value.GetProperty("message").GetString()!);
    }

    [Fact]
    public void MixedGoodAndBadLines_AnswerEveryRequestInOrder_AndExit2()
    {
        const string Cahps = """{"measure":"cahps","categories":["Never","Sometimes","Usually","Always"],"responseCounts":{"Never":4,"Sometimes":6,"Usually":30,"Always":60}}""";
        var r = Lines($"{Nps}\n{BadNps}\n{Cahps}\n{{\"measure\":\"nope\"}}\n{Nps.Replace("3]", "0]", StringComparison.Ordinal)}\n");

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stderr);
        var lines = OutputLines(r);
        Assert.Equal(5, lines.Length);
        Assert.Equal(SingleCompact(Nps), lines[0]);
        Assert.Equal((2, "$.scores[3]", "11 is outside 0..10."), ErrorOf(lines[1]));
        Assert.Equal(SingleCompact(Cahps), lines[2]);
        Assert.Equal((4, "$.measure", "unknown measure \"nope\"; run 'patientcentric eval --list' to see them."), ErrorOf(lines[3]));
        Assert.Equal(SingleCompact(Nps.Replace("3]", "0]", StringComparison.Ordinal)), lines[4]);
    }

    [Fact]
    public void EveryLineGood_ExitsZero_WithOneLinePerRequest()
    {
        var r = Lines($"{Nps}\n{Nps}");   // the last line needs no line break
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        Assert.Equal([SingleCompact(Nps), SingleCompact(Nps)], OutputLines(r));
    }

    [Fact]
    public void AnErrorLine_HasThePathAndMessageOfTheSingleRequestError()
    {
        string single = CliRunner.EvalBad(BadNps);
        var (_, path, message) = ErrorOf(Assert.Single(OutputLines(Lines(BadNps + "\n"))));
        Assert.Equal(single, $"{path}: {message}");
    }

    [Fact]
    public void BlankLines_AreSkipped_ButCountInTheLineNumbers()
    {
        var r = Lines($"\n   \n{Nps}\n\t\n\n{BadNps}\n\n");
        Assert.Equal(2, r.ExitCode);
        var lines = OutputLines(r);
        Assert.Equal(2, lines.Length);
        Assert.Equal(SingleCompact(Nps), lines[0]);
        Assert.Equal(6, ErrorOf(lines[1]).Line);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n\r\n")]
    public void EmptyInput_WritesNothing_AndExitsZero(string input)
    {
        var r = Lines(input);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Equal("", r.Stderr);
    }

    [Fact]
    public void AByteOrderMark_IsSkippedAtTheStartOfTheInput_AndRefusedOnALaterLine()
    {
        byte[] bom = [0xEF, 0xBB, 0xBF];
        byte[] input = [.. bom, .. Encoding.UTF8.GetBytes(Nps + "\n"), .. bom, .. Encoding.UTF8.GetBytes(Nps + "\n")];
        var r = Lines(input);
        Assert.Equal(2, r.ExitCode);
        var lines = OutputLines(r);
        Assert.Equal(SingleCompact(Nps), lines[0]);
        Assert.Equal((2, "$", "a byte order mark may only start the input, not a later line."), ErrorOf(lines[1]));
    }

    [Fact]
    public void CrlfLineBreaks_AreRead_AsLf()
    {
        var r = Lines($"{Nps}\r\n\r\n{Nps}\r\n");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal([SingleCompact(Nps), SingleCompact(Nps)], OutputLines(r));
    }

    [Fact]
    public void ALineOverTheDefaultLimit_GetsAnErrorLine_AndTheNextLineIsStillAnswered()
    {
        // 64 MiB of spaces inside one request, produced as read: the reader skips the line without holding it.
        byte[] head = Encoding.UTF8.GetBytes("""{"measure":"nps","scores":[1""");
        byte[] tail = Encoding.UTF8.GetBytes("]}\n" + Nps + "\n");
        var input = new GeneratedStream(head, 64L << 20, (byte)' ', tail);
        var r = CliRunner.RunWithBytes(input, "eval", "--lines");
        Assert.Equal(2, r.ExitCode);
        var lines = OutputLines(r);
        Assert.Equal(2, lines.Length);
        Assert.Equal((1, "$", "the line is longer than 67,108,864 bytes, the most one request may have; it was skipped unread."), ErrorOf(lines[0]));
        Assert.Equal(SingleCompact(Nps), lines[1]);
    }

    [Fact]
    public void ALineOverALoweredLimit_GetsAnErrorLine_AndALineAtTheLimitIsAnswered()
    {
        string atLimit = Nps.PadRight(1024);   // trailing spaces are JSON whitespace
        string over = Nps.PadRight(1025);
        var output = new StringWriter();
        var error = new StringWriter();
        int code = new CliApp(TextReader.Null, output, error) { StdinBytes = new MemoryStream(Encoding.UTF8.GetBytes($"{atLimit}\n{over}\n")), EvalMaxLineBytes = 1024 }
            .Run(["eval", "--lines"], TestContext.Current.CancellationToken);
        Assert.Equal(2, code);
        var lines = output.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal(SingleCompact(Nps), lines[0]);
        Assert.Equal((2, "$", "the line is longer than 1,024 bytes, the most one request may have; it was skipped unread."), ErrorOf(lines[1]));
    }

    [Fact]
    public void EachAnswer_IsWrittenBeforeTheNextLineIsRead()
    {
        var output = new StringWriter();
        var seenBeforeSecondRead = new List<string>();
        var input = new StepStream([Encoding.UTF8.GetBytes(Nps + "\n"), Encoding.UTF8.GetBytes(BadNps + "\n")],
                                   () => seenBeforeSecondRead.Add(output.ToString()));
        int code = new CliApp(TextReader.Null, output, TextWriter.Null) { StdinBytes = input }.Run(["eval", "--lines"], TestContext.Current.CancellationToken);
        Assert.Equal(2, code);
        Assert.Equal(SingleCompact(Nps) + "\n", seenBeforeSecondRead[0]);
    }

    [Fact]
    public void AFileArgument_IsReadAsJsonLines()
    {
        string file = Path.Combine(Path.GetTempPath(), $"pc-lines-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(file, $"{Nps}\n{Nps}\n");
        try
        {
            var r = CliRunner.Run("eval", "--lines", file);
            Assert.Equal(0, r.ExitCode);
            Assert.Equal(2, OutputLines(r).Length);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("--list", "error: --lines and --list are alternatives: give one.")]
    [InlineData("--format=table", "error: --lines writes JSON Lines only: --format table does not apply.")]
    public void LinesWithAnIncompatibleOption_IsBadUsage(string option, string expected)
    {
        var r = Lines(Nps, option);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Equal(expected, r.Stderr.TrimEnd());
    }

    [Fact]
    public void Cancellation_StopsBeforeTheNextLine()
    {
        using var cancel = new CancellationTokenSource();
        var output = new StringWriter();
        var input = new StepStream([Encoding.UTF8.GetBytes(Nps + "\n"), Encoding.UTF8.GetBytes(Nps + "\n")], cancel.Cancel);
        var error = new StringWriter();
        int code = new CliApp(TextReader.Null, output, error) { StdinBytes = input }.Run(["eval", "--lines"], cancel.Token);
        Assert.Equal(130, code);
        Assert.Equal(SingleCompact(Nps) + "\n", output.ToString());
        Assert.Equal("cancelled: stopped before line 2; the lines before it were answered.", error.ToString().TrimEnd());
    }

    // ---- every measure of docs/cli-json.md, in one run ----

    [GeneratedRegex(@"(?:<!--(?<marker>[^\n]*?)-->[ \t]*\r?\n)?```json[ \t]*\r?\n(?<body>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex JsonBlock();

    [Fact]
    public void EveryDocumentedRequest_OnOneLineEach_AnswersAsTheSingleRequestEval()
    {
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "PatientCentric.sln")))
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("PatientCentric.sln not found");
        var requests = new List<(string Line, string? BadInput)>();
        foreach (Match m in JsonBlock().Matches(File.ReadAllText(Path.Combine(root, "docs", "cli-json.md"))))
        {
            string body = m.Groups["body"].Value;
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("measure", out _))
                continue;
            string marker = m.Groups["marker"].Success ? m.Groups["marker"].Value.Trim() : "";
            requests.Add((body.ReplaceLineEndings(" "), marker.StartsWith("bad-input:", StringComparison.Ordinal) ? marker["bad-input: error: ".Length..] : null));
        }
        Assert.True(requests.Count > 28, "every eval measure has a request in docs/cli-json.md");

        var r = Lines(string.Join("\n", requests.Select(q => q.Line)) + "\n");
        var lines = OutputLines(r);
        Assert.Equal(requests.Count, lines.Length);
        for (int i = 0; i < requests.Count; i++)
        {
            if (requests[i].BadInput is { } expected)
            {
                var (line, path, message) = ErrorOf(lines[i]);
                Assert.Equal(i + 1, line);
                Assert.Equal(expected, $"{path}: {message}");
            }
            else
            {
                Assert.Equal(SingleCompact(requests[i].Line), lines[i]);
            }
        }
        Assert.Equal(requests.Any(q => q.BadInput is not null) ? 2 : 0, r.ExitCode);
    }

    [GeneratedRegex(@"<!-- eval-lines: (?<role>input|output) -->\r?\n```jsonl\r?\n(?<body>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex LinesExample();

    [Fact]
    public void TheDocumentedExample_GivesTheDocumentedOutput_AndExit2()
    {
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "PatientCentric.sln")))
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("PatientCentric.sln not found");
        var blocks = LinesExample().Matches(File.ReadAllText(Path.Combine(root, "docs", "cli-json.md")))
            .ToDictionary(m => m.Groups["role"].Value, m => m.Groups["body"].Value.ReplaceLineEndings("\n"));
        var r = Lines(blocks["input"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(blocks["output"], r.Stdout);
    }

    /// <summary>A head, then <c>count</c> copies of one byte, then a tail, produced as read (nothing held).</summary>
    private sealed class GeneratedStream(byte[] head, long count, byte filler, byte[] tail) : Stream
    {
        private long _position;
        private readonly long _length = head.Length + count + tail.Length;

        public override int Read(byte[] buffer, int offset, int n)
        {
            int written = 0;
            while (written < n && _position < _length)
            {
                long p = _position;
                if (p < head.Length)
                {
                    buffer[offset + written++] = head[p];
                    _position++;
                }
                else if (p < head.Length + count)
                {
                    int run = (int)Math.Min(n - written, head.Length + count - p);
                    buffer.AsSpan(offset + written, run).Fill(filler);
                    written += run;
                    _position += run;
                }
                else
                {
                    buffer[offset + written++] = tail[p - head.Length - count];
                    _position++;
                }
            }
            return written;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => _length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Serves one chunk per read, as a pipe does when a host writes request by request, calling
    /// <c>beforeLaterChunk</c> before each chunk after the first.</summary>
    private sealed class StepStream(byte[][] chunks, Action beforeLaterChunk) : Stream
    {
        private int _next;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_next >= chunks.Length)
                return 0;
            if (_next > 0)
                beforeLaterChunk();
            var chunk = chunks[_next++];
            Assert.True(chunk.Length <= count);
            chunk.CopyTo(buffer, offset);
            return chunk.Length;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
