using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Hl7.Fhir.Model;

namespace PatientCentric.Fhir.Tests;

/// <summary>The read's own list of R4 resource types answers as the Firely SDK's model does.</summary>
public sealed class R4ResourceTypesTests
{
    [Fact]
    public void Concrete_IsFirelysListOfR4Resources()
    {
        Assert.Equal(146, R4ResourceTypes.Concrete.Length);
        Assert.Equal(ModelInfo.SupportedResources.Order(StringComparer.Ordinal), R4ResourceTypes.Concrete);
    }

    [Theory]
    [InlineData("Patient")]
    [InlineData("patient")]
    [InlineData("PATIENT")]
    [InlineData("Resource")]
    [InlineData("DomainResource")]
    [InlineData("Binary")]
    [InlineData("MetadataResource")]
    [InlineData("CanonicalResource")]
    [InlineData("Element")]
    [InlineData("Quantity")]
    [InlineData("Extension")]
    [InlineData("string")]
    [InlineData("Patient ")]
    [InlineData("")]
    [InlineData("PatientX")]
    [InlineData("DeviceUseStatement")]
    [InlineData("NutritionIntake")]   // R5 only
    public void IsKnown_AnswersAsFirely(string type) =>
        Assert.Equal(ModelInfo.IsKnownResource(type), R4ResourceTypes.IsKnown(type));

    /// <summary>Names near the real ones: a resource or data type name, in random case, sometimes cut short or lengthened.</summary>
    [Property(MaxTest = 2_000)]
    public Property NearNames_AnswerAsFirely() =>
        Prop.ForAll(
            Gen.Elements([.. ModelInfo.SupportedResources, .. ModelInfo.FhirTypeToCsType.Keys, "Resource", "DomainResource"]).ToArbitrary(),
            Gen.ArrayOf(Gen.Elements(false, true)).ToArbitrary(),
            Gen.Choose(-3, 2).ToArbitrary(),
            (name, upper, cut) =>
            {
                var chars = name.Select((c, i) => i < upper.Length ? (upper[i] ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)) : c).ToArray();
                var type = new string(chars);
                type = cut < 0 ? type[..Math.Max(0, type.Length + cut)] : type + new string('e', cut);
                return ModelInfo.IsKnownResource(type) == R4ResourceTypes.IsKnown(type);
            });
}
