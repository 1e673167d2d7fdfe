using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace PatientCentric.Fhir.Tests;

/// <summary><see cref="FhirDates"/> is the one check of FHIR R4 <c>date</c>, <c>dateTime</c> and <c>instant</c> literals
/// (https://hl7.org/fhir/R4/datatypes.html): the regular expressions, the calendar and the library's range.</summary>
public sealed class FhirDatesTests
{
    private static bool Reference(string s, out DateTimeOffset t) =>
        DateTimeOffset.TryParseExact(s, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out t);

    [Property(MaxTest = 2_000)]
    public Property FullForm_GivesWhatDotNetGives_AndExistsOnlyOnRealDays()
    {
        var gen =
            from year in Gen.Choose(2, 9998)
            from month in Gen.Choose(1, 12)
            from day in Gen.Choose(1, 31)
            from hour in Gen.Choose(0, 23)
            from minute in Gen.Choose(0, 59)
            from second in Gen.Choose(0, 59)
            from digits in Gen.Choose(0, 7)
            from fraction in Gen.Choose(0, 9_999_999)
            from zone in Gen.Elements("Z", "+00:00", "-05:00", "+05:30", "+14:00", "-12:00", "+13:59", "-00:00")
            select $"{year:D4}-{month:D2}-{day:D2}T{hour:D2}:{minute:D2}:{second:D2}"
                   + (digits == 0 ? "" : "." + (fraction % (int)Math.Pow(10, digits)).ToString(new string('0', digits), CultureInfo.InvariantCulture))
                   + zone;
        return Prop.ForAll(gen.ToArbitrary(), s =>
        {
            bool expected = Reference(s, out var want);
            bool instant = FhirDates.TryParse(s, instant: true, out var p1, out _, out var t1);
            bool dateTime = FhirDates.TryParse(s, instant: false, out var p2, out var day, out var t2);
            return instant == expected && dateTime == expected
                   && (!expected || (p1 == FhirDatePrecision.Time && p2 == FhirDatePrecision.Time && t1 == want && t1.Offset == want.Offset
                                     && t2 == t1 && day == DateOnly.FromDateTime(want.DateTime)));
        });
    }

    [Theory]
    [InlineData("2024", "Year", "2024-01-01")]
    [InlineData("2024-03", "Month", "2024-03-01")]
    [InlineData("2024-02-29", "Day", "2024-02-29")]
    public void DateForms_AreDateTimes_ButNotInstants(string s, string precision, string date)
    {
        Assert.True(FhirDates.TryParse(s, instant: false, out var p, out var d, out _));
        Assert.Equal((precision, DateOnly.Parse(date, CultureInfo.InvariantCulture)), (p.ToString(), d));
        Assert.False(FhirDates.TryParse(s, instant: true, out _, out _, out _));
    }

    [Theory]
    [InlineData("2025-02-30")]                       // no such day
    [InlineData("2023-02-29T09:00:00Z")]
    [InlineData("10000-01-01")]                      // five-digit year
    [InlineData("10000-01-01T00:00:00Z")]
    [InlineData("0000-01-01")]                       // not a FHIR year
    [InlineData("2024-13")]
    [InlineData("2024-00-10")]
    [InlineData("2024-3-1")]
    [InlineData("2024-03-01T09:00:00")]              // a time without offset
    [InlineData("2024-03-01T09:00Z")]                // no seconds
    [InlineData("2024-03-01T24:00:00Z")]
    [InlineData("2024-03-01T09:60:00Z")]
    [InlineData("2024-03-01 09:00:00Z")]
    [InlineData("2024-03-01T09:00:00z")]
    [InlineData("2024-03-01T09:00:00.Z")]
    [InlineData("2024-03-01T09:00:00+14:30")]        // beyond ±14:00
    [InlineData("2024-03-01T09:00:00+0100")]
    [InlineData(" 2024-03-01")]
    [InlineData("2024-03-01\n")]
    [InlineData("")]
    [InlineData("0001-01-01")]                       // a day from the start of the calendar: out of range
    [InlineData("9999-12-31T23:59:59-14:00")]        // after the calendar's end in UTC
    [InlineData("0001-01-01T00:00:00+14:00")]
    public void Invalid_IsRejectedEitherWay(string s)
    {
        Assert.False(FhirDates.TryParse(s, instant: false, out _, out _, out _));
        Assert.False(FhirDates.TryParse(s, instant: true, out _, out _, out _));
    }

    [Fact]
    public void LeapSecond_IsTheNextMinutesStart_AndExtraFractionDigitsAreCut()
    {
        Assert.True(FhirDates.TryParse("2016-12-31T23:59:60Z", instant: true, out _, out _, out var leap));
        Assert.Equal(new DateTimeOffset(2017, 1, 1, 0, 0, 0, TimeSpan.Zero), leap);
        Assert.True(FhirDates.TryParse("2024-03-01T09:00:00.123456789+01:00", instant: true, out _, out _, out var t));
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.FromHours(1)).AddTicks(1_234_567), t);
    }
}
