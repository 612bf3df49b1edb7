using System.Net;
using Azure.Core;
using Microsoft.Extensions.Options;
using Moq;
using TeamsPolicyBot.Approvals.Photos;
using TeamsPolicyBot.Connector;

namespace TeamsPolicyBot.Tests.Approvals.Photos;

public class PhotoDownloaderTests
{
    private static readonly Uri ServiceUrl = new("https://smba.trafficmanager.net/uk/");

    private readonly RecordingHandler _handler = new();

    [Fact]
    public async Task Download_PastedImageOnTheConnector_SendsTheBotsToken()
    {
        var photo = new IncomingPhoto("pasted", new Uri("https://smba.trafficmanager.net/uk/v3/attachments/0-abc/views/original"), NeedsBotToken: true);

        var download = await Downloader().DownloadAsync(photo, ServiceUrl, CancellationToken.None);

        Assert.Equal([1, 2, 3], download.File);
        Assert.Equal("Bearer bot-token", _handler.Authorization);
    }

    [Theory]
    [InlineData("https://example.org/views/original", true)]
    [InlineData("https://contoso-my.sharepoint.com/personal/sam/_layouts/15/download.aspx?tempauth=x", false)]
    public async Task Download_AnywhereButTeams_NoToken(string url, bool needsToken)
    {
        await Downloader().DownloadAsync(new IncomingPhoto("photo.jpg", new Uri(url), needsToken), ServiceUrl, CancellationToken.None);

        Assert.Equal("", _handler.Authorization);
    }

    [Fact]
    public async Task Download_DeclaredLengthOverTheLimit_RefusedNamingFileAndLimit()
    {
        _handler.DeclaredLength = 30L * 1024 * 1024;

        var download = await Downloader().DownloadAsync(
            new IncomingPhoto("huge.jpg", new Uri("https://contoso-my.sharepoint.com/huge.jpg"), false), ServiceUrl, CancellationToken.None);

        Assert.Equal((null, "huge.jpg is larger than the 20 MB limit for one photo. Please send a smaller copy."), (download.File, download.Refusal));
    }

    [Fact]
    public async Task Download_PlainHttpElsewhere_RefusedWithoutAsking()
    {
        var download = await Downloader().DownloadAsync(
            new IncomingPhoto("photo.jpg", new Uri("http://example.org/photo.jpg"), false), ServiceUrl, CancellationToken.None);

        Assert.Equal("I couldn't download photo.jpg from Teams. Please send it again.", download.Refusal);
        Assert.Null(_handler.Authorization);
    }

    private PhotoDownloader Downloader()
    {
        var credential = new Mock<TokenCredential>();
        credential.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken("bot-token", DateTimeOffset.UtcNow.AddHours(1)));
        var clients = new Mock<IHttpClientFactory>();
        clients.Setup(f => f.CreateClient(nameof(PhotoDownloader))).Returns(() => new HttpClient(_handler, disposeHandler: false));
        return new PhotoDownloader(clients.Object, new Lazy<BotTokenCache>(() => new BotTokenCache(credential.Object, TimeProvider.System)),
            Options.Create(new BotOptions { AppId = "0b7d2e4f-6a8c-4e1b-9d3f-5a7c9e1b3d5f" }), Options.Create(new PhotoOptions()));
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public string? Authorization { get; private set; }

        public long? DeclaredLength { get; set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorization = request.Headers.Authorization?.ToString() ?? "";
            var content = new ByteArrayContent([1, 2, 3]);
            if (DeclaredLength is { } length)
                content.Headers.ContentLength = length;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        }
    }
}
