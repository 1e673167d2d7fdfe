using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PatientCentric.Jobs;

namespace PatientCentric.Tests.Jobs;

public sealed class JobTimelinessTests
{
    private static readonly DateOnly Due = new(2025, 3, 1);

    [Theory]
    // DOMAIN.md §4.4 with D = 1 Mar, g = 2, m = 30 (deadline 3 Mar, missed after 2 Apr).
    [InlineData("2025-03-03", "2025-06-30", JobState.OnTime)]   // c = D + g
    [InlineData("2025-03-04", "2025-06-30", JobState.Late)]
    [InlineData(null, "2025-03-03", JobState.Pending)]          // t = D + g
    [InlineData(null, "2025-03-04", JobState.Overdue)]
    [InlineData(null, "2025-04-02", JobState.Overdue)]          // t = D + g + m
    [InlineData(null, "2025-04-03", JobState.Missed)]
    [InlineData("2025-07-01", "2025-06-30", JobState.Missed)]   // completion after the evaluation date is not known yet
    public void Classify_FollowsTheDomainTable(string? completed, string asOf, JobState expected) =>
        Assert.Equal(expected, JobTimeliness.Classify(Due, completed is null ? null : DateOnly.Parse(completed, System.Globalization.CultureInfo.InvariantCulture),
                                                      DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), graceDays: 2, missedAfterDays: 30));

    [Fact]
    public void Rates_ExcludePendingAndOverdue()
    {
        var counts = new JobStateCounts(OnTime: 6, Late: 2, Pending: 5, Overdue: 3, Missed: 2);
        Assert.Equal(0.6, counts.TimelinessRate!.Value, precision: 15);
        Assert.Equal(0.8, counts.CompletionRate!.Value, precision: 15);
        Assert.Null(new JobStateCounts(0, 0, 4, 1, 0).TimelinessRate);
    }

    [Fact]
    public void Classify_NegativeSettings_AreRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => JobTimeliness.Classify(Due, null, Due, graceDays: -1));

    private static Arbitrary<JobState[]> States() => Gen.Elements(Enum.GetValues<JobState>()).ArrayOf().ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Counts_MergeExactlyAcrossShards() =>
        Prop.ForAll(States(), States(), States(), (a, b, c) =>
        {
            static JobStateCounts Count(IEnumerable<JobState> s) => s.Aggregate(new JobStateCounts(), (acc, x) => acc.Add(x));
            var whole = Count(a.Concat(b).Concat(c));
            return Count(a) + Count(b) + Count(c) == whole                       // one pass equals merged shards
                && (Count(a) + Count(b)) + Count(c) == Count(a) + (Count(b) + Count(c))   // associative
                && Count(a) + Count(b) == Count(b) + Count(a);                   // commutative
        });
}
