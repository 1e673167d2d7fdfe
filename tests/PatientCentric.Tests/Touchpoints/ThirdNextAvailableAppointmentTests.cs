using PatientCentric.Touchpoints;

namespace PatientCentric.Tests.Touchpoints;

public sealed class ThirdNextAvailableAppointmentTests
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
    private static readonly DateTimeOffset Monday8am = new(2025, 3, 3, 8, 0, 0, TimeSpan.FromHours(-6));

    private static DateTimeOffset At(int day, int hour) => new(2025, 3, day, hour, 0, 0, TimeSpan.FromHours(day >= 9 ? -5 : -6));   // DST from 9 March

    private static readonly Slot[] Week =
    [
        new(At(3, 7), SlotStatus.Free),                               // before t0: ignored
        new(At(3, 10), SlotStatus.Free),                              // 1st (same day)
        new(At(3, 11), SlotStatus.Free, IsHeld: true),                // held: not bookable
        new(At(4, 9), SlotStatus.BusyTentative),                      // busy-tentative: not bookable
        new(At(4, 10), SlotStatus.Free, IsReservedForSameDay: true),  // reserved for same-day use
        new(At(4, 11), SlotStatus.Busy),
        new(At(10, 9), SlotStatus.Free),                              // 3rd
        new(At(5, 9), SlotStatus.Free),                               // 2nd (input order does not matter)
        new(At(12, 9), SlotStatus.Free),
    ];

    [Fact]
    public void CalendarDays_CountToTheThirdBookableSlot() =>
        Assert.Equal(7, ThirdNextAvailableAppointment.Compute(Week, Monday8am, Chicago));

    [Fact]
    public void BusinessDays_CountWeekdaysThatAreNotHolidays_InTheHalfOpenInterval()
    {
        Assert.Equal(5, ThirdNextAvailableAppointment.Compute(Week, Monday8am, Chicago, convention: DayCountConvention.BusinessDays));   // 4,5,6,7,10 Mar
        var holidays = new HashSet<DateOnly> { new(2025, 3, 5) };
        Assert.Equal(4, ThirdNextAvailableAppointment.Compute(Week, Monday8am, Chicago, convention: DayCountConvention.BusinessDays, holidays: holidays));
    }

    [Fact]
    public void SameDayThirdSlot_IsZero() =>
        Assert.Equal(0, ThirdNextAvailableAppointment.Compute([new(At(3, 9), SlotStatus.Free), new(At(3, 10), SlotStatus.Free), new(At(3, 11), SlotStatus.Free)], Monday8am, Chicago));

    [Fact]
    public void FewerThanThreeBookableSlotsWithinTheHorizon_IsRightCensored()
    {
        Assert.Null(ThirdNextAvailableAppointment.Compute(Week.AsSpan(0, 6), Monday8am, Chicago));
        Slot[] far = [new(At(3, 9), SlotStatus.Free), new(At(3, 10), SlotStatus.Free), new(Monday8am.AddDays(91), SlotStatus.Free)];
        Assert.Null(ThirdNextAvailableAppointment.Compute(far, Monday8am, Chicago));
        Slot[] edge = [new(At(3, 9), SlotStatus.Free), new(At(3, 10), SlotStatus.Free), new(Monday8am.AddDays(90), SlotStatus.Free)];
        Assert.Equal(90, ThirdNextAvailableAppointment.Compute(edge, Monday8am, Chicago));
    }

    [Fact]
    public void Horizon_OutOfRange_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ThirdNextAvailableAppointment.Compute(Week, Monday8am, Chicago, horizonDays: 0));
}

public sealed class TnaaScorerTests
{
    [Fact]
    public void Score_IsTheMeanOfUncensoredSnapshots_AndCountsCensoredOnes()
    {
        DateTimeOffset Mon(int day, int hour) => new(2025, 1, day, hour, 0, 0, TimeSpan.FromHours(-6));
        Slot Free(int day) => new(Mon(day, 9), SlotStatus.Free);
        var data = TestData.Data() with
        {
            AvailabilitySnapshots =
            [
                new("s", "primary-care", "new", Mon(6, 8), [Free(6), Free(7), Free(8)]),     // 2 days
                new("s", "primary-care", "new", Mon(13, 8), [Free(13), Free(14), Free(20)]), // 7 days
                new("s", "primary-care", "new", Mon(20, 8), [Free(20)]),                      // censored
            ],
        };
        var card = new TnaaScorer().Score(data, TestData.Context()).Single();
        Assert.Equal((4.5, 2, 1), (card.Value, card.EvidenceCount, card.ExcludedCount));
        Assert.Equal(1.0, card.Components.Single(c => c.Name == "excluded:censored-beyond-horizon").InputValue);
    }
}
