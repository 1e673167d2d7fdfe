using System.Text;
using System.Text.Json;
using PatientCentric.Serialization;

namespace PatientCentric.Tests.Serialization;

/// <summary><see cref="PracticeDataSetReader.ReadAsync"/> gives what <see cref="PracticeDataSetReader.Read"/> gives: the
/// same data set, or the same errors.</summary>
public sealed class PracticeDataSetReaderAsyncTests
{
    private static string SamplePath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PatientCentric.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "src", "PatientCentric.Cli", "Sample", "sample-practice.json");
    }

    [Fact]
    public async Task ReadAsync_TheSample_GivesTheSameDataSetAsRead()
    {
        using var a = File.OpenRead(SamplePath());
        var sync = PracticeDataSetReader.Read(a, "sample-practice.json");
        await using var b = File.OpenRead(SamplePath());
        var async = await PracticeDataSetReader.ReadAsync(b, "sample-practice.json", TestContext.Current.CancellationToken);
        Assert.Equal(JsonSerializer.Serialize(sync, PatientCentricJsonContext.Default.PracticeDataSet),
                     JsonSerializer.Serialize(async, PatientCentricJsonContext.Default.PracticeDataSet));
    }

    [Theory]
    [InlineData("""{"practiceName":"x","timeZone":"UTC","serviceLines":[],"appointments":[],"surveyItems":[],"surveyReturns":[],"medicationFills":[],"referrals":[],"claims":[],"colour":1}""")]
    [InlineData("""{"practiceName":"x",""")]
    [InlineData("null")]
    public async Task ReadAsync_BadDocument_GivesTheSameErrorsAsRead(string json)
    {
        var sync = Assert.Throws<PatientCentricDataException>(() => PracticeDataSetReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "data.json"));
        var async = await Assert.ThrowsAsync<PatientCentricDataException>(() =>
            PracticeDataSetReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), "data.json", TestContext.Current.CancellationToken));
        Assert.Equal(sync.Errors, async.Errors);
    }

    [Theory]
    [InlineData("""{"practiceName": nancySmith}""")]
    [InlineData("{\"practiceName\":\"x\",\n\"appointments\": [nullJones]}")]
    public void MalformedJson_TheErrorNeverQuotesTheInput(string json)
    {
        // The parser's own message starts by quoting the bad input ('nancySmith}' is an invalid JSON literal), which can be
        // a name or an identifier: the error keeps the parser's reason and the line, not the text.
        var error = Assert.Throws<PatientCentricDataException>(() => PracticeDataSetReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "data.json"));
        Assert.DoesNotContain("nancy", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Jones", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("the text here is ", error.Errors.Single().Message, StringComparison.Ordinal);
        Assert.Equal("PC0100", error.Errors.Single().Code);
    }

    [Fact]
    public async Task ReadAsync_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await using var s = File.OpenRead(SamplePath());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PracticeDataSetReader.ReadAsync(s, "sample-practice.json", cts.Token));
    }
}
