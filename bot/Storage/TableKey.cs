using System.Globalization;
using System.Text;

namespace TeamsPolicyBot.Storage;

/// <summary>
/// PartitionKey and RowKey rules. Azure forbids <c>/ \ # ?</c> and control characters in keys and
/// limits them to 1 KiB (512 UTF-16 characters); <see cref="Encode"/> turns any id into a key that obeys
/// those rules while staying readable (Teams ids such as <c>19:abc@thread.tacv2;messageid=1</c> are unchanged).
/// </summary>
public static class TableKey
{
    // '~' is unreserved in URLs, so encoded keys survive request paths untouched. '%' is escaped too:
    // percent signs in keys are a long-standing source of double-decoding bugs in proxies and tools.
    private const char Escape = '~';

    /// <summary>Makes <paramref name="id"/> safe as a key; reversible with <see cref="Decode"/>.</summary>
    public static string Encode(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var key = new StringBuilder(id.Length + 8);
        foreach (var c in id)
        {
            if (NeedsEscape(c))
            {
                key.Append(Escape).Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                key.Append(c);
            }
        }
        return key.ToString();
    }

    /// <summary>Recovers the id that <see cref="Encode"/> was given.</summary>
    public static string Decode(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var id = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] != Escape)
            {
                id.Append(key[i]);
                continue;
            }
            if (i + 2 >= key.Length
                || !byte.TryParse(key.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                || !NeedsEscape((char)code))
            {
                throw new FormatException($"'{key}' is not a key made by TableKey.Encode: bad escape at position {i}.");
            }
            id.Append((char)code);
            i += 2;
        }
        return id.ToString();
    }

    private static bool NeedsEscape(char c) => c is '/' or '\\' or '#' or '?' or '%' or Escape || char.IsControl(c);
}
