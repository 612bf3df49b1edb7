using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using TeamsPolicyBot.Storage;
using TeamsPolicyBot.Testing;

namespace TeamsPolicyBot.Tests.Storage;

/// <summary>Table (and blob) endpoints on 127.0.0.1 that never answer like a table service does.</summary>
internal static class Unreachable
{
    /// <summary>A port that was free a moment ago and has nothing listening: connections are refused.</summary>
    public static string ClosedPortConnectionString()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return ConnectionStringFor(port);
    }

    /// <summary>The bot's client settings on a closed port, with retries 1 ms apart so a test hears of it at once.</summary>
    public static TableServiceClient ClosedPortClient()
    {
        var options = TableClientDefaults.Create();
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        return new TableServiceClient(ClosedPortConnectionString(), options);
    }

    public static string ConnectionStringFor(int port) =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
        + $"AccountKey={AzuriteProcess.DevelopmentAccountKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;"
        + $"BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1";
}
