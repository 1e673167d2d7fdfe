using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PatientCentric.Cli.Tests;

/// <summary>The docs are the project's own and every example runs as written (issue 13): no page, type or output cites
/// the internal reference files; every JSON request of docs/cli-json.md runs through <c>eval</c>; docs/measures.md names
/// every measure key the code has; and the C# snippets of README.md and docs/ compile as a host would have them.</summary>
/// <remarks>Markers, as HTML comments on the line before a fenced block (invisible on the rendered page):
/// <list type="bullet">
/// <item><c>&lt;!-- bad-input: error: $.path: message --&gt;</c> before a ```json block of cli-json.md: the request must
/// exit 2 with exactly that line on stderr.</item>
/// <item><c>&lt;!-- snippet: context CODE --&gt;</c> before a ```csharp block: a fragment; CODE (usings and declarations
/// of the variables it uses) is compiled in front of it.</item>
/// <item><c>&lt;!-- snippet: not compiled, REASON --&gt;</c>: a block that cannot compile by design, with the reason.</item>
/// </list></remarks>
public sealed partial class DocsTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PatientCentric.sln")))
                return dir.FullName;
        throw new InvalidOperationException("PatientCentric.sln not found above " + AppContext.BaseDirectory);
    }

    private static IEnumerable<string> DocFiles() =>
        Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories)
            .Append(Path.Combine(Root, "README.md"))
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "src"), "README.md", SearchOption.AllDirectories)
                .Where(p => !IsBuildOutput(p)))
            .Order(StringComparer.Ordinal);

    private static bool IsBuildOutput(string path)
    {
        var parts = Path.GetRelativePath(Root, path).Split(Path.DirectorySeparatorChar);
        return parts.Contains("bin") || parts.Contains("obj");
    }

    private static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    // ---- (a) no internal reference files ----

    [Fact]
    public void SrcDocsAndReadme_NeverCiteTheInternalReferenceFiles()
    {
        string[] banned = ["DOMAIN.md", "DESIGN.md", "seed post"];
        var files = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*", SearchOption.AllDirectories)
            .Where(p => !IsBuildOutput(p))
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*", SearchOption.AllDirectories))
            .Append(Path.Combine(Root, "README.md"));
        var hits = new List<string>();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
                foreach (var word in banned)
                    if (lines[i].Contains(word, StringComparison.OrdinalIgnoreCase))
                        hits.Add($"{Relative(file)}:{i + 1}: {word}");
        }
        Assert.True(hits.Count == 0, "Cite the docs/ pages and primary sources instead:\n" + string.Join('\n', hits));
    }

    // ---- (b) every JSON request of cli-json.md runs ----

    private sealed record Block(string File, int Line, string? Marker, string Body);

    [GeneratedRegex(@"(?:<!--(?<marker>[^\n]*?)-->[ \t]*\r?\n)?```(?<lang>[a-z]+)[ \t]*\r?\n(?<body>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex FencedBlock();

    private static IEnumerable<Block> Blocks(string file, string language)
    {
        string text = File.ReadAllText(file);
        foreach (Match m in FencedBlock().Matches(text))
        {
            if (m.Groups["lang"].Value != language) continue;
            int line = text.AsSpan(0, m.Groups["body"].Index).Count('\n');   // the fence's line, 1-based
            string? marker = m.Groups["marker"].Success ? m.Groups["marker"].Value.Trim() : null;
            yield return new Block(Relative(file), line, marker, m.Groups["body"].Value);
        }
    }

    private static IEnumerable<(Block Block, string Measure)> CliJsonRequests()
    {
        foreach (var block in Blocks(Path.Combine(Root, "docs", "cli-json.md"), "json"))
        {
            using var doc = JsonDocument.Parse(block.Body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("measure", out var measure) && measure.ValueKind == JsonValueKind.String)
                yield return (block, measure.GetString()!);
        }
    }

    [Fact]
    public void CliJson_EveryRequestBlock_RunsAsDocumented()
    {
        var failures = new List<string>();
        foreach (var (block, measure) in CliJsonRequests())
        {
            var r = CliRunner.Eval(block.Body);
            if (block.Marker is { } marker && marker.StartsWith("bad-input:", StringComparison.Ordinal))
            {
                string expected = marker["bad-input:".Length..].Trim();
                if (r.ExitCode != 2 || r.Stdout.Length != 0 || r.Stderr.TrimEnd('\r', '\n') != expected)
                    failures.Add($"{block.File}:{block.Line} ({measure}, bad input): exit {r.ExitCode}, stderr {r.Stderr.Trim()}; documented {expected}");
            }
            else if (r.ExitCode != 0 || r.Stderr.Length != 0)
            {
                failures.Add($"{block.File}:{block.Line} ({measure}): exit {r.ExitCode}, {r.Stderr.Trim()}");
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static ImmutableArray<string> EvalListKeys()
    {
        var r = CliRunner.Run("eval", "--list");
        Assert.Equal(0, r.ExitCode);
        return [.. r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(1)   // the header
            .Select(line => line.Split(' ', 2)[0])];
    }

    [Fact]
    public void CliJson_EveryMeasureOfEvalList_HasARunnableRequest()
    {
        var keys = EvalListKeys();
        Assert.NotEmpty(keys);
        var documented = CliJsonRequests()
            .Where(r => r.Block.Marker is null || !r.Block.Marker.StartsWith("bad-input:", StringComparison.Ordinal))
            .Select(r => r.Measure).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(keys.Where(k => !documented.Contains(k)));
    }

    // ---- docs/measures.md names every measure key ----

    private static void CollectMeasureKeys(JsonElement e, HashSet<string> keys)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    if (p.Name == "measureKey" && p.Value.ValueKind == JsonValueKind.String) keys.Add(p.Value.GetString()!);
                    CollectMeasureKeys(p.Value, keys);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray()) CollectMeasureKeys(item, keys);
                break;
        }
    }

    [Fact]
    public void MeasuresPage_NamesEveryEvalKeyAndEveryReportMeasureKey()
    {
        string page = File.ReadAllText(Path.Combine(Root, "docs", "measures.md"));
        var report = CliRunner.Run("report", "--format", "json", "--as-of", "2026-01-15T12:00:00Z");
        Assert.True(report.ExitCode == 0, report.Stderr);
        var reportKeys = new HashSet<string>(StringComparer.Ordinal);
        using (var doc = JsonDocument.Parse(report.Stdout)) CollectMeasureKeys(doc.RootElement, reportKeys);
        Assert.Contains("no-show-rate", reportKeys);

        // A keyed family (nps:recommend, pdc:statins) is documented once as `family:<item>`.
        static string Documented(string key) =>
            key.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon ? $"`{key[..(colon + 1)]}<" : $"`{key}`";
        var missing = EvalListKeys().Concat(reportKeys)
            .Where(k => !page.Contains(Documented(k), StringComparison.Ordinal))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Add to docs/measures.md: " + string.Join(", ", missing));
    }

    // ---- (c) the C# snippets compile ----

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))]);

    // What `dotnet new console` gives a host (ImplicitUsings).
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    // The System.Text.Json source generator of the running runtime's reference pack (packs/Microsoft.NETCore.App.Ref
    // beside shared/Microsoft.NETCore.App in the .NET installation), which every SDK build of a host runs.
    private static readonly Lazy<ImmutableArray<ISourceGenerator>> JsonSourceGenerators = new(() =>
    {
        var runtime = new DirectoryInfo(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory());
        var packs = new DirectoryInfo(Path.Combine(runtime.Parent!.Parent!.Parent!.FullName, "packs", "Microsoft.NETCore.App.Ref"));
        const string Generator = "System.Text.Json.SourceGeneration.dll";
        string? path = packs.Exists
            ? packs.GetDirectories().OrderByDescending(d => d.Name == runtime.Name).ThenByDescending(d => d.Name, StringComparer.Ordinal)
                .Select(d => Path.Combine(d.FullName, "analyzers", "dotnet", "cs", Generator)).FirstOrDefault(File.Exists)
            : null;
        Assert.True(path is not null, $"{Generator} was not found under the .NET installation's packs/Microsoft.NETCore.App.Ref.");
        return [.. System.Reflection.Assembly.LoadFrom(path).GetTypes()
            .Where(t => typeof(IIncrementalGenerator).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => ((IIncrementalGenerator)Activator.CreateInstance(t)!).AsSourceGenerator())];
    });

    [GeneratedRegex(@"^\s*using\s+(static\s+)?[A-Za-z_][\w.]*(\s*=\s*[\w.<>, ]+)?\s*;\s*$")]
    private static partial Regex UsingDirective();

    public static TheoryData<string, int> Snippets()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in DocFiles())
            foreach (var block in Blocks(file, "csharp"))
                data.Add(block.File, block.Line);
        return data;
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void CSharpSnippet_Compiles(string file, int line)
    {
        var block = Blocks(Path.Combine(Root, file), "csharp").Single(b => b.Line == line);
        string? context = null;
        if (block.Marker is { } marker && marker.StartsWith("snippet:", StringComparison.Ordinal))
        {
            string directive = marker["snippet:".Length..].Trim();
            if (directive.StartsWith("not compiled", StringComparison.Ordinal))
            {
                Assert.True(directive.Length > "not compiled".Length + 5, $"{file}:{line}: say why the snippet is not compiled.");
                return;
            }
            Assert.StartsWith("context ", directive, StringComparison.Ordinal);
            context = directive["context ".Length..];
        }

        // Usings first (the snippet's and the context's), then the context's declarations, then the snippet.
        var usings = new StringBuilder();
        var body = new StringBuilder();
        foreach (var source in new[] { context?.Replace("; ", ";\n", StringComparison.Ordinal) ?? "", block.Body })
            foreach (var codeLine in source.Split('\n'))
                (UsingDirective().IsMatch(codeLine) ? usings : body).AppendLine(codeLine.TrimEnd('\r'));
        string code = usings.ToString() + body;

        var cancel = TestContext.Current.CancellationToken;
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var tree = CSharpSyntaxTree.ParseText(code, options, path: file, cancellationToken: cancel);
        bool hasStatements = tree.GetRoot(cancel).ChildNodes().OfType<GlobalStatementSyntax>().Any();
        var compilation = CSharpCompilation.Create("Snippet",
            [CSharpSyntaxTree.ParseText(ImplicitUsings, options, cancellationToken: cancel), tree], References.Value,
            new CSharpCompilationOptions(hasStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                                         nullableContextOptions: NullableContextOptions.Enable));
        if (code.Contains("[JsonSerializable(", StringComparison.Ordinal))
        {
            // A host's own System.Text.Json context: run the source generator, as the host's build does.
            CSharpGeneratorDriver.Create(JsonSourceGenerators.Value, parseOptions: options)
                .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _, cancel);
            compilation = (CSharpCompilation)generated;
        }
        var errors = compilation.GetDiagnostics(cancel).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0,
            $"{file}:{line} does not compile:\n{string.Join('\n', errors)}\n--- compiled as ---\n{code}");
    }
}
