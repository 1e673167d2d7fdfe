using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace PatientCentric.Hosting;

/// <summary>Walks a configuration section against the options type it binds to, and reports every key that is not a
/// setting and every value the binder could not convert, each with the setting's full path. The configuration binder
/// stops at the first such error (or, inside a dictionary entry, drops the entry silently), so this runs first.</summary>
internal static class ConfigurationChecker
{
    [RequiresUnreferencedCode("Reads the options type's properties by reflection.")]
    public static List<string> Check(IConfiguration section, Type optionsType)
    {
        var errors = new List<string>();
        CheckObject(section, optionsType, errors);
        return errors;
    }

    [RequiresUnreferencedCode("Reads the options type's properties by reflection.")]
    private static void CheckObject(IConfiguration config, Type type, List<string> errors)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var child in config.GetChildren())
        {
            if (!properties.TryGetValue(child.Key, out var property))
            {
                errors.Add($"{child.Path}: \"{child.Key}\" is not a setting of {type.Name}; its settings are {string.Join(", ", properties.Keys.Order(StringComparer.Ordinal))}.");
                continue;
            }
            if (IsScalar(property.PropertyType) && property.SetMethod is not { IsPublic: true })
            {
                errors.Add($"{child.Path}: is read-only and cannot be configured.");
                continue;
            }
            CheckValue(child, property.PropertyType, errors);
        }
    }

    [RequiresUnreferencedCode("Reads the options type's properties by reflection.")]
    private static void CheckValue(IConfigurationSection section, Type type, List<string> errors)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (IsScalar(target))
        {
            if (section.Value is null)
            {
                if (section.GetChildren().Any())
                    errors.Add($"{section.Path}: expects a single value ({Describe(target)}), not a section.");
                return;
            }
            if (!CanConvert(section.Value, target))
                errors.Add($"{section.Path}: \"{section.Value}\" is not {Describe(target)}.");
            return;
        }
        if (ElementType(target) is { } element)
        {
            if (section.Value is { Length: > 0 } && !section.GetChildren().Any())
            {
                errors.Add($"{section.Path}: expects {(IsDictionary(target) ? "a section of named entries" : "a list")}, not a single value.");
                return;
            }
            foreach (var child in section.GetChildren())
                CheckValue(child, element, errors);
            return;
        }
        if (section.Value is { Length: > 0 } && !section.GetChildren().Any())
        {
            errors.Add($"{section.Path}: expects a section of settings ({target.Name}), not a single value.");
            return;
        }
        CheckObject(section, target, errors);
    }

    private static bool IsScalar(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateTime) || t == typeof(DateTimeOffset)
            || t == typeof(DateOnly) || t == typeof(TimeOnly) || t == typeof(TimeSpan) || t == typeof(Guid) || t == typeof(Uri);
    }

    private static bool IsDictionary(Type type) => GenericInterface(type, typeof(IDictionary<,>)) is not null
                                                   || GenericInterface(type, typeof(IReadOnlyDictionary<,>)) is not null;

    /// <summary>The value type of a dictionary or the element type of a collection; null for anything else.</summary>
    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
            return type.GetElementType();
        if ((GenericInterface(type, typeof(IDictionary<,>)) ?? GenericInterface(type, typeof(IReadOnlyDictionary<,>))) is { } dictionary)
            return dictionary.GetGenericArguments()[1];
        return GenericInterface(type, typeof(IEnumerable<>))?.GetGenericArguments()[0];
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Only interfaces of option types the caller already keeps are read.")]
    private static Type? GenericInterface(Type type, Type definition) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == definition ? type
        : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);

    [RequiresUnreferencedCode("Uses the type's TypeConverter, as the configuration binder does.")]
    private static bool CanConvert(string value, Type type)
    {
        if (type == typeof(string) || value.Length == 0)
            return true;   // the binder leaves an empty value unset
        try
        {
            _ = TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or OverflowException or InvalidCastException)
        {
            return false;
        }
        catch (Exception e) when (e.InnerException is FormatException or OverflowException or ArgumentException)
        {
            return false;   // converters wrap the parse error
        }
    }

    private static string Describe(Type type) => type switch
    {
        _ when type.IsEnum => $"one of {string.Join(", ", Enum.GetNames(type))}",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => "a whole number",
        _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "a number (invariant culture, such as 0.25)",
        _ when type == typeof(TimeSpan) => "a time span such as 00:15:00",
        _ when type == typeof(DateOnly) => "a date such as 2025-01-31",
        _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "a date and time such as 2025-01-31T09:00:00+00:00",
        _ => string.Create(CultureInfo.InvariantCulture, $"a {type.Name}"),
    };
}
