using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PatientCentric.Serialization;

namespace PatientCentric.Cli.Eval;

/// <summary>Runs one eval request: parses it, dispatches on <c>measure</c>, and returns the result JSON, or an error line
/// naming the JSON path. Nothing is written until the whole result is ready, so a failure never leaves partial output.</summary>
internal static class EvalRunner
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    /// <summary>Evaluates <paramref name="utf8Request"/>.</summary>
    /// <param name="utf8Request">The request's bytes (a UTF-8 byte order mark at the start is skipped).</param>
    /// <param name="indented"><see langword="true"/> for the indented result of <c>eval</c>; <see langword="false"/> for
    /// the same result on one line (<c>eval --lines</c>).</param>
    /// <returns>The result JSON (UTF-8 text).</returns>
    /// <exception cref="EvalInputException">The request is malformed or breaks the contract.</exception>
    public static string Evaluate(ReadOnlyMemory<byte> utf8Request, bool indented = true)
    {
        utf8Request = StrictJsonText.WithoutBom(utf8Request);
        if (utf8Request.Span.Trim(" \t\r\n"u8).IsEmpty)
            throw new EvalInputException("$", "the request is empty; expected one JSON object.");
        if (StrictJsonText.Check(utf8Request.Span, DocumentOptions.MaxDepth) is { } problem)
            throw new EvalInputException(problem.Path, problem.Message);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Request, DocumentOptions);
        }
        catch (JsonException e)
        {
            string reason = StrictJsonText.SyntaxReason(e.Message);
            string where = e.LineNumber is { } line
                ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, byte {e.BytePositionInLine + 1}")
                : "";
            throw new EvalInputException(string.IsNullOrEmpty(e.Path) ? "$" : e.Path, $"malformed JSON{where}: {reason}.");
        }
        using (document)
        {
            var request = RequestObject.Of(document.RootElement, "$");
            string id = request.RequiredString("measure");
            var measure = EvalMeasures.Find(id)
                ?? throw new EvalInputException("$.measure", $"unknown measure \"{id}\"; run 'patientcentric eval --list' to see them.");
            var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                measure.Evaluate(request, writer);
            return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
    }
}
