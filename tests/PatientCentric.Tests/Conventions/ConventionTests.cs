using System.Reflection;
using PatientCentric.Scoring;

namespace PatientCentric.Tests.Conventions;

/// <summary>Design rules enforced across the assembly (STYLE.md), in NodaTime's manner.</summary>
public sealed class ConventionTests
{
    private static readonly Type[] Exported = typeof(ScoreCard).Assembly.GetExportedTypes();

    [Fact]
    public void EveryPublicClass_IsSealedAbstractOrStatic() =>
        Assert.Empty(Exported.Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract).Select(t => t.FullName));

    [Fact]
    public void PublicTypes_AreImmutable_ExceptOptionsAndTheBuilder()
    {
        // Options classes are the one mutable exception (the configuration binder needs setters); init-only setters are immutable.
        var mutable = Exported
            .Where(t => !t.Name.EndsWith("Options", StringComparison.Ordinal) && !t.Name.EndsWith("Builder", StringComparison.Ordinal) && !typeof(Exception).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => p.SetMethod is { IsPublic: true } set && !set.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)))
                .Select(p => $"{t.FullName}.{p.Name}"));
        Assert.Empty(mutable);
    }

    [Fact]
    public void PublicTypes_LiveInAConceptNamespace()
    {
        string[] concepts = ["PatientCentric.Scoring", "PatientCentric.Customers", "PatientCentric.Jobs", "PatientCentric.Touchpoints", "PatientCentric.Control",
                             "PatientCentric.Records", "PatientCentric.Serialization", "PatientCentric.DependencyInjection", "PatientCentric.Value",
                             "PatientCentric.Tradeoffs", "PatientCentric.Diagnostics", "PatientCentric.Peers", "Microsoft.Extensions.DependencyInjection"];
        Assert.Empty(Exported.Where(t => !concepts.Contains(t.Namespace)).Select(t => t.FullName));
    }

    [Fact]
    public void NoPublicStaticMutableState() =>
        Assert.Empty(typeof(ScoreCard).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(f => !f.IsInitOnly && !f.IsLiteral && !f.Name.Contains('<', StringComparison.Ordinal) && !f.DeclaringType!.Name.Contains('<', StringComparison.Ordinal)
                        && f.DeclaringType.Namespace?.StartsWith("PatientCentric", StringComparison.Ordinal) == true)
            .Select(f => $"{f.DeclaringType!.FullName}.{f.Name}"));
}
