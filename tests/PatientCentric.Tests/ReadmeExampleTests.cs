using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PatientCentric.Scoring;
using PatientCentric.Serialization;

namespace PatientCentric.Tests;

/// <summary>Runs the README's library snippet, line for line, so the documented example keeps compiling and working.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void ReadmeSnippet_ScoresAPracticeFile()
    {
        string folder = Directory.CreateTempSubdirectory("pc-readme-").FullName;
        string previous = Environment.CurrentDirectory;
        var appointments = Enumerable.Range(1, 25).Select(i => TestData.Kept(TestData.Jan(6 + (i % 20), 9), arrived: TestData.Jan(6 + (i % 20), 8, 55),
                                                                             seen: TestData.Jan(6 + (i % 20), 9, i), departed: TestData.Jan(6 + (i % 20), 10)));
        File.WriteAllText(Path.Combine(folder, "practice.json"), JsonSerializer.Serialize(TestData.Data(appointments), PatientCentricJsonContext.Default.PracticeDataSet));
        var printed = new StringWriter();
        var console = Console.Out;
        try
        {
            Environment.CurrentDirectory = folder;
            Console.SetOut(printed);

            // --- README.md, "Use the library" ---
            using var services = new ServiceCollection()
                .AddPatientCentric(pc => pc.UseProfile("aesthetic-self-pay"))
                .BuildServiceProvider();

            using var file = File.OpenRead("practice.json");
            var data = PracticeDataSetReader.Read(file, "practice.json");          // errors name file, line and JSON path
            var evaluation = services.GetRequiredService<PracticeEvaluator>().Evaluate(data);

            foreach (var card in evaluation.Cards.Where(c => c.Scope == ScoreScope.Practice))
                Console.WriteLine($"{card.MeasureKey}: {card.Value?.ToString() ?? card.Status.ToString()} (n = {card.EvidenceCount})");
            // --- end of snippet ---
        }
        finally
        {
            Console.SetOut(console);
            Environment.CurrentDirectory = previous;
            Directory.Delete(folder, recursive: true);
        }
        string output = printed.ToString();
        Assert.Contains("lead-time: 7 (n = 25)", output, StringComparison.Ordinal);
        Assert.Contains("no-show-rate: 0 (n = 25)", output, StringComparison.Ordinal);
        Assert.Contains("cycle-time: 65 (n = 25)", output, StringComparison.Ordinal);
    }
}
