using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using PatientCentric.Fhir;

namespace PatientCentric.Cli.Eval;

/// <summary>Runs <c>eval --lines</c> (docs/cli-json.md): JSON Lines in, one compact result line per request out, in order,
/// each written and flushed before the next request is read, so a host can pipe requests one by one.</summary>
/// <remarks>Each non-blank line is one request, read by <see cref="EvalRunner.Evaluate"/> exactly as <c>eval</c> reads
/// a whole request; a line that breaks the contract gets
/// <c>{"error":{"line":N,"path":"$.x","message":"..."}}</c> (the path and problem of <c>eval</c>'s one-line error) and
/// the run goes on. Lines are split at LF (a CR before it is dropped) by the reader that reads FHIR NDJSON, which never
/// holds more than <see cref="MaxLineBytes"/> + 1 bytes of a line: a longer line is skipped unread and answered with an
/// error line. A UTF-8 byte order mark is skipped at the start of the input only.</remarks>
internal static class EvalLines
{
    /// <summary>The longest request line, in bytes before its line break: 64 MiB, the limit of an NDJSON line in a FHIR
    /// read (<see cref="FhirReadOptions.DefaultMaxLineBytes"/>).</summary>
    public const int MaxLineBytes = FhirReadOptions.DefaultMaxLineBytes;

    private static readonly JsonWriterOptions ErrorOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>What a run found: how many requests succeeded, were refused (bad input) or failed unexpectedly.</summary>
    public readonly record struct Outcome(int Succeeded, int Refused, int Failed);

    /// <summary>Reads <paramref name="input"/> to its end, writing one line to <paramref name="output"/> per request.</summary>
    /// <param name="input">The JSON Lines (owned by the caller).</param>
    /// <param name="output">Where result and error lines go; flushed after each.</param>
    /// <param name="maxLineBytes">The longest line answered (tests lower it).</param>
    /// <param name="cancellationToken">Checked before each line is read and before it is answered.</param>
    /// <exception cref="OperationCanceledException">Cancelled; its message says which line was not answered.</exception>
    public static Outcome Run(Stream input, TextWriter output, int maxLineBytes = MaxLineBytes, CancellationToken cancellationToken = default)
    {
        int succeeded = 0, refused = 0, failed = 0;
        using var lines = new NdjsonLineReader(input, maxLineBytes, initialSize: 64 << 10);
        for (int number = 1; ; number++)
        {
            if (cancellationToken.IsCancellationRequested)
                throw Cancelled(number, cancellationToken);
            var kind = lines.Read(out var line);
            if (kind == NdjsonLine.End)
                break;
            if (cancellationToken.IsCancellationRequested)
                throw Cancelled(number, cancellationToken);
            string answer;
            if (kind == NdjsonLine.TooLong)
            {
                refused++;
                answer = Error(number, "$", string.Create(CultureInfo.InvariantCulture,
                    $"the line is longer than {maxLineBytes:N0} bytes, the most one request may have; it was skipped unread."));
            }
            else if (line.Trim(" \t"u8).IsEmpty)
            {
                continue;   // a blank line: no request, no answer, but it counts in the line numbers
            }
            else if (line.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                refused++;
                answer = Error(number, "$", "a byte order mark may only start the input, not a later line.");
            }
            else
            {
                try
                {
                    answer = EvalRunner.Evaluate(line.ToArray(), indented: false);
                    succeeded++;
                }
                catch (EvalInputException e)
                {
                    refused++;
                    answer = Error(number, e.Path, e.Problem);
                }
                catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
                {
                    // As eval's exit 1: the kind of failure, never the data; the next line is still answered.
                    failed++;
                    answer = Error(number, "$", $"unexpected {e.GetType().Name}: {e.Message}");
                }
            }
            output.Write(answer + "\n");
            output.Flush();
        }
        return new Outcome(succeeded, refused, failed);
    }

    private static OperationCanceledException Cancelled(int line, CancellationToken token) => new(string.Create(CultureInfo.InvariantCulture,
        $"cancelled: stopped before line {line:N0}; the lines before it were answered."), token);

    /// <summary>One error line: <c>{"error":{"line":N,"path":"...","message":"..."}}</c>.</summary>
    private static string Error(int line, string path, string message)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, ErrorOptions))
        {
            w.WriteStartObject();
            w.WriteStartObject("error");
            w.WriteNumber("line", line);
            w.WriteString("path", path);
            w.WriteString("message", message);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
