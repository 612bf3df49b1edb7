using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs.Models;
using TeamsPolicyBot.Approvals;
using TeamsPolicyBot.Approvals.Photos;
using TeamsPolicyBot.Tests.Infrastructure;
using Xunit.Abstractions;
using static TeamsPolicyBot.Tests.Approvals.ApprovalsHost;

namespace TeamsPolicyBot.Tests.Approvals.Photos;

/// <summary>
/// Photos with a post request end to end: real image files sent through /api/messages (their download URLs on a
/// 127.0.0.1 file host, as Teams' are on SharePoint), stored in Azurite's blob service, shown on the approvers' card,
/// opened full size, and deleted.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PhotoWorkflowTests(AzuriteFixture azurite, ITestOutputHelper output)
    : ApprovalsHostTests(azurite, new() { ["Approvals:MaxPhotoBytes"] = (3 * 1024 * 1024).ToString() }), IAsyncLifetime
{
    /// <summary>Teams' limit for one message with its cards, "about 28 KB": read as the smaller 28,000 bytes.</summary>
    private const int TeamsMessageLimit = 28_000;

    private FakeFileHost _files = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        _files = await FakeFileHost.StartAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await _files.DisposeAsync();
        await DisposeAsync();
    }

    [Fact]
    public async Task Submit_TenPhotosThroughTheChat_StoredWithoutGpsAndShownAsThumbnailsUnderTheCardLimit()
    {
        var first = await SendFilesAsync([.. Enumerable.Range(1, 6).Select(i => ($"sports-day-{i}.jpg", TestPhotos.JpegWithGps(seed: i)))]);
        Assert.StartsWith("I've added sports-day-1.jpg, sports-day-2.jpg", first);
        Assert.Contains("(6 of 10 photos)", first);
        var second = await SendAsync(new JsonArray(
            [.. Enumerable.Range(7, 3).Select(i => FileAttachment($"sports-day-{i}.jpg", TestPhotos.JpegWithGps(width: 4000, height: 3000, seed: i))),
             PastedImage(_files.Add("pasted.png", TestPhotos.Png()))]));
        Assert.Contains("the pasted image 4", second);
        Assert.Contains("(10 of 10 photos)", second);

        var blobs = await PhotoBlobsAsync();
        Assert.Equal(10, blobs.Count);
        foreach (var blob in blobs)
        {
            var stored = (await Host.Photos.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
            Assert.Equal(PhotoFormat.Jpeg, PhotoFormats.Sniff(stored));
            Assert.False(TestPhotos.ContainsExif(stored), $"{blob.Name} still carries EXIF");
            Assert.DoesNotContain((byte)0xE1, TestPhotos.AppMarkers(stored));
        }

        var before = Host.Connector.Requests.Count;
        await Host.SubmitAsync(GoodPost(text: LongestPostText()));

        var toApprovers = Host.Connector.Requests.Skip(before).Where(r => r.PathAndQuery.EndsWith("/activities", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, toApprovers.Count);
        foreach (var message in toApprovers)
        {
            var images = Images(CardJson.Card(message));
            Assert.Equal(10, images.Count);
            Assert.All(images, image => Assert.StartsWith("data:image/jpeg;base64,", (string)image["url"]!));
            var bytes = Encoding.UTF8.GetByteCount(message.Body);
            output.WriteLine($"Approver's message with 10 photos and a {PostForm.MaxTextLength}-character post: {bytes:N0} bytes");
            Assert.True(bytes < TeamsMessageLimit, $"the approver's message is {bytes:N0} bytes; Teams takes {TeamsMessageLimit:N0}");
        }
        Assert.Empty(await StagedAsync());
    }

    [Fact]
    public async Task OpenPhoto_ApproverRequesterColleagueAndLater_OnlyApproverAndRequesterUntilTheLinkExpires()
    {
        await SendFilesAsync(("relay.jpg", TestPhotos.JpegWithGps()));
        var requestId = await Host.SubmitAsync();
        var photoId = (await Host.StoredAsync(requestId)).Photos.Single().Id;

        var approverLink = await OpenLinkAsync(requestId, photoId, Jo);
        var requesterLink = await OpenLinkAsync(requestId, photoId, Requester);
        var refused = await Host.InvokeAsync(ApprovalVerbs.OpenPhoto, PhotoData(requestId, photoId), Colleague);

        using var web = Host.Bot.CreateClient();
        var photo = await web.GetAsync(approverLink);
        Assert.Equal((HttpStatusCode.OK, "image/jpeg"), (photo.StatusCode, photo.Content.Headers.ContentType?.MediaType));
        Assert.False(TestPhotos.ContainsExif(await photo.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.OK, (await web.GetAsync(requesterLink)).StatusCode);
        Assert.Equal("Only the approvers of this request and the person who made it can open its photos.", (string?)refused["value"]);

        var otherPhoto = approverLink.Replace(photoId, Guid.NewGuid().ToString("N"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await web.GetAsync(otherPhoto)).StatusCode);

        Host.Time.Advance(TimeSpan.FromMinutes(6));
        var forwarded = await web.GetAsync(approverLink);
        Assert.Equal(HttpStatusCode.Forbidden, forwarded.StatusCode);
        Assert.Contains("expired", await forwarded.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Withdraw_RequestWithPhotos_BlobsDeletedAtOnceAndTheLinkFindsNothing()
    {
        await SendFilesAsync(("relay.jpg", TestPhotos.JpegWithGps(seed: 1)), ("medals.jpg", TestPhotos.JpegWithGps(seed: 2)));
        var requestId = await Host.SubmitAsync();
        var photoId = (await Host.StoredAsync(requestId)).Photos[0].Id;
        var link = await OpenLinkAsync(requestId, photoId, Requester);
        Assert.Equal(2, (await PhotoBlobsAsync()).Count);

        await Host.InvokeAsync(ApprovalVerbs.Withdraw, new JsonObject { ["requestId"] = requestId }, Requester);

        Assert.Empty(await PhotoBlobsAsync());
        Assert.Empty((await Host.StoredAsync(requestId)).Photos);
        using var web = Host.Bot.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task Sweep_DecidedRequestAndForgottenPhoto_DeletedAfterTheRetentionDays()
    {
        await SendFilesAsync(("relay.jpg", TestPhotos.JpegWithGps()));
        var requestId = await Host.SubmitAsync();
        await Host.InvokeAsync(ApprovalVerbs.Decide, Decision(requestId, "approve"), Jo);
        await SendFilesAsync(("never-sent.jpg", TestPhotos.JpegWithGps(seed: 5)));
        var sweeper = Host.Service<PhotoSweeper>();

        Host.Time.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, await sweeper.SweepAsync(CancellationToken.None));
        Assert.Single((await Host.StoredAsync(requestId)).Photos);

        Host.Time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(2, await sweeper.SweepAsync(CancellationToken.None));

        Assert.Empty(await PhotoBlobsAsync());
        var request = await Host.StoredAsync(requestId);
        Assert.Equal((ApprovalStatus.Approved, 0), (request.Status, request.Photos.Count));
    }

    [Fact]
    public async Task SendPhotos_HostileFiles_EachRefusedByNameAndTheGoodOneKept()
    {
        var reply = await SendAsync(new JsonArray(
            FileAttachment("good.jpg", TestPhotos.JpegWithGps()),
            FileAttachment("cut-short.jpg", TestPhotos.TruncatedJpeg()),
            FileAttachment("bomb.png", TestPhotos.PngBomb()),
            FileAttachment("sports-day.jpg", TestPhotos.Executable()),
            FileAttachment("IMG_0042.HEIC", TestPhotos.Heic()),
            DownloadInfo("endless.jpg", _files.Endless("endless.jpg"))));

        Assert.Equal(string.Join("\n\n",
            "I've added good.jpg to your next post request (1 of 10 photos). Fill in the form (type \"request a post\" if you need it) and send it for approval. Type \"remove photos\" to start again.",
            "I couldn't read cut-short.jpg: it may be damaged or cut short. Please send it again as a JPEG or PNG.",
            "bomb.png is 100,000 × 100,000 pixels; the limit is 50 megapixels. Please send a smaller copy.",
            "sports-day.jpg isn't a JPEG, PNG or HEIC photo, so I haven't added it.",
            "I couldn't read IMG_0042.HEIC: it may be damaged or cut short. Please send it again as a JPEG or PNG.",
            "endless.jpg is larger than the 3 MB limit for one photo. Please send a smaller copy."), reply);
        // The endless file was cut off soon after the limit, not read to its 1 GB end.
        output.WriteLine($"The endless download sent {_files.EndlessBytesSent:N0} bytes before the bot hung up (limit {3 * 1024 * 1024:N0})");
        Assert.InRange(_files.EndlessBytesSent, 3 * 1024 * 1024, 32 * 1024 * 1024);
        Assert.Equal(["good.jpg"], (await StagedAsync()).Select(p => p.Name));
    }

    [Fact]
    public async Task SendPhotos_MoreThanTen_TheRestRefusedByName()
    {
        await SendFilesAsync([.. Enumerable.Range(1, 9).Select(i => ($"p{i}.jpg", TestPhotos.JpegWithGps(width: 400, height: 300, seed: i)))]);

        var reply = await SendFilesAsync(("p10.jpg", TestPhotos.JpegWithGps(width: 400, height: 300)), ("p11.jpg", TestPhotos.JpegWithGps(width: 400, height: 300)));

        Assert.Contains("I've added p10.jpg to your next post request (10 of 10 photos).", reply);
        Assert.Contains("A request can have up to 10 photos, so I haven't added p11.jpg.", reply);
        Assert.Equal(10, (await StagedAsync()).Count);
    }

    [Theory]
    [InlineData("none", "You sent 1 photo but answered that the post has no photos or video of pupils.")]
    [InlineData("unsure", "You are not sure everyone pictured has written consent.")]
    public async Task Submit_PhotosButNoneOrNotSureAnswered_SentBackWithTheClauseBeforeAnyApprover(string answer, string problem)
    {
        await SendFilesAsync(("relay.jpg", TestPhotos.JpegWithGps()));
        var form = GoodPost();
        form["photos"] = answer;
        var before = Host.Connector.Requests.Count;

        var body = await Host.InvokeAsync(ApprovalVerbs.SubmitPost, form, Requester);

        var text = CardJson.Text(body["value"]);
        Assert.Contains(problem, text);
        Assert.Contains("Staff must not publish photographs of children without the written consent of parents", text);
        Assert.Contains("relay.jpg", text);
        Assert.Equal([ApprovalVerbs.SubmitPost], CardJson.Verbs(body["value"]));
        Assert.Equal(before, Host.Connector.Requests.Count);
        Assert.Single(await StagedAsync());
    }

    [Fact]
    public async Task RemovePhotos_PhotosWaiting_DeletedAndTheNextRequestHasNone()
    {
        await SendFilesAsync(("relay.jpg", TestPhotos.JpegWithGps()));

        var reply = Assert.Single(await Host.SayAsync("remove photos"));
        var requestId = await Host.SubmitAsync();

        Assert.Equal("I've removed the 1 photo(s) waiting for your next post request.", reply.Text);
        Assert.Empty(await PhotoBlobsAsync());
        Assert.Empty((await Host.StoredAsync(requestId)).Photos);
    }

    private async Task<string> OpenLinkAsync(string requestId, string photoId, Staff who)
    {
        var body = await Host.InvokeAsync(ApprovalVerbs.OpenPhoto, PhotoData(requestId, photoId), who);
        var card = body["value"]!;
        Assert.Contains("The link works for 5 minutes.", CardJson.Text(card));
        var url = new Uri(OpenUrls(card).Single());
        Assert.StartsWith("http://127.0.0.1:3978/approvals/photos/", url.ToString());
        return url.PathAndQuery;
    }

    private static JsonObject PhotoData(string requestId, string photoId) => new() { ["requestId"] = requestId, ["photoId"] = photoId };

    private Task<string> SendFilesAsync(params (string Name, byte[] Bytes)[] files) =>
        SendAsync(new JsonArray([.. files.Select(file => FileAttachment(file.Name, file.Bytes))]));

    private async Task<string> SendAsync(JsonArray attachments)
    {
        var reply = Assert.Single(await Host.SendAsync("", attachments));
        return reply.Text!;
    }

    private JsonObject FileAttachment(string name, byte[] bytes) => DownloadInfo(name, _files.Add(name, bytes));

    /// <summary>A file sent in the personal chat, as Teams gives it to a bot with supportsFiles.</summary>
    private static JsonObject DownloadInfo(string name, Uri downloadUrl) => new()
    {
        ["contentType"] = IncomingPhotos.FileDownloadInfo,
        ["contentUrl"] = "https://contoso-my.sharepoint.com/personal/sam_contoso_org/Documents/Microsoft Teams Chat Files/" + name,
        ["name"] = name,
        ["content"] = new JsonObject
        {
            ["downloadUrl"] = downloadUrl.ToString(),
            ["uniqueId"] = Guid.NewGuid().ToString().ToUpperInvariant(),
            ["fileType"] = Path.GetExtension(name).TrimStart('.').ToLowerInvariant(),
        },
    };

    /// <summary>An image pasted into the message.</summary>
    private static JsonObject PastedImage(Uri contentUrl) => new() { ["contentType"] = "image/*", ["contentUrl"] = contentUrl.ToString() };

    private async Task<List<BlobItem>> PhotoBlobsAsync()
    {
        var blobs = new List<BlobItem>();
        await foreach (var blob in Host.Photos.GetBlobsAsync())
        {
            if (!blob.Name.StartsWith("keys/", StringComparison.Ordinal))
                blobs.Add(blob);
        }
        return blobs;
    }

    private Task<IReadOnlyList<StoredPhoto>> StagedAsync() => Host.Service<PhotoStore>().StagedAsync(Requester.AadObjectId, CancellationToken.None);

    /// <summary>A post as long as the form allows, with characters JSON must escape.</summary>
    private static string LongestPostText() =>
        string.Concat(Enumerable.Repeat("Year 5's \"brilliant\" sports day: relay, sack race & medals!\n", 100))[..PostForm.MaxTextLength];

    private static List<JsonObject> Images(JsonNode card) => Walk(card).OfType<JsonObject>().Where(o => (string?)o["type"] == "Image").ToList();

    private static List<string> OpenUrls(JsonNode card) =>
        Walk(card).OfType<JsonObject>().Where(o => (string?)o["type"] == "Action.OpenUrl").Select(o => (string)o["url"]!).ToList();

    private static IEnumerable<JsonNode> Walk(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Select(p => p.Value).OfType<JsonNode>().SelectMany(Walk).Prepend(obj),
        JsonArray array => array.OfType<JsonNode>().SelectMany(Walk),
        null => [],
        _ => [],
    };
}
