// Checks the packed packages as a consumer and a debugger see them (run by .ci/package-check with `dotnet run`):
//   dotnet run VerifyPackages.cs -- FEED VERSION REPOSITORY_URL COMMIT HOST_ASSETS_JSON
// - every .nupkg: the version, the MIT licence expression, the repository URL and commit, a readme;
// - every PatientCentric assembly in it: built deterministically (the PE "Reproducible" debug entry), its PDB in the
//   .snupkg matches it, every source document is either mapped to /_/ (no machine path) or embedded, and SourceLink maps
//   /_/ to the repository's raw files at that commit;
// - the consumer host's net8.0 restore: every Microsoft.Extensions package is 8.0.x (no 10.0.x pulled into net8.0 hosts).
// Prints one line per check ("ok …" or "FAIL …") and exits with the number of failures.
#:property TreatWarningsAsErrors=false
#:property AnalysisLevel=none
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Xml.Linq;

if (args.Length != 5)
{
    Console.Error.WriteLine("usage: VerifyPackages.cs FEED VERSION REPOSITORY_URL COMMIT HOST_ASSETS_JSON");
    return 2;
}
var (feed, version, repositoryUrl, commit, assets) = (args[0], args[1], args[2], args[3], args[4]);
var sourceLinkGuid = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");
var embeddedSourceGuid = new Guid("0E8A571B-6926-466E-B4AD-8AB04611F5FE");
string rawPrefix = repositoryUrl.Replace("https://github.com/", "https://raw.githubusercontent.com/", StringComparison.Ordinal) + "/" + commit + "/";
int failures = 0;

void Check(bool ok, string what, string why = "")
{
    Console.WriteLine(ok ? $"ok   {what}" : $"FAIL {what}: {why}");
    if (!ok) failures++;
}

var packages = Directory.GetFiles(feed, "*.nupkg").Order(StringComparer.Ordinal).ToArray();
Check(packages.Length == 4, $"4 packages in the feed", $"found {string.Join(", ", packages.Select(Path.GetFileName))}");
foreach (string nupkg in packages)
{
    string name = Path.GetFileName(nupkg);
    using var zip = ZipFile.OpenRead(nupkg);
    var nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
    XElement Meta(string element) => nuspec.Root!.Elements().First().Elements().FirstOrDefault(e => e.Name.LocalName == element) ?? new XElement("missing");
    var repository = Meta("repository");
    Check(Meta("version").Value == version, $"{name}: version {version}", $"nuspec says {Meta("version").Value}");
    Check(Meta("license").Value == "MIT" && (string?)Meta("license").Attribute("type") == "expression", $"{name}: licence expression MIT",
          Meta("license").ToString());
    Check((string?)repository.Attribute("url") == repositoryUrl && (string?)repository.Attribute("commit") == commit,
          $"{name}: repository {repositoryUrl} at {commit[..7]}", repository.ToString());
    Check(Meta("readme").Value is { Length: > 0 } readme && zip.GetEntry(readme) is not null, $"{name}: readme", Meta("readme").ToString());

    string snupkg = Path.ChangeExtension(nupkg, ".snupkg");
    if (!File.Exists(snupkg))
    {
        Check(false, $"{name}: symbol package", $"{Path.GetFileName(snupkg)} is missing");
        continue;
    }
    using var symbols = ZipFile.OpenRead(snupkg);
    foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".dll", StringComparison.Ordinal)
                                                 && Path.GetFileName(e.FullName).StartsWith("PatientCentric", StringComparison.Ordinal)))
    {
        string what = $"{name}: {entry.FullName}";
        using var dll = new MemoryStream();
        using (var s = entry.Open()) s.CopyTo(dll);
        dll.Position = 0;
        using var pe = new PEReader(dll);
        var debug = pe.ReadDebugDirectory();
        Check(debug.Any(d => d.Type == DebugDirectoryEntryType.Reproducible), $"{what}: deterministic build", "no Reproducible debug entry");
        var codeView = debug.FirstOrDefault(d => d.Type == DebugDirectoryEntryType.CodeView);
        var pdbEntry = symbols.GetEntry(Path.ChangeExtension(entry.FullName, ".pdb"));
        if (codeView.Type != DebugDirectoryEntryType.CodeView || pdbEntry is null)
        {
            Check(false, $"{what}: PDB in the symbol package", "no CodeView entry or no matching .pdb");
            continue;
        }
        var cv = pe.ReadCodeViewDebugDirectoryData(codeView);
        using var pdbStream = new MemoryStream();
        using (var s = pdbEntry.Open()) s.CopyTo(pdbStream);
        pdbStream.Position = 0;
        using var provider = MetadataReaderProvider.FromPortablePdbStream(pdbStream);
        var pdb = provider.GetMetadataReader();
        var id = new BlobContentId(pdb.DebugMetadataHeader!.Id);
        Check(id.Guid == cv.Guid && id.Stamp == codeView.Stamp, $"{what}: PDB matches the assembly", $"{id.Guid} vs {cv.Guid}");
        Check(cv.Path.StartsWith("/_/", StringComparison.Ordinal) || !cv.Path.Contains('/'), $"{what}: PDB path mapped", cv.Path);

        var embedded = new HashSet<DocumentHandle>();
        string? sourceLink = null;
        foreach (var h in pdb.CustomDebugInformation)
        {
            var cdi = pdb.GetCustomDebugInformation(h);
            var kind = pdb.GetGuid(cdi.Kind);
            if (kind == embeddedSourceGuid && cdi.Parent.Kind == HandleKind.Document) embedded.Add((DocumentHandle)cdi.Parent);
            if (kind == sourceLinkGuid) sourceLink = System.Text.Encoding.UTF8.GetString(pdb.GetBlobBytes(cdi.Value));
        }
        var unmapped = pdb.Documents.Where(d => !embedded.Contains(d))
                                    .Select(d => pdb.GetString(pdb.GetDocument(d).Name))
                                    .Where(n => !n.StartsWith("/_/", StringComparison.Ordinal)).ToList();
        Check(unmapped.Count == 0, $"{what}: {pdb.Documents.Count} source documents mapped to /_/ or embedded",
              string.Join(", ", unmapped.Take(3)));
        string? target = null;
        if (sourceLink is not null && JsonDocument.Parse(sourceLink).RootElement.TryGetProperty("documents", out var docs))
            target = docs.EnumerateObject().FirstOrDefault(p => p.Name == "/_/*").Value.ToString();
        Check(target == rawPrefix + "*", $"{what}: SourceLink /_/* -> {rawPrefix}*", sourceLink ?? "no SourceLink in the PDB");
    }
}

// The consumer host's net8.0 graph: Microsoft.Extensions.* stays on 8.0.x.
using (var doc = JsonDocument.Parse(File.ReadAllBytes(assets)))
{
    var net8 = doc.RootElement.GetProperty("targets").EnumerateObject().First(t => t.Name.StartsWith("net8.0", StringComparison.Ordinal)).Value;
    var extensions = net8.EnumerateObject().Select(p => p.Name).Where(n => n.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)).ToList();
    var off = extensions.Where(n => !n.Split('/')[1].StartsWith("8.0.", StringComparison.Ordinal)).ToList();
    Check(extensions.Count > 0 && off.Count == 0, $"net8.0 host: {extensions.Count} Microsoft.Extensions packages, all 8.0.x",
          off.Count > 0 ? string.Join(", ", off) : "none found");
}
return failures;
