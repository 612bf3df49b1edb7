using System.Collections;
using Azure;

namespace TeamsPolicyBot.Storage;

/// <summary>
/// A row as a dictionary of property name to value. Values are string, int, long, bool, double,
/// DateTimeOffset, Guid or byte[]; a null value is not stored. PartitionKey, RowKey, Timestamp and
/// the ETag live in the dictionary too, under their own names (the ETag as <c>odata.etag</c>).
/// </summary>
public sealed class TableEntity : ITableEntity, IDictionary<string, object?>
{
    internal const string PartitionKeyName = "PartitionKey";
    internal const string RowKeyName = "RowKey";
    internal const string TimestampName = "Timestamp";
    internal const string ETagName = "odata.etag";

    private readonly Dictionary<string, object?> _properties = new(StringComparer.Ordinal);

    public TableEntity()
    {
    }

    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public string PartitionKey
    {
        get => GetString(PartitionKeyName) ?? "";
        set => _properties[PartitionKeyName] = value;
    }

    public string RowKey
    {
        get => GetString(RowKeyName) ?? "";
        set => _properties[RowKeyName] = value;
    }

    public DateTimeOffset? Timestamp
    {
        get => GetDateTimeOffset(TimestampName);
        set => _properties[TimestampName] = value;
    }

    public ETag ETag
    {
        get => _properties.TryGetValue(ETagName, out var value) && value is string text ? new ETag(text) : default;
        set
        {
            if (value == default)
            {
                _properties.Remove(ETagName);
            }
            else
            {
                _properties[ETagName] = value.ToString();
            }
        }
    }

    public object? this[string key]
    {
        get => _properties.TryGetValue(key, out var value) ? value : null;
        set => _properties[key] = value;
    }

    public string? GetString(string key) => Get<string>(key);

    public int? GetInt32(string key) => GetValue(key) switch
    {
        null => null,
        int number => number,
        long number when number is >= int.MinValue and <= int.MaxValue => (int)number,
        var other => throw WrongType(key, other, "Int32"),
    };

    public long? GetInt64(string key) => GetValue(key) switch
    {
        null => null,
        long number => number,
        int number => number,
        var other => throw WrongType(key, other, "Int64"),
    };

    /// <summary>Also reads whole numbers: the service may send a Double such as 2.0 without its type.</summary>
    public double? GetDouble(string key) => GetValue(key) switch
    {
        null => null,
        double number => number,
        int number => number,
        long number => number,
        var other => throw WrongType(key, other, "Double"),
    };

    public bool? GetBoolean(string key) => GetStruct<bool>(key);

    public DateTimeOffset? GetDateTimeOffset(string key) => GetStruct<DateTimeOffset>(key);

    public Guid? GetGuid(string key) => GetStruct<Guid>(key);

    public byte[]? GetBinary(string key) => Get<byte[]>(key);

    public ICollection<string> Keys => _properties.Keys;
    public ICollection<object?> Values => _properties.Values;
    public int Count => _properties.Count;
    bool ICollection<KeyValuePair<string, object?>>.IsReadOnly => false;

    public void Add(string key, object? value) => _properties.Add(key, value);
    public bool ContainsKey(string key) => _properties.ContainsKey(key);
    public bool Remove(string key) => _properties.Remove(key);
    public bool TryGetValue(string key, out object? value) => _properties.TryGetValue(key, out value);
    public void Clear() => _properties.Clear();
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _properties.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    void ICollection<KeyValuePair<string, object?>>.Add(KeyValuePair<string, object?> item) => _properties.Add(item.Key, item.Value);
    bool ICollection<KeyValuePair<string, object?>>.Contains(KeyValuePair<string, object?> item) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).Contains(item);
    void ICollection<KeyValuePair<string, object?>>.CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).CopyTo(array, arrayIndex);
    bool ICollection<KeyValuePair<string, object?>>.Remove(KeyValuePair<string, object?> item) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).Remove(item);

    private object? GetValue(string key) => _properties.TryGetValue(key, out var value) ? value : null;

    private T? Get<T>(string key) where T : class => GetValue(key) switch
    {
        null => null,
        T typed => typed,
        var other => throw WrongType(key, other, typeof(T).Name),
    };

    private T? GetStruct<T>(string key) where T : struct => GetValue(key) switch
    {
        null => null,
        T typed => typed,
        var other => throw WrongType(key, other, typeof(T).Name),
    };

    private static InvalidOperationException WrongType(string key, object value, string wanted) =>
        new($"Property '{key}' holds a {value.GetType().Name}, not a {wanted}.");
}
