using System.Net;

namespace TeamsPolicyBot.Tests.Storage;

/// <summary>Stands in for the network in pipeline unit tests: records each request and answers with the given status.</summary>
internal sealed class RecordingHandler(params HttpStatusCode[] answers) : HttpMessageHandler
{
    private readonly List<HttpRequestMessage> _requests = [];

    public IReadOnlyList<HttpRequestMessage> Requests => _requests;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _requests.Add(request);
        var status = answers[Math.Min(_requests.Count, answers.Length) - 1];
        return Task.FromResult(new HttpResponseMessage(status) { RequestMessage = request, Content = new StringContent("") });
    }
}
