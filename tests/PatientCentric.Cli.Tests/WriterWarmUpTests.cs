using PatientCentric.Cli.Report;

namespace PatientCentric.Cli.Tests;

/// <summary>The writers' set-up started beside a run's read: it completes without error and changes no output.</summary>
public sealed class WriterWarmUpTests
{
    [Fact]
    public void NothingToWrite_StartsNothing() =>
        Assert.Same(Task.CompletedTask, WriterWarmUp.Start(json: false));

    [Fact]
    public async Task JsonWriter_IsSetUp_WithoutError()
    {
        var started = WriterWarmUp.Start(json: true);
        await started.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
        Assert.Equal(TaskStatus.RanToCompletion, started.Status);
        Assert.True(ReportJson.Context.Options.IsReadOnly);   // its metadata was made, which locks the options
    }

    [Fact]
    public async Task Report_WithAndWithoutTheSetUpRunningBeside_WritesTheSameJson()
    {
        var first = CliRunner.Run("report", "--format", "json", "--as-of", "2026-01-15T12:00:00Z");
        var beside = WriterWarmUp.Start(json: true);
        var second = CliRunner.Run("report", "--format", "json", "--as-of", "2026-01-15T12:00:00Z");
        await beside.WaitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Stdout, second.Stdout);
    }
}
