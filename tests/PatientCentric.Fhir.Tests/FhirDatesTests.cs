using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace PatientCentric.Fhir.Tests;

/// <summary>The hand-written instant parser must agree with <see cref="DateTimeOffset.TryParse(string, IFormatProvider, DateTimeStyles, out DateTimeOffset)"/>
/// (invariant, assume UTC), which it replaces on the hot path, for every full-form literal, and leave everything else to it.</summary>
public sealed class FhirInstantTests
{
    private static bool Reference(string s, out DateTimeOffset t) =>
        DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out t);

    [Property(MaxTest = 2_000)]
    public Property FullForm_GivesWhatTryParseGives()
    {
        var gen =
            from year in Gen.Choose(1, 9999)
            from month in Gen.Choose(1, 12)
            from day in Gen.Choose(1, 31)
            from hour in Gen.Choose(0, 23)
            from minute in Gen.Choose(0, 59)
            from second in Gen.Choose(0, 59)
            from digits in Gen.Choose(0, 7)
            from fraction in Gen.Choose(0, 9_999_999)
            from zone in Gen.Elements("Z", "+00:00", "-05:00", "+05:30", "+14:00", "-12:00", "+01:00", "-00:00")
            select $"{year:D4}-{month:D2}-{day:D2}T{hour:D2}:{minute:D2}:{second:D2}"
                   + (digits == 0 ? "" : "." + (fraction % (int)Math.Pow(10, digits)).ToString(new string('0', digits), CultureInfo.InvariantCulture))
                   + zone;
        return Prop.ForAll(gen.ToArbitrary(), s =>
        {
            bool expected = Reference(s, out var want);
            bool fast = FhirInstant.TryParseFull(s, out var got);
            // Where the fast parser answers, it gives the same value and offset; where it declines, TryParse decides.
            return (!fast || (expected && got == want && got.Offset == want.Offset))
                   && FhirInstant.TryParse(s, out var combined) == expected && (!expected || (combined == want && combined.Offset == want.Offset));
        });
    }

    [Theory]
    [InlineData("2024-03-01T09:00:00Z")]
    [InlineData("2024-03-01T09:00:00.123+01:00")]
    [InlineData("2024-02-29T23:59:59.9999999-08:00")]
    public void CommonForms_TakeTheFastPath(string s)
    {
        Assert.True(FhirInstant.TryParseFull(s, out var got));
        Assert.True(Reference(s, out var want));
        Assert.Equal(want, got);
        Assert.Equal(want.Offset, got.Offset);
    }

    [Theory]
    [InlineData("2024-03-01T09:00Z")]          // no seconds: TryParse's business
    [InlineData("2024-03-01T09:00:00")]        // no zone: assumed UTC by TryParse
    [InlineData("2024-03-01 09:00:00Z")]
    [InlineData("2023-02-29T09:00:00Z")]       // no such day
    [InlineData("2024-03-01T24:00:00Z")]
    [InlineData("2024-03-01T09:00:00.12345678Z")]
    [InlineData("0001-01-01T00:00:00+01:00")]  // before DateTimeOffset.MinValue in UTC
    public void OtherForms_AreLeftToTryParse(string s)
    {
        Assert.False(FhirInstant.TryParseFull(s, out _));
        Assert.Equal(Reference(s, out var want), FhirInstant.TryParse(s, out var got));
        Assert.Equal(want, got);
    }
}
