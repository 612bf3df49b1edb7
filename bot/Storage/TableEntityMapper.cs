using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Serialization;

namespace TeamsPolicyBot.Storage;

/// <summary>Copies a typed <see cref="ITableEntity"/> to and from a <see cref="TableEntity"/>, property by property.</summary>
internal static class TableEntityMapper
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    private static readonly HashSet<string> SystemProperties =
        [nameof(ITableEntity.PartitionKey), nameof(ITableEntity.RowKey), nameof(ITableEntity.Timestamp), nameof(ITableEntity.ETag)];

    public static TableEntity ToTableEntity(ITableEntity entity)
    {
        if (entity is TableEntity table)
        {
            return table;
        }
        var result = new TableEntity(entity.PartitionKey, entity.RowKey) { ETag = entity.ETag };
        foreach (var property in PropertiesOf(entity.GetType()))
        {
            var value = property.GetValue(entity);
            result[property.Name] = value is Enum choice ? choice.ToString() : value;
        }
        return result;
    }

    public static T FromTableEntity<T>(TableEntity row) where T : class, ITableEntity, new()
    {
        if (row is T same)
        {
            return same;
        }
        var entity = new T { PartitionKey = row.PartitionKey, RowKey = row.RowKey, Timestamp = row.Timestamp, ETag = row.ETag };
        foreach (var property in PropertiesOf(typeof(T)))
        {
            if (row.ContainsKey(property.Name))
            {
                property.SetValue(entity, Read(row, property));
            }
        }
        return entity;
    }

    private static object? Read(TableEntity row, PropertyInfo property)
    {
        var name = property.Name;
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        try
        {
            return type switch
            {
                _ when type == typeof(string) => row.GetString(name),
                _ when type == typeof(int) => row.GetInt32(name),
                _ when type == typeof(long) => row.GetInt64(name),
                _ when type == typeof(bool) => row.GetBoolean(name),
                _ when type == typeof(double) => row.GetDouble(name),
                _ when type == typeof(DateTimeOffset) => row.GetDateTimeOffset(name),
                _ when type == typeof(Guid) => row.GetGuid(name),
                _ when type == typeof(byte[]) => row.GetBinary(name),
                _ => row.GetString(name) is { } text ? Enum.Parse(type, text) : null,
            };
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"Stored property '{name}' does not fit {property.DeclaringType!.Name}.{name} ({property.PropertyType.Name}).", ex);
        }
    }

    private static PropertyInfo[] PropertiesOf(Type type) => Properties.GetOrAdd(type, static type =>
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0)
            .Where(p => !SystemProperties.Contains(p.Name) && p.GetCustomAttribute<IgnoreDataMemberAttribute>() is null)
            .ToArray();
        foreach (var property in properties)
        {
            if (!IsSupported(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType))
            {
                throw new InvalidOperationException(
                    $"{type.Name}.{property.Name} is a {property.PropertyType.Name}; table entities hold string, int, long, "
                    + "bool, double, DateTimeOffset, Guid, byte[] or enum properties. Mark it [IgnoreDataMember] to leave it out.");
            }
        }
        return properties;
    });

    private static bool IsSupported(Type type) =>
        type.IsEnum || type == typeof(string) || type == typeof(int) || type == typeof(long) || type == typeof(bool)
        || type == typeof(double) || type == typeof(DateTimeOffset) || type == typeof(Guid) || type == typeof(byte[]);
}
