using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Touchpoints;

namespace PatientCentric.Tests.Touchpoints;

public sealed class PortalResponseTests
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
    private static readonly BusinessCalendar Calendar = BusinessCalendar.WeekdaysEightToFive(Chicago, [new DateOnly(2025, 3, 17)]);

    // 7 March 2025 is a Friday; DST starts Sunday 9 March in Chicago.
    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2025, 3, day, hour, minute, 0, TimeSpan.FromHours(day >= 9 ? -5 : -6));

    [Theory]
    [InlineData(7, 16, 10, 9, 2.0)]    // Friday 16:00 → Monday 09:00: one hour on Friday, one on Monday
    [InlineData(8, 10, 10, 9, 1.0)]    // sent on Saturday: the clock starts at Monday's opening
    [InlineData(7, 7, 7, 9, 1.0)]      // before opening: 08:00–09:00 only
    [InlineData(14, 16, 18, 9, 2.0)]   // over a holiday Monday (17 March): Friday 16–17 and Tuesday 08–09
    [InlineData(7, 18, 7, 19, 0.0)]    // sent and answered after closing on one evening
    public void Between_CountsOnlyOpenHours(int sentDay, int sentHour, int replyDay, int replyHour, double expectedHours) =>
        Assert.Equal(expectedHours, Calendar.Between(At(sentDay, sentHour), At(replyDay, replyHour)).TotalHours, precision: 12);

    [Fact]
    public void DefaultCalendar_HasNineHourBusinessDays() => Assert.Equal(9.0, Calendar.HoursPerBusinessDay);

    [Fact]
    public void Calendar_IntervalClosingBeforeOpening_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new BusinessCalendar(Chicago, [new OpeningInterval(DayOfWeek.Monday, new TimeOnly(17, 0), new TimeOnly(8, 0))]));

    [Fact]
    public void Measure_UnansweredThreadsBeyondTheTargetAreBreaches_AndStayOutOfTheMedian()
    {
        PortalThread T(string id, DateTimeOffset sent, DateTimeOffset? reply) => new(id, "P", "primary-care", sent, reply);
        var threads = new[]
        {
            T("a", At(3, 9), At(3, 12)),            // 3 h: within 2 business days (18 h)
            T("b", At(3, 9), At(6, 9)),             // 27 h: breach
            T("c", At(6, 9), null),                 // open 9 h at the evaluation: not yet a breach
            T("d", At(3, 9), null),                 // open 27 h: breach
            T("e", At(4, 9), At(4, 8)),             // reply before the message: invalid
        };
        var r = PortalResponse.Measure(threads, Calendar, At(7, 9));
        Assert.Equal([3.0, 27.0], r.BusinessHours);
        Assert.Equal((2, 1, 2, 1), (r.Open, r.WithinTarget, r.Breaches, r.Invalid));
        Assert.Equal(1.0 / 3, r.WithinTargetRate!.Value, precision: 15);
    }
}
