using System.Collections;
using System.Reflection;

namespace TeamsPolicyBot.Tests.Infra;

/// <summary>One configuration key the bot binds, as an App Service setting names it (<c>Bot__Retry__MaxAttempts</c>).</summary>
internal sealed record OptionsKey(string Name, bool IsProductionSetting, bool IsCollection)
{
    /// <summary>Whether an App Service setting name sets this key (a collection is set entry by entry: <c>Key__0</c>).</summary>
    public bool IsSetBy(string settingName) =>
        string.Equals(settingName, Name, StringComparison.OrdinalIgnoreCase)
        || (IsCollection && settingName.StartsWith(Name + "__", StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Every key the bot's options classes bind, found by reflection so new options are covered without editing a list:
/// each class in the bot assembly with <c>public const string Section</c>, its bindable properties, nested objects
/// as <c>Section__Child__Property</c>.
/// </summary>
internal static class OptionsKeys
{
    public static IReadOnlyList<OptionsKey> All { get; } = Discover();

    public static IEnumerable<Type> OptionsClasses() =>
        typeof(Program).Assembly.GetTypes().Where(type => type.IsClass && SectionOf(type) is not null);

    private static IReadOnlyList<OptionsKey> Discover() =>
        [.. OptionsClasses().SelectMany(type => KeysOf(type, SectionOf(type)!, depth: 0)).OrderBy(key => key.Name, StringComparer.Ordinal)];

    private static string? SectionOf(Type type) =>
        type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field && field.FieldType == typeof(string)
            ? (string?)field.GetRawConstantValue()
            : null;

    private static IEnumerable<OptionsKey> KeysOf(Type type, string prefix, int depth)
    {
        if (depth > 5)
            throw new InvalidOperationException($"Options nest too deeply at {prefix}.");
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = $"{prefix}__{property.Name}";
            var isProduction = property.IsDefined(typeof(ProductionSettingAttribute));
            var settable = property.SetMethod?.IsPublic == true;
            if (IsScalar(property.PropertyType))
            {
                if (settable)
                    yield return new OptionsKey(name, isProduction, IsCollection: false);
            }
            else if (typeof(IEnumerable).IsAssignableFrom(property.PropertyType))
            {
                yield return new OptionsKey(name, isProduction, IsCollection: true);
            }
            else
            {
                // The configuration binder fills a nested options object whether or not it has a setter.
                foreach (var key in KeysOf(property.PropertyType, name, depth + 1))
                    yield return key;
            }
        }
    }

    private static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Uri)
            || type == typeof(TimeSpan) || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Guid)
            || type == typeof(DateOnly) || type == typeof(TimeOnly);
    }
}
