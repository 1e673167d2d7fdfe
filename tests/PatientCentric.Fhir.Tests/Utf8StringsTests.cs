using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace PatientCentric.Fhir.Tests;

/// <summary><see cref="Utf8Strings"/> is a per-thread cache: whatever it finds must be the string the bytes decode to,
/// whatever came before (texts sharing a slot, texts with the same length, non-ASCII text, escaped values).</summary>
public sealed class Utf8StringsTests
{
    // Short texts from a small alphabet, so that many repeat and many share a slot or a length; some non-ASCII.
    private static readonly Gen<string> Texts =
        from length in Gen.Choose(0, 44)
        from chars in Gen.ArrayOf(Gen.Elements('a', 'b', '0', '1', '-', ':', ' ', 'é', '€', '"', '\\'), length)
        select new string(chars);

    [Property(MaxTest = 300)]
    public Property Get_GivesWhatTheBytesDecodeTo_InAnySequence() =>
        Prop.ForAll(Gen.ArrayOf(Texts, 300).ToArbitrary(), texts =>
        {
            foreach (var text in texts)
            {
                if (Utf8Strings.Get(Encoding.UTF8.GetBytes(text)) != text)
                    return false;
                // The same text as a JSON string token (escaped where JSON needs it): the reader's path.
                var json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(text));
                var reader = new Utf8JsonReader(json);
                reader.Read();
                if (Utf8Strings.Get(ref reader) != text)
                    return false;
            }
            return true;
        });

    [Fact]
    public void Get_SameText_IsTheSameString_AndADifferentTextIsNot()
    {
        var first = Utf8Strings.Get("finished"u8);
        Assert.Same(first, Utf8Strings.Get("finished"u8));
        Assert.Equal("finishes", Utf8Strings.Get("finishes"u8));
        // Thousands of other texts take the slots over; the answer stays right.
        for (int i = 0; i < 20_000; i++)
        {
            var text = $"2025-01-{i % 28 + 1:D2}T{i % 24:D2}:{i % 60:D2}:00Z";
            Assert.Equal(text, Utf8Strings.Get(Encoding.UTF8.GetBytes(text)));
        }
        Assert.Equal("finished", Utf8Strings.Get("finished"u8));
    }
}
