using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace PatientCentric.Tests.Conventions;

/// <summary>A package's public API rendered as text and compared with the committed PublicApi.approved.txt in its test
/// project's Conventions folder (Serilog's approval test), so every API change shows in the diff. To accept a change, copy
/// PublicApi.received.txt over the approved file. Shared by the test projects of every package (linked source).</summary>
internal static class PublicApiText
{
    /// <summary>Fails with where to look when <paramref name="assembly"/>'s public API differs from the approved file in
    /// <c>tests/<paramref name="testProject"/>/Conventions</c>, and writes the received text beside it.</summary>
    public static void Approve(Assembly assembly, string testProject)
    {
        string received = Render(assembly);
        string folder = Folder(testProject);
        string approvedPath = Path.Combine(folder, "PublicApi.approved.txt");
        string approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : "";
        string receivedPath = Path.Combine(folder, "PublicApi.received.txt");
        if (received != approved)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(receivedPath, received);
            Assert.Fail($"The public API of {assembly.GetName().Name} changed. Review {receivedPath} and, if intended, copy it over {approvedPath}.");
        }
        File.Delete(receivedPath);
    }

    // Found from the test binary upwards (not [CallerFilePath], which deterministic CI builds map to /_/).
    private static string Folder(string testProject)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PatientCentric.sln")))
                return Path.Combine(dir.FullName, "tests", testProject, "Conventions");
        }
        throw new InvalidOperationException("The repository root (PatientCentric.sln) was not found above the test binaries.");
    }

    internal static string Render(Assembly assembly)
    {
        var sb = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            sb.Append(Kind(type)).Append(' ').Append(Name(type));
            var bases = new List<string>();
            if (type.BaseType is { } b && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum))
                bases.Add(Name(b));
            bases.AddRange(type.GetInterfaces().Where(i => i.IsPublic && !i.Name.StartsWith("IEquatable", StringComparison.Ordinal)).Select(Name).Order(StringComparer.Ordinal));
            if (bases.Count > 0)
                sb.Append(" : ").Append(string.Join(", ", bases));
            sb.Append('\n');
            const BindingFlags Flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var lines = new List<string>();
            if (type.IsEnum)
            {
                lines.AddRange(Enum.GetNames(type).Select(n => $"  {n}"));
            }
            else
            {
                foreach (var c in type.GetConstructors(Flags))
                    lines.Add($"  ctor({Parameters(c)})");
                foreach (var p in type.GetProperties(Flags))
                {
                    string accessors = (p.GetMethod?.IsPublic == true ? "get; " : "") +
                        (p.SetMethod is { IsPublic: true } s ? (s.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)) ? "init; " : "set; ") : "");
                    lines.Add($"  {(p.GetMethod?.IsStatic == true ? "static " : "")}{Name(p.PropertyType)} {p.Name} {{ {accessors}}}");
                }
                foreach (var f in type.GetFields(Flags))
                    lines.Add($"  {(f.IsLiteral ? "const " : f.IsStatic ? "static readonly " : "")}{Name(f.FieldType)} {f.Name}");
                foreach (var m in type.GetMethods(Flags).Where(m => !m.IsSpecialName && m.Name != "<Clone>$" && m.GetCustomAttribute<CompilerGeneratedAttribute>() is null))
                {
                    string generic = m.IsGenericMethod ? $"<{string.Join(", ", m.GetGenericArguments().Select(a => a.Name))}>" : "";
                    lines.Add($"  {(m.IsStatic ? "static " : "")}{Name(m.ReturnType)} {m.Name}{generic}({Parameters(m)})");
                }
            }
            lines.Sort(StringComparer.Ordinal);
            foreach (string line in lines)
                sb.Append(line).Append('\n');
        }
        return sb.ToString();
    }

    private static string Kind(Type t) =>
        t.IsEnum ? "enum" : t.IsInterface ? "interface" : t.IsValueType ? "struct" :
        t.IsAbstract && t.IsSealed ? "static class" : t.IsSealed ? "sealed class" : t.IsAbstract ? "abstract class" : "class";

    private static string Parameters(MethodBase m) =>
        string.Join(", ", m.GetParameters().Select(p => $"{Name(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : "")}"));

    private static string Name(Type t)
    {
        if (t.IsByRef)
            return Name(t.GetElementType()!) + "&";
        if (t.IsArray)
            return Name(t.GetElementType()!) + "[]";
        if (Nullable.GetUnderlyingType(t) is { } u)
            return Name(u) + "?";
        if (t.IsGenericParameter)
            return t.Name;
        string name = t.IsNested ? $"{Name(t.DeclaringType!)}.{t.Name}" : $"{t.Namespace}.{t.Name}";
        if (!t.IsGenericType)
            return name;
        return $"{name[..name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", t.GetGenericArguments().Select(Name))}>";
    }
}
