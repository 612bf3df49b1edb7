using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsPolicyBot.Connector;

/// <summary>The one set of JSON options for everything that crosses the Bot Connector wire.</summary>
public static class ConnectorJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new RawJsonElementConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
