using System.Net;
using System.Text.RegularExpressions;
using PatientCentric.Cli.Report;

namespace PatientCentric.Cli.Tests;

/// <summary>What the report shows people is in words: no enum member name (<c>SpecialCauseConcern</c>) reaches the
/// console or the HTML page.</summary>
public sealed partial class PlainWordsTests
{
    // Member names of two or more words (SpecialCauseConcern, RefillSynchronisation); one-word names (Trust, Cost) are
    // ordinary words and may appear capitalised at the start of a label.
    private static IEnumerable<string> CompoundNames() => PlainWords.Enums
        .SelectMany(Enum.GetNames)
        .Where(n => n.Skip(1).Any(char.IsUpper) && n.Any(char.IsLower))
        .Distinct(StringComparer.Ordinal);

    [Fact]
    public void EveryMember_HasWords_ThatAreNotItsName()
    {
        foreach (var type in PlainWords.Enums)
        {
            foreach (Enum value in Enum.GetValues(type))
            {
                string words = PlainWords.Of(value);
                Assert.False(string.IsNullOrWhiteSpace(words), $"{type.Name}.{value}");
                Assert.DoesNotContain("unrecognised", words, StringComparison.Ordinal);
                Assert.NotEqual(value.ToString(), words);
            }
        }
    }

    [Fact]
    public void ConsoleReport_OnTheSample_ShowsNoEnumName()
    {
        var r = CliRunner.Run("report", "--as-of", HtmlReportOutput.AsOf);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("Special cause — concern", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Consistently passing the target", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("refill synchronisation", r.Stdout, StringComparison.Ordinal);
        AssertNoEnumName(r.Stdout);
    }

    [Fact]
    public void HtmlReport_OnTheSample_ShowsNoEnumNameInItsVisibleText()
    {
        Assert.True(HtmlReportOutput.Result.ExitCode == 0, HtmlReportOutput.Result.Stderr);
        string text = VisibleText(HtmlReportOutput.Html);
        Assert.Contains("special cause — concern", text, StringComparison.Ordinal);
        Assert.Contains("consistently passing the target", text, StringComparison.Ordinal);
        Assert.Contains("Take medication", text, StringComparison.Ordinal);
        AssertNoEnumName(text);
    }

    private static void AssertNoEnumName(string text)
    {
        var found = CompoundNames().Where(n => Regex.IsMatch(text, $@"\b{n}\b")).ToList();
        Assert.Empty(found);
    }

    // Text a person sees: everything outside tags (tooltips in <title> included), without the style sheet.
    private static string VisibleText(string html) =>
        WebUtility.HtmlDecode(Tag().Replace(Style().Replace(html, " "), " "));

    [GeneratedRegex("<style>.*?</style>", RegexOptions.Singleline)]
    private static partial Regex Style();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
