using System.Globalization;

namespace TeamsPolicyBot.Storage;

/// <summary>How the table service writes typed values in JSON bodies and filters.</summary>
internal static class TableValueFormat
{
    public const string Int64 = "Edm.Int64";
    public const string Double = "Edm.Double";
    public const string DateTimeType = "Edm.DateTime";
    public const string Guid = "Edm.Guid";
    public const string Binary = "Edm.Binary";

    // The service keeps 100 ns precision, exactly what the seven fraction digits carry.
    public static string DateTime(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
